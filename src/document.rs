//! A document: the original text, its prose mask and the analyses shared by every check.

use crate::checks::gate::{self, ByteSet};
use crate::input::{self, Format, InputError};
use crate::suppress::{self, Directive};
use crate::text::names::{self, NameAnalysis, NameLexicon};
use crate::text::quotes::{self, Balance};
use crate::text::script::ScriptCounts;
use crate::text::{language, sentences, words, words::Word};
use std::ops::Range;
use std::sync::Arc;
use std::sync::OnceLock;

/// One file (or stdin) ready to lint. Analyses are computed at most once, on first use.
pub struct Document {
    path: String,
    format: Format,
    source: String,
    prose: String,
    blocks: Vec<Range<usize>>,
    /// Suppression directives, in source order.
    directives: Vec<Directive>,
    language: Option<String>,
    words: OnceLock<Vec<Word>>,
    sentences: OnceLock<Vec<Range<usize>>>,
    line_starts: OnceLock<Vec<usize>>,
    /// The ASCII characters of the prose, for regex gates.
    ascii_bytes: OnceLock<ByteSet>,
    balances: OnceLock<Vec<Balance>>,
    script_counts: OnceLock<ScriptCounts>,
    /// The name analysis and the address of the lexicon it was made with (shared by name-drift
    /// and title rules, which use the same name data).
    names: OnceLock<(usize, Arc<NameAnalysis>)>,
}

impl Document {
    /// Decodes and prepares `bytes`. `language` overrides detection when given.
    pub fn from_bytes(
        path: impl Into<String>,
        bytes: Vec<u8>,
        format: Format,
        language: Option<&str>,
    ) -> Result<Document, InputError> {
        let source = input::decode(bytes)?;
        Ok(Document::from_text(path, source, format, language))
    }

    /// Prepares already decoded text. `language` overrides detection when given.
    pub fn from_text(
        path: impl Into<String>,
        source: String,
        format: Format,
        language: Option<&str>,
    ) -> Document {
        let prose = input::prose(&source, format);
        let language = match language {
            Some(code) => Some(code.to_string()),
            None => language::detect(&prose.text).map(str::to_string),
        };
        let directives = suppress::parse(&source, &prose.directives);
        Document {
            path: path.into(),
            format,
            source,
            prose: prose.text,
            blocks: prose.blocks,
            directives,
            language,
            words: OnceLock::new(),
            sentences: OnceLock::new(),
            line_starts: OnceLock::new(),
            ascii_bytes: OnceLock::new(),
            balances: OnceLock::new(),
            script_counts: OnceLock::new(),
            names: OnceLock::new(),
        }
    }

    /// The path as given on the command line (`-` or `--stdin-filename` for stdin).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The input format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The original text, byte for byte (BOM and CRLF included).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The prose mask: same length as the source, non-prose blanked out.
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// Leaf blocks of prose: paragraphs, headings, list items.
    pub fn blocks(&self) -> &[Range<usize>] {
        &self.blocks
    }

    /// The suppression directives, in source order.
    pub(crate) fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// The document language as an ISO 639-1 code, if known.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The ASCII characters present in the prose, as a set (see [`crate::checks::gate`]).
    pub fn ascii_bytes(&self) -> ByteSet {
        *self.ascii_bytes.get_or_init(|| gate::present(&self.prose))
    }

    /// The words of the prose, in order.
    pub fn words(&self) -> &[Word] {
        self.words.get_or_init(|| words::scan(&self.prose))
    }

    /// The sentences of the prose, in order.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences
            .get_or_init(|| sentences::split(&self.prose, &self.blocks))
    }

    /// The quotation marks and brackets of each block (see [`Document::blocks`]), paired.
    pub fn balances(&self) -> &[Balance] {
        self.balances.get_or_init(|| {
            self.blocks
                .iter()
                .map(|block| quotes::balance(&self.prose, block.clone()))
                .collect()
        })
    }

    /// The letters of the prose counted by script.
    pub fn script_counts(&self) -> &ScriptCounts {
        self.script_counts
            .get_or_init(|| ScriptCounts::of(&self.prose))
    }

    /// The proper-name mentions of the prose, found with `lexicon`: computed once per document for
    /// the run's name data (another lexicon, as in tests with several rule sets, is not cached).
    pub fn names(&self, lexicon: &NameLexicon) -> Arc<NameAnalysis> {
        let key = lexicon as *const NameLexicon as usize;
        let (cached_key, analysis) = self
            .names
            .get_or_init(|| (key, Arc::new(names::analyse(self, lexicon))));
        if *cached_key == key {
            analysis.clone()
        } else {
            Arc::new(names::analyse(self, lexicon))
        }
    }

    /// 1-based line and 1-based column (in characters, a BOM not counted) of a byte offset (an
    /// offset inside a character counts as that character's start).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let line_text = &self.source[starts[line]..offset];
        // A BOM is not a character anyone sees: editors start line 1 after it.
        let line_text = line_text.strip_prefix('\u{feff}').unwrap_or(line_text);
        let column = line_text.chars().count() + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let doc = Document::from_text("a.txt", "Ünï\nb Kyiv\r\nc".into(), Format::Text, Some("en"));
        assert_eq!(doc.line_col(0), (1, 1));
        assert_eq!(doc.line_col("Ünï".len()), (1, 4));
        let kyiv = doc.source().find("Kyiv").unwrap();
        assert_eq!(doc.line_col(kyiv), (2, 3));
        assert_eq!(doc.line_col(doc.source().len()), (3, 2));
        // Inside 'Ü' (two bytes): the character's own column.
        assert_eq!(doc.line_col(1), (1, 1));
    }

    #[test]
    fn override_language_wins() {
        let doc = Document::from_text(
            "a",
            "The talks resumed in the capital on Monday.".into(),
            Format::Text,
            Some("de"),
        );
        assert_eq!(doc.language(), Some("de"));
    }
}
