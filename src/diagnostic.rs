//! Diagnostics: what a rule reports, with spans into the original file.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity '{other}' (expected error, warning or info)"
            )),
        }
    }
}

/// The fixed set of finding categories, each with an MQM equivalent (see docs/categories.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// A named entity spelled inconsistently or wrongly.
    Name,
    /// A person's title or role inconsistent.
    Title,
    /// Broken, looping, nonsensical or doubled text.
    Garble,
    /// Text left in another language or script.
    Language,
    /// House style, preferred spellings.
    Style,
    /// Domain terms translated inconsistently or wrongly.
    Terminology,
    /// Quotes, spacing, punctuation.
    Typography,
    /// Leftover tags, placeholders, escapes.
    Markup,
    /// Numbers, dates, units.
    Number,
}

impl Category {
    /// Every category, in documentation order.
    pub const ALL: [Category; 9] = [
        Category::Name,
        Category::Title,
        Category::Garble,
        Category::Language,
        Category::Style,
        Category::Terminology,
        Category::Typography,
        Category::Markup,
        Category::Number,
    ];

    /// The lowercase name used in rule files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Title => "title",
            Category::Garble => "garble",
            Category::Language => "language",
            Category::Style => "style",
            Category::Terminology => "terminology",
            Category::Typography => "typography",
            Category::Markup => "markup",
            Category::Number => "number",
        }
    }

    /// The nearest MQM error type.
    pub fn mqm(self) -> &'static str {
        match self {
            Category::Name => {
                "Accuracy/Mistranslation (named entity); Locale convention/Name format"
            }
            Category::Title => "Accuracy/Mistranslation; Fluency/Inconsistency",
            Category::Garble => "Fluency/Grammar; Fluency/Spelling; Style/Awkward",
            Category::Language => "Accuracy/Source language fragment; Non-translation",
            Category::Style => "Style/Company style",
            Category::Terminology => {
                "Terminology/Inconsistent; Terminology/Inappropriate for context"
            }
            Category::Typography => "Fluency/Punctuation; Locale convention",
            Category::Markup => "Fluency/Character encoding; Markup",
            Category::Number => "Locale convention/Number format; Locale convention/Date format",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
                format!(
                    "unknown category '{s}' (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// A secondary span with its own message ("first written as 'Kyiv' here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub message: String,
    /// The document the span belongs to, when it is not the diagnostic's own (cross-file findings).
    pub path: Option<Arc<str>>,
}

/// A replacement of a byte range (usually the diagnostic's primary span).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The byte range replaced, on char boundaries.
    pub span: Range<usize>,
    /// The text that replaces `span`.
    pub replacement: String,
    /// Safe fixes are applied by `--fix`; unsafe ones are suggestions only.
    pub safe: bool,
}

/// One finding of one rule in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, `pack.rule-name`.
    pub rule: Arc<str>,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    /// Byte range into the original file, on char boundaries.
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
    /// An extra line telling the user what to do.
    pub help: Option<String>,
}
