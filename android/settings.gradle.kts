// Keel's Android app: core (gateway over the generated bindings), ui
// (platform-free screens), app (Android glue). jvm/ is a Maven build of
// core + ui for the JVM tests, not part of this Gradle build.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "keel-android"
include(":core", ":ui", ":app")
