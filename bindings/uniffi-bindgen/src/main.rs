//! The bindgen CLI on exactly the uniffi version that builds `keel-ffi`, so
//! that generated bindings and the library's scaffolding always agree.

fn main() {
    uniffi::uniffi_bindgen_main()
}
