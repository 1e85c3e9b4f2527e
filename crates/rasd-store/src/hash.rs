//! Stable hashes written to the database.
//!
//! Everything hashed here is stored (content hashes, MinHash signatures, LSH band keys),
//! so the functions must give the same value on every platform and every Rust release:
//! `std`'s hashers promise neither, hence FNV-1a and a SplitMix64 finalizer written out.

const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0100_0000_01b3;
const FNV128_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV128_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// 64-bit FNV-1a of `bytes`.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h = FNV64_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV64_PRIME);
    }
    h
}

/// 128-bit FNV-1a of `bytes` as 32 hex digits: the content identity of an article.
/// 128 bits keep accidental collisions out of reach for any corpus size.
pub fn fnv128_hex(bytes: &[u8]) -> String {
    let mut h = FNV128_OFFSET;
    for &b in bytes {
        h ^= u128::from(b);
        h = h.wrapping_mul(FNV128_PRIME);
    }
    format!("{h:032x}")
}

/// SplitMix64's finalizer: spreads FNV's weak low bits over the whole word.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_never_change() {
        // Stored in databases: a change here silently breaks deduplication.
        assert_eq!(fnv64(b""), FNV64_OFFSET);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv128_hex(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fnv128_hex(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_eq!(mix64(0), 0);
    }
}
