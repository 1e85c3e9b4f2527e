//! The Arabic text layer of rasd.
//!
//! Matching in later stages runs on a *normalized view* of the article
//! ([`normalize::normalize`]), while every span they report must point into the text as
//! published. [`normalize::Normalized`] therefore carries a map from each byte of the
//! normalized view back to code-point offsets of the original, and every other piece of
//! this crate (tokens, clitic stems, sentences, numbers) reports positions through it.
//!
//! ```
//! use rasd_text::normalize::normalize;
//! let n = normalize("قُتِلَ ٣٠ شخصاً");
//! assert_eq!(n.as_str(), "قتل 30 شخصا");
//! let (s, e) = n.to_original(n.as_str().find("30").unwrap(), n.as_str().len() - "شخصا".len() - 1);
//! assert_eq!((s, e), (7, 9)); // "٣٠" after the six code points of "قُتِلَ" and a space
//! ```
#![deny(missing_docs)]

pub mod clitics;
pub mod normalize;
pub mod numbers;
pub mod phrases;
pub mod sentences;
pub mod tokens;

pub use normalize::{normalize, Normalized};
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenKind};

/// The text of a run of code points, sized once (collecting `char`s into a `String`
/// grows it over and over: this runs for every span a stage reports).
pub fn chars_to_string(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}
