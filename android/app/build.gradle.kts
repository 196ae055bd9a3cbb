// app: Android-only glue (activity, keystore + biometrics, settings,
// intents). Everything a participant sees lives in :ui.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "org.keel.android.app"
    compileSdk = 35
    defaultConfig {
        applicationId = "org.keel.app"
        minSdk = 26 // Keystore keys bound to user authentication with AES-GCM, java.time, JNA's aar
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }
    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }
    packaging {
        // Stored uncompressed and page-aligned, loaded straight from the APK.
        jniLibs.useLegacyPackaging = false
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
    sourceSets {
        // src/main/kotlin: plain android.* glue, also compiled on the JVM
        // against the Android 14 framework jar (android/jvm/pom.xml);
        // src/androidx/kotlin: the activity and ViewModel, which need androidx.
        getByName("main").java.srcDirs("src/main/kotlin", "src/androidx/kotlin")
    }
    lint {
        warningsAsErrors = false
        abortOnError = true
    }
}

kotlin { jvmToolchain(17) }

dependencies {
    implementation(project(":ui"))
    implementation(platform(libs.compose.bom))
    implementation(libs.compose.ui)
    implementation(libs.compose.foundation)
    implementation(libs.compose.material3)
    implementation(libs.activity.compose)
    implementation(libs.lifecycle.viewmodel.compose)
    implementation(libs.lifecycle.process)
    implementation(libs.coroutines.android)
    testImplementation(libs.junit)
}
