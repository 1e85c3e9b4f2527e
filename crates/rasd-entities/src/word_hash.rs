// The hash of the word tables that the build script compiles (`build.rs`) and the
// recognizer reads (`src/words.rs`): both include this file, so a table is probed with
// the hash it was built with.

/// The format of a compiled word table; a table of another format is read as empty.
pub const WORD_TABLE_MAGIC: &[u8; 4] = b"RWT2";

/// FNV-1a over the word's bytes, with a final mix so that its low bits (which place a
/// word in the table) depend on every byte.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}
