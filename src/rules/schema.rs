//! The raw rule-file schema as serde reads it. Every value a validation error may point at is spanned.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A whole rule file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub pack: Option<Spanned<RawPack>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// The optional `[pack]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    pub name: Option<Spanned<String>>,
    /// Free text for readers of the file; accepted and not used.
    #[serde(rename = "description")]
    pub _description: Option<serde::de::IgnoredAny>,
    pub languages: Option<Vec<Spanned<String>>>,
}

/// One `[[rule]]` entry: the keys of every kind; validation rejects keys a kind does not use.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub description: Option<String>,
    pub help: Option<Spanned<String>>,
    pub languages: Option<Vec<Spanned<String>>>,
    pub fix: Option<Spanned<String>>,
    pub examples: Option<Vec<Spanned<RawExample>>>,
    // pattern
    pub pattern: Option<Spanned<OneOrMany>>,
    pub replacement: Option<Spanned<String>>,
    // substitution
    pub swap: Option<Spanned<BTreeMap<String, String>>>,
    pub case_sensitive: Option<Spanned<bool>>,
    // substitution (list of phrases) and repetition (language → words)
    pub exceptions: Option<Spanned<Exceptions>>,
    // repetition
    pub allowed_after_comma: Option<Spanned<WordLists>>,
    pub clause_words: Option<Spanned<WordLists>>,
    // consistency
    pub sets: Option<Spanned<Vec<SpannedSet>>>,
    // name-drift: per-language word lists and thresholds
    pub stopwords: Option<Spanned<WordLists>>,
    pub titles: Option<Spanned<WordLists>>,
    pub particles: Option<Spanned<WordLists>>,
    pub determiners: Option<Spanned<WordLists>>,
    pub inflections: Option<Spanned<WordLists>>,
    pub derivations: Option<Spanned<WordLists>>,
    pub ending_length: Option<Spanned<BTreeMap<String, i64>>>,
    pub min_length: Option<Spanned<i64>>,
    pub one_edit_length: Option<Spanned<i64>>,
    pub two_edit_length: Option<Spanned<i64>>,
    // titles: per-language lexicons, exclusive offices, known office holders
    pub roles: Option<Spanned<PhraseTables>>,
    pub affiliations: Option<Spanned<PhraseTables>>,
    pub prefixes: Option<Spanned<BTreeMap<String, BTreeMap<String, String>>>>,
    pub past: Option<Spanned<WordLists>>,
    pub rank: Option<Spanned<WordLists>>,
    pub connectors: Option<Spanned<WordLists>>,
    pub framing: Option<Spanned<WordLists>>,
    pub posts: Option<Spanned<WordLists>>,
    pub portfolio_heads: Option<Spanned<PhraseTables>>,
    // echo: prefixes, coordinating words, window
    pub echo_prefixes: Option<Spanned<WordLists>>,
    pub conjunctions: Option<Spanned<WordLists>>,
    pub window: Option<Spanned<i64>>,
    pub exclusive: Option<Spanned<Vec<Vec<String>>>>,
    pub organisation_roles: Option<Spanned<Vec<String>>>,
    pub short_forms: Option<Spanned<Vec<Vec<String>>>>,
    pub within: Option<Spanned<BTreeMap<String, String>>>,
    pub holders: Option<Spanned<Vec<RawHolder>>>,
    // names: canonical spelling → wrong variants
    pub canonical: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    // untranslated
    pub detect: Option<Spanned<Vec<Spanned<String>>>>,
    pub skip_inside: Option<Spanned<Vec<Spanned<String>>>>,
    pub min_letters: Option<Spanned<i64>>,
    pub min_confidence: Option<Spanned<f64>>,
    pub min_script_letters: Option<Spanned<i64>>,
    pub function_words: Option<Spanned<WordLists>>,
    // untranslated and loop
    pub min_words: Option<Spanned<i64>>,
    // loop
    pub max_words: Option<Spanned<i64>>,
    pub min_sentence_words: Option<Spanned<i64>>,
    // brackets
    pub marks: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Language code (or `*`) → canonical name → phrases (`en.foreign minister = ["foreign minister", …]`).
pub type PhraseTables = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// A known office holder.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHolder {
    pub name: String,
    pub role: String,
    pub affiliation: Option<String>,
}

/// Language code (or `*`) → words.
pub type WordLists = BTreeMap<String, Vec<String>>;

/// One consistency set: spanned spellings, the set itself spanned.
pub type SpannedSet = Spanned<Vec<Spanned<String>>>;

/// A string or an array of strings (each spanned, so an error can point at one regex).
pub enum OneOrMany {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<String>>()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `exceptions`: phrases (substitution) or language → words (repetition).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Exceptions {
    Phrases(Vec<String>),
    ByLanguage(WordLists),
}

/// One entry of `examples`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    pub bad: Option<String>,
    pub good: Option<String>,
    pub fixed: Option<String>,
    pub lang: Option<Spanned<String>>,
}
