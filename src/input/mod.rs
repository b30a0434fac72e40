//! Loading documents: decoding, format detection and the prose mask.
//!
//! Every adapter produces a *prose* string of exactly the same byte length as the source, in which
//! everything that is not prose (markup, code, URLs, a BOM) is blanked out. Checks run on the prose,
//! so every span they find is already a byte range into the original file.

mod entities;
mod html;
mod markdown;
mod plain;

use crate::text::urls;
use std::fmt;
use std::ops::Range;
use std::path::Path;

/// The input formats translint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: `.txt` and anything unknown.
    Text,
    /// CommonMark with tables, footnotes and front matter.
    Markdown,
    /// HTML: the visible text of an article.
    Html,
}

impl Format {
    /// The format for a file name, by extension.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Text,
        }
    }

    /// Whether a folder walk should pick up files with this extension.
    pub fn is_lintable_extension(ext: &str) -> bool {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "markdown" | "mdown" | "mkd" | "html" | "htm"
        )
    }
}

/// Why a file could not be read as a document.
#[derive(Debug)]
pub enum InputError {
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// The file contains a NUL byte at `offset`: it is binary, not text.
    Binary { offset: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte offset {offset}; translint reads UTF-8 text only (convert the file, e.g. with iconv)"
            ),
            InputError::Binary { offset } => {
                write!(f, "binary file (NUL byte at byte offset {offset}); not linted")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// The result of an adapter: the prose mask, its blocks, and where suppression directives may stand.
pub(crate) struct Prose {
    pub text: String,
    pub blocks: Vec<Range<usize>>,
    /// Comments (Markdown, HTML) and directive lines (plain text) that mention `translint-`.
    pub directives: Vec<Range<usize>>,
}

/// Decodes `bytes` as UTF-8 text, rejecting binary content.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(InputError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Builds the prose mask of `source` for `format`.
pub(crate) fn prose(source: &str, format: Format) -> Prose {
    let mut mask = Mask::blank(source);
    let mut directives = Vec::new();
    let blocks = match format {
        Format::Text => plain::fill(source, &mut mask, &mut directives),
        Format::Markdown => markdown::fill(source, &mut mask, &mut directives),
        Format::Html => html::fill(source, &mut mask, &mut directives),
    };
    // Suppression directives are rare: keep only comments that can be one.
    directives.retain(|r| source[r.clone()].contains(DIRECTIVE_MARK));
    for url in urls::find(&mask.as_str_lossless()) {
        mask.blank_opaque(url);
    }
    if source.starts_with('\u{feff}') {
        mask.blank_range(0..3);
    }
    Prose {
        text: mask.into_string(),
        blocks,
        directives,
    }
}

/// Every suppression directive starts with this (`translint-disable`, `translint-enable`).
pub(crate) const DIRECTIVE_MARK: &str = "translint-";

/// Byte filler for opaque inline content (inline code, URLs): neither a word nor white space,
/// so words on either side never join and never look adjacent.
const OPAQUE: u8 = 0x1a;

/// A byte buffer the length of the source that only ever holds ASCII filler, whole source chars,
/// or whole chars decoded from an HTML character reference.
pub(crate) struct Mask<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    /// Everything blank except line breaks.
    fn blank(source: &'a str) -> Self {
        let bytes = source
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
            .collect();
        Mask { source, bytes }
    }

    /// Copies the source text of `range` (on char boundaries) into the mask.
    pub fn reveal(&mut self, range: Range<usize>) {
        self.bytes[range.clone()].copy_from_slice(&self.source.as_bytes()[range]);
    }

    /// Blanks `range` with spaces, keeping line breaks.
    pub fn blank_range(&mut self, range: Range<usize>) {
        for b in &mut self.bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }

    /// Blanks `range` with the opaque filler, keeping line breaks.
    pub fn blank_opaque(&mut self, range: Range<usize>) {
        for b in &mut self.bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = OPAQUE;
            }
        }
    }

    /// Writes `c` into `range` (longer than `c`), at its right end if `right`, padding the rest
    /// with the opaque filler if `opaque`, else with spaces.
    pub fn write_char(&mut self, range: Range<usize>, c: char, right: bool, opaque: bool) {
        let mut buf = [0; 4];
        let encoded = c.encode_utf8(&mut buf).as_bytes();
        let Some(pad) = range.len().checked_sub(encoded.len()) else {
            return self.blank_opaque(range);
        };
        let at = if right {
            range.start + pad
        } else {
            range.start
        };
        for b in &mut self.bytes[range.clone()] {
            *b = if opaque { OPAQUE } else { b' ' };
        }
        self.bytes[at..at + encoded.len()].copy_from_slice(encoded);
    }

    fn as_str_lossless(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }

    fn into_string(self) -> String {
        // Only ASCII filler and whole chars are ever written, so this is valid UTF-8.
        String::from_utf8(self.bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension() {
        assert_eq!(Format::from_path(Path::new("a.MD")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("a.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("a.HTM")), Format::Html);
        assert_eq!(Format::from_path(Path::new("a.html")), Format::Html);
        assert_eq!(Format::from_path(Path::new("a")), Format::Text);
    }

    #[test]
    fn decode_reports_offsets() {
        assert!(matches!(
            decode(b"ab\xffc".to_vec()),
            Err(InputError::InvalidUtf8 { offset: 2 })
        ));
        assert!(matches!(
            decode(b"abc\0".to_vec()),
            Err(InputError::Binary { offset: 3 })
        ));
        assert_eq!(decode("Kyiv".as_bytes().to_vec()).unwrap(), "Kyiv");
    }

    #[test]
    fn prose_keeps_length_and_masks_bom_and_urls() {
        let src = "\u{feff}Read https://x.org/a now.\r\n";
        let p = prose(src, Format::Text);
        assert_eq!(p.text.len(), src.len());
        assert!(p.text.starts_with("   Read "));
        assert!(p.text.contains(" now.\r\n"));
        assert!(!p.text.contains("https"));
    }
}
