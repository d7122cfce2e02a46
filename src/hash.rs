//! A fast, non-cryptographic hash (the Fx hash used inside rustc) for counting words. Keys here
//! are words of a document, never used for security, so `SipHash`'s protection is not needed.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

pub type Fx = BuildHasherDefault<FxHasher>;

/// A hash map keyed by pre-hashed words.
pub type FxMap<K, V> = std::collections::HashMap<K, V, Fx>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word) ^ (rest.len() as u64) << 56);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hash of a word, ignoring ASCII case.
pub fn word(w: &str) -> u64 {
    let mut h = FxHasher::default();
    let mut buf = [0u8; 8];
    let mut n = 0;
    for b in w.bytes() {
        buf[n] = b.to_ascii_lowercase();
        n += 1;
        if n == 8 {
            h.write_u64(u64::from_le_bytes(buf));
            n = 0;
        }
    }
    if n > 0 {
        buf[n..].fill(0);
        h.write_u64(u64::from_le_bytes(buf) ^ (n as u64) << 56);
    }
    h.finish()
}

/// Combines two hashes (a word pair, a sequence).
pub fn combine(a: u64, b: u64) -> u64 {
    let mut h = FxHasher(a);
    h.write_u64(b);
    h.finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn case_insensitive_and_length_aware() {
        assert_eq!(super::word("Client"), super::word("client"));
        assert_ne!(super::word("a"), super::word("a\0"));
        assert_ne!(super::word("licence"), super::word("license"));
    }
}
