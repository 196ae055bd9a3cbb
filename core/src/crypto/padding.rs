//! Length padding, so a sealed record's size tells little about its content.
//!
//! A plaintext is framed as `len (u32 LE) || bytes || zeros` and grown to a
//! bucket: powers of two from 64 bytes up to 4 KiB, then whole 4 KiB pages.
//! Someone reading the file sees only which bucket a record falls in.

use crate::error::{Error, Result};

const MIN_BUCKET: usize = 64;
const PAGE: usize = 4096;
const LEN_PREFIX: usize = 4;

/// The largest plaintext the store accepts (16 MiB): far above any record,
/// well below what would strain a phone's memory.
pub const MAX_PLAINTEXT: usize = 16 * 1024 * 1024;

/// The padded size for a plaintext of `len` bytes.
pub fn bucket_for(len: usize) -> usize {
    let framed = len + LEN_PREFIX;
    if framed <= PAGE {
        framed.next_power_of_two().max(MIN_BUCKET)
    } else {
        framed.div_ceil(PAGE) * PAGE
    }
}

/// Frames and pads `plain`.
pub fn pad(plain: &[u8]) -> Result<Vec<u8>> {
    if plain.len() > MAX_PLAINTEXT {
        return Err(Error::invalid("record", "too_large"));
    }
    let mut out = Vec::with_capacity(bucket_for(plain.len()));
    out.extend_from_slice(&(plain.len() as u32).to_le_bytes());
    out.extend_from_slice(plain);
    out.resize(bucket_for(plain.len()), 0);
    Ok(out)
}

/// Strips the framing added by [`pad`]; `None` if the frame is malformed.
pub fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let (len, rest) = padded.split_first_chunk::<LEN_PREFIX>()?;
    let len = u32::from_le_bytes(*len) as usize;
    let (body, tail) = rest.split_at_checked(len)?;
    tail.iter().all(|&b| b == 0).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn buckets_are_coarse() {
        assert_eq!(bucket_for(0), 64);
        assert_eq!(bucket_for(60), 64);
        assert_eq!(bucket_for(61), 128);
        assert_eq!(bucket_for(4092), 4096);
        assert_eq!(bucket_for(4093), 8192);
        assert_eq!(bucket_for(10_000), 12_288);
    }

    #[test]
    fn malformed_frames_are_refused() {
        assert_eq!(unpad(&[1, 2]), None);
        assert_eq!(unpad(&[9, 0, 0, 0, 1]), None);
        assert_eq!(unpad(&[1, 0, 0, 0, 7, 1]), None, "non-zero padding");
    }

    #[test]
    fn oversized_plaintext_is_refused() {
        let big = vec![0u8; MAX_PLAINTEXT + 1];
        assert!(matches!(pad(&big), Err(Error::InvalidInput { .. })));
    }

    proptest! {
        #[test]
        fn pad_round_trips(plain in proptest::collection::vec(any::<u8>(), 0..9000)) {
            let padded = pad(&plain).unwrap();
            prop_assert_eq!(padded.len(), bucket_for(plain.len()));
            prop_assert_eq!(unpad(&padded), Some(plain.as_slice()));
        }
    }
}
