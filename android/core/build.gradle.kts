// core: the VaultGateway over the generated bindings, plus the Rust library
// for every ABI. Both are built from the workspace on each build: cargo-ndk
// compiles keel-ffi per ABI (16 KB pages), and the workspace's pinned
// uniffi-bindgen generates the Kotlin from that library. Neither is committed.
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

val workspace: File = rootDir.parentFile
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
val jniLibsDir = layout.buildDirectory.dir("rust/jniLibs")
val bindingsDir = layout.buildDirectory.dir("generated/uniffi/kotlin")
val rustProfile = providers.gradleProperty("keel.rustProfile").getOrElse("release")

val cargoNdk by tasks.registering(Exec::class) {
    description = "Builds libkeel_ffi.so for every ABI with cargo-ndk."
    workingDir = workspace
    inputs.dir(workspace.resolve("core/src"))
    inputs.dir(workspace.resolve("bindings/ffi/src"))
    inputs.file(workspace.resolve("Cargo.lock"))
    outputs.dir(jniLibsDir)
    // 16 KB page alignment for Android 15+ devices.
    environment("RUSTFLAGS", "-C link-arg=-Wl,-z,max-page-size=16384")
    val args = mutableListOf("cargo", "ndk", "--platform", "26", "-o", jniLibsDir.get().asFile.path)
    abis.forEach { args += listOf("-t", it) }
    args += listOf("build", "-p", "keel-ffi")
    if (rustProfile == "release") args += "--release"
    commandLine(args)
}

val generateBindings by tasks.registering(Exec::class) {
    description = "Generates the Kotlin bindings from the built library with the workspace's uniffi-bindgen."
    dependsOn(cargoNdk)
    workingDir = workspace
    inputs.dir(jniLibsDir)
    inputs.file(file("uniffi-android.toml"))
    outputs.dir(bindingsDir)
    val lib = jniLibsDir.map { it.file("arm64-v8a/libkeel_ffi.so").asFile.path }
    doFirst { delete(bindingsDir) }
    commandLine(
        "cargo", "run", "-q", "-p", "uniffi-bindgen", "--", "generate", lib.get(),
        "--language", "kotlin", "--config", file("uniffi-android.toml").path,
        "--out-dir", bindingsDir.get().asFile.path, "--no-format",
    )
}

android {
    namespace = "org.keel.android.core"
    compileSdk = 35
    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].apply {
        java.srcDir(bindingsDir)
        jniLibs.srcDir(jniLibsDir)
    }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin { jvmToolchain(17) }

tasks.named("preBuild") { dependsOn(generateBindings) }

dependencies {
    // JNA's Android artifact: its own libjnidispatch.so per ABI, 16 KB aligned since 5.17.
    api("${libs.jna.get()}@aar")
    api(libs.coroutines.core)
}
