//! Fingerprints: a stable 128-bit hash of bytes, or of anything through
//! its `Debug` form. The manifest keeps one per written file, and the
//! build record one per input a page read ([`crate::record`]), so a
//! rebuild can tell what changed without keeping the previous content.
//!
//! SipHash-1-3 with 128 bits of output: its result is fixed by its
//! specification, not by the version of Rust or of bantin, so a
//! fingerprint written by one build is read by the next.

use std::fmt::{self, Debug, Write as _};
use std::hash::Hasher as _;

use siphasher::sip128::{Hasher128 as _, SipHasher13};

/// A fingerprint, as the manifest and the record write it (32 hex digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u128);

impl Fingerprint {
    /// The fingerprint of a file's content.
    pub fn of_bytes(bytes: &[u8]) -> Fingerprint {
        // The bytes alone, as manifests have always had them.
        let mut h = SipHasher13::new();
        h.write(bytes);
        Fingerprint(h.finish128().as_u128())
    }

    /// The fingerprint of a value's `Debug` form. Only for values whose
    /// `Debug` form is deterministic: no `HashMap` inside.
    pub fn of_debug(value: &impl Debug) -> Fingerprint {
        let mut h = Hasher::default();
        h.debug(value);
        h.finish()
    }

    pub fn hex(self) -> String {
        format!("{:032x}", self.0)
    }

    pub fn from_hex(text: &str) -> Option<Fingerprint> {
        u128::from_str_radix(text, 16).ok().map(Fingerprint)
    }
}

/// A fingerprint made of several parts in turn.
#[derive(Default)]
pub struct Hasher(SipHasher13);

impl Hasher {
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        // The length first, so that ("ab", "c") and ("a", "bc") differ.
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
        self
    }

    /// Adds a value's `Debug` form, written straight into the hash
    /// (nothing is allocated, however large the value).
    pub fn debug(&mut self, value: &impl Debug) -> &mut Self {
        struct Into<'a>(&'a mut SipHasher13);
        impl fmt::Write for Into<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0.write(s.as_bytes());
                Ok(())
            }
        }
        // Writing into a hash cannot fail.
        let _ = write!(Into(&mut self.0), "{value:?}");
        self.0.write_u8(0xff);
        self
    }

    pub fn finish(&self) -> Fingerprint {
        Fingerprint(self.0.finish128().as_u128())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fixed_by_the_content() {
        // SipHash-1-3's output is fixed by its specification: a build
        // reads the fingerprints an earlier build wrote.
        assert_eq!(
            Fingerprint::of_bytes(b"bantin").hex(),
            Fingerprint::of_bytes(b"bantin").hex()
        );
        assert_ne!(Fingerprint::of_bytes(b"a"), Fingerprint::of_bytes(b"b"));
        let mut ab_c = Hasher::default();
        ab_c.bytes(b"ab").bytes(b"c");
        let mut a_bc = Hasher::default();
        a_bc.bytes(b"a").bytes(b"bc");
        assert_ne!(ab_c.finish(), a_bc.finish());
        assert_eq!(
            Fingerprint::of_debug(&vec![1.5, 2.0]),
            Fingerprint::of_debug(&vec![1.5, 2.0])
        );
        assert_ne!(
            Fingerprint::of_debug(&vec![1.5, 2.0]),
            Fingerprint::of_debug(&vec![1.5, 2.5])
        );
        let f = Fingerprint::of_bytes(b"x");
        assert_eq!(Fingerprint::from_hex(&f.hex()), Some(f));
    }
}
