//! Stable hashes written to the database.
//!
//! Everything hashed here is stored (content hashes, MinHash signatures, LSH band keys),
//! so the functions must give the same value on every platform and every Rust release:
//! `std`'s hashers promise neither, hence FNV-1a, a SplitMix64 finalizer and a two-lane
//! word hash written out.

const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0100_0000_01b3;

/// 64-bit FNV-1a of `bytes`.
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h = FNV64_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV64_PRIME);
    }
    h
}

/// A fast 128-bit hash as 32 hex digits: the identity of an article's text and of its
/// analysis. Two independent 64-bit lanes over 8-byte words (FNV-1a 128 costs a 128-bit
/// multiply per byte, too slow for every document JSON on ingest); not cryptographic.
pub fn hash128_hex(bytes: &[u8]) -> String {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    let (mut a, mut b) = (0x243f_6a88_85a3_08d3u64, 0x1319_8a2e_0370_7344u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        a = (a ^ w).wrapping_mul(K1).rotate_left(29);
        b = (b ^ w.rotate_left(32)).wrapping_mul(K2).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let w = u64::from_le_bytes(tail) ^ ((bytes.len() as u64) << 3);
    a = mix64(a ^ w);
    b = mix64(b ^ w.wrapping_mul(K1) ^ a);
    format!("{a:016x}{b:016x}")
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
        assert_eq!(mix64(0), 0);
        assert_eq!(hash128_hex(b""), hash128_hex(b""));
        assert_ne!(hash128_hex(b"a"), hash128_hex(b"a\0"));
        assert_ne!(hash128_hex(b"abcdefgh1"), hash128_hex(b"abcdefgh2"));
        assert_eq!(hash128_hex("قصف".as_bytes()), "ea116b64d7f05493c444624e824efddb");
    }
}
