//! translint: a multilingual translation-quality linter for machine-translated news.
//!
//! The library is what the CLI uses: load rules ([`rules::load_builtin`], [`rules::load_path`]),
//! make a [`Document`], run a [`Linter`], and print the [`Diagnostic`]s with a [`report`] format.

pub mod baseline;
pub mod checks;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod input;
pub mod linter;
pub mod report;
pub mod rules;
pub(crate) mod suppress;
pub mod text;

pub use diagnostic::{Category, Diagnostic, Fix, Label, Severity};
pub use document::Document;
pub use linter::Linter;
