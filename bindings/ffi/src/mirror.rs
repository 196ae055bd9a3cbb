//! Mirrors a core enum of unit variants as an exported enum with the same
//! variants, with conversions both ways.

/// `mirror_enum!(CoreType => FfiType { A, B, C })` where `FfiType` is
/// declared with `#[derive(uniffi::Enum)]` and the same variants, or
/// `mirror_enum!(CoreType => FfiType { Monday = Mon, ... })` where the
/// exported names differ from the core's.
macro_rules! mirror_enum {
    ($core:ty => $ffi:ident { $($variant:ident = $core_variant:ident),+ $(,)? }) => {
        impl From<$core> for $ffi {
            fn from(v: $core) -> Self {
                match v {
                    $(<$core>::$core_variant => $ffi::$variant,)+
                }
            }
        }
        impl From<$ffi> for $core {
            fn from(v: $ffi) -> Self {
                match v {
                    $($ffi::$variant => <$core>::$core_variant,)+
                }
            }
        }
    };
    ($core:ty => $ffi:ident { $($variant:ident),+ $(,)? }) => {
        impl From<$core> for $ffi {
            fn from(v: $core) -> Self {
                match v {
                    $(<$core>::$variant => $ffi::$variant,)+
                }
            }
        }
        impl From<$ffi> for $core {
            fn from(v: $ffi) -> Self {
                match v {
                    $($ffi::$variant => <$core>::$variant,)+
                }
            }
        }
    };
}

pub(crate) use mirror_enum;

/// Converts every item of a list.
pub(crate) fn all<A, B: From<A>>(items: Vec<A>) -> Vec<B> {
    items.into_iter().map(B::from).collect()
}
