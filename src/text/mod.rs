//! Text analyses shared by every check: words, sentences, language, URL masking.

pub mod fold;
pub mod hash;
pub mod language;
pub mod names;
pub mod neighbours;
pub mod quotes;
pub mod script;
pub mod sentences;
pub mod urls;
pub mod words;
