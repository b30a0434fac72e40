//! `titles` rules: a person whose role or affiliation changes within one article ("Norwegian Trade
//! Minister Hakon Veldt" … "EU Trade Minister Hakon Veldt"; "President X" … "Prime Minister X").
//!
//! Title phrases come from per-language lexicons in the rule file (roles with their synonyms,
//! affiliations with their forms, past and rank modifiers). A title attaches to a name mention
//! from [`crate::text::names`] when it stands right before it ("Foreign Minister Hakon Veldt",
//! "министр иностранных дел России Сергей Лавров") or in apposition after it ("Hakon Veldt,
//! Norway's trade minister,"). People are told apart by surname and given name, with the same
//! name data as the name-drift rule, so inflected forms ("Лаврова") are one person.

use super::literal::is_whole_word;
use super::name_drift::NameLanguage;
use super::{Check, NameData};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use crate::text::fold::fold;
use crate::text::hash::FastMap;
use crate::text::names::{strip_clitic, NameAnalysis};
use crate::text::words::is_word_char;
use crate::text::words::Word;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// The word lists of one language's title lexicon, besides its role phrases.
#[derive(Clone, Debug, Default)]
pub struct TitleWords {
    /// Lowercase compound prefix → affiliation (`eu-` → `european union`), `rank:…` (`vize`) or
    /// `""` for a level only (`bundes`).
    pub prefixes: HashMap<String, String>,
    /// Lowercase affiliation phrase → canonical affiliation (`norwegian` → `norway`).
    pub affiliations: HashMap<String, String>,
    /// Words that put a title in the past (`former`, `ex`).
    pub past: HashSet<String>,
    /// Words that make a lower rank of a role (`deputy`, `vice`).
    pub rank: HashSet<String>,
    /// Small words inside title phrases (`the`, `of`, `de`, `der`).
    pub connectors: HashSet<String>,
    /// Words that make a following title a description, not a name's title (`as`, `als`).
    pub framing: HashSet<String>,
}

/// The title lexicon of one language.
pub struct TitleLanguage {
    /// Role phrase (lowercase, maybe with an `{aff}` slot) → canonical role, as written in the rule.
    role_phrases: HashMap<String, String>,
    /// The expanded phrases and their automaton, built when a document of this language first
    /// needs them.
    phrases: OnceLock<Phrases>,
    words: TitleWords,
}

/// Every role phrase of a language, `{aff}` slots filled in.
struct Phrases {
    /// One Aho-Corasick automaton, leftmost-longest, over `list`.
    matcher: Option<AhoCorasick>,
    /// The phrases, in the automaton's pattern order.
    list: Vec<String>,
    /// Lowercase phrase → canonical role (and the affiliation written inside the phrase).
    roles: HashMap<String, RoleEntry>,
}

impl TitleLanguage {
    /// The expanded phrases and their automaton, built on first use.
    fn phrases(&self) -> &Phrases {
        self.phrases.get_or_init(|| {
            let mut roles: HashMap<String, RoleEntry> = HashMap::new();
            for (phrase, role) in &self.role_phrases {
                if phrase.contains("{aff}") {
                    for (form, affiliation) in &self.words.affiliations {
                        let entry = RoleEntry {
                            role: role.clone(),
                            affiliation: Some(affiliation.clone()),
                        };
                        roles.insert(phrase.replace("{aff}", form), entry);
                    }
                } else {
                    let entry = RoleEntry {
                        role: role.clone(),
                        affiliation: None,
                    };
                    roles.insert(phrase.clone(), entry);
                }
            }
            let list: Vec<String> = roles.keys().cloned().collect();
            let matcher = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&list)
                .ok();
            Phrases {
                matcher,
                list,
                roles,
            }
        })
    }

    /// Role phrases in `lower` (the prose lowercased with the same byte offsets): each match with
    /// the compound prefix glued before it, if any ("bundes" in "bundesaußenminister").
    fn roles_in<'t>(
        &'t self,
        lower: &'t str,
    ) -> impl Iterator<Item = (Range<usize>, Option<Range<usize>>, &'t str)> + 't {
        let phrases = self.phrases();
        phrases
            .matcher
            .iter()
            .flat_map(move |ac| ac.find_iter(lower))
            .filter_map(move |m| {
                let role = m.range();
                let word_start = lower[..role.start]
                    .rfind(|c: char| !is_word_char(c))
                    .map_or(0, |i| {
                        i + lower[i..].chars().next().map_or(1, char::len_utf8)
                    });
                let prefix = (word_start < role.start).then_some(word_start..role.start);
                let known_prefix = prefix
                    .as_ref()
                    .is_none_or(|p| self.words.prefixes.contains_key(&lower[p.clone()]));
                let whole = word_start..role.end;
                (known_prefix && is_whole_word(lower, whole)).then(|| {
                    (
                        role.clone(),
                        prefix,
                        &phrases.list[m.pattern().as_usize()][..],
                    )
                })
            })
    }

    /// A language's lexicon (phrases expanded, automaton built on first use). A role phrase may hold an
    /// `{aff}` slot for an affiliation written inside it ("ministre {aff} de la défense"): it is
    /// expanded with every affiliation form.
    pub fn new(role_phrases: HashMap<String, String>, words: TitleWords) -> Self {
        TitleLanguage {
            role_phrases,
            phrases: OnceLock::new(),
            words,
        }
    }
}

/// What a role phrase means.
#[derive(Clone, Debug)]
pub struct RoleEntry {
    pub role: String,
    /// An affiliation written inside the phrase ("ministre autrichien de la Défense").
    pub affiliation: Option<String>,
}

/// A house rule: this person holds this office.
#[derive(Clone, Debug)]
pub struct Holder {
    /// The full name as written ("Hakon Veldt").
    pub name: String,
    pub role: String,
    pub affiliation: Option<String>,
}

/// Finds people whose title changes within an article.
pub struct TitlesCheck {
    /// Language code → lexicon (merged with `*`); `*` is the fallback.
    pub languages: HashMap<String, TitleLanguage>,
    /// Sets of canonical roles no one holds two of at once.
    pub exclusive: Vec<HashSet<String>>,
    pub holders: Vec<Holder>,
    /// Name data shared by the name-drift rule (see `RuleSet::link`).
    pub names: OnceLock<NameData>,
}

/// One title attached to one person.
#[derive(Clone, Debug)]
struct Title {
    /// The title phrase: affiliation, modifiers and role.
    span: Range<usize>,
    role: String,
    affiliation: Option<String>,
    past: bool,
    /// The affiliation is an organisation named after the role ("président des Républicains"):
    /// such a title can go with any office.
    organisation: bool,
    /// Given together with the title before it ("Prime Minister and Finance Minister X").
    joint: bool,
    person: Person,
}

/// Who a title belongs to: folded surname stem and, when known, folded given name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Person {
    /// The surname's folded forms: itself and its inflection stems ("лавров" for Лаврова).
    surname: Vec<String>,
    /// The given name's folded forms, when a given name stands before the surname.
    given: Option<Vec<String>>,
    /// The name as written, for messages.
    shown: String,
}

impl Person {
    /// A spelled name reduced to its folded forms and inflection stems.
    fn from_name(
        surname: &str,
        given: Option<&str>,
        names: &NameLanguage,
        shown: String,
    ) -> Person {
        Person {
            surname: forms(surname, names),
            given: given.map(|g| forms(g, names)),
            shown,
        }
    }

    fn shares_surname(&self, other: &Person) -> bool {
        self.surname.iter().any(|s| other.surname.contains(s))
    }

    /// Whether two given names (if both known) are one.
    fn shares_given(&self, other: &Person) -> bool {
        match (&self.given, &other.given) {
            (Some(a), Some(b)) => a.iter().any(|g| b.contains(g)),
            _ => true,
        }
    }

    fn same_as(&self, other: &Person) -> bool {
        self.shares_surname(other) && self.shares_given(other)
    }
}

/// The folded form of a name and its stems without each inflection ending (three letters remain).
fn forms(name: &str, names: &NameLanguage) -> Vec<String> {
    let lower = strip_clitic(&name.to_lowercase()).to_string();
    let mut out = vec![fold(&lower)];
    out.extend(
        names
            .inflections
            .iter()
            .filter_map(|e| lower.strip_suffix(e.as_str()))
            .filter(|s| s.chars().count() >= 3)
            .map(fold),
    );
    out
}

impl Check for TitlesCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(lexicon) = doc
            .language()
            .and_then(|l| self.languages.get(l))
            .or_else(|| self.languages.get("*"))
        else {
            return;
        };
        let fallback = NameLanguage::default();
        let name_data = self.names.get();
        let names_language = name_data
            .and_then(|d| doc.language().and_then(|l| d.get(l)).or_else(|| d.get("*")))
            .unwrap_or(&fallback);
        let analysis = doc.names(&names_language.lexicon);
        let titles = find_titles(doc, lexicon, &analysis, names_language);
        self.report_conflicts(rule, doc, &titles, out);
        self.report_holders(rule, doc, &titles, names_language, out);
    }

    fn use_name_data(&self, data: &NameData) {
        let _ = self.names.set(data.clone());
    }
}

impl TitlesCheck {
    /// Whether two roles cannot be one person's at once.
    fn roles_conflict(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        let base = |r: &str| r.rsplit(':').next().unwrap_or(r).to_string();
        let (ba, bb) = (base(a), base(b));
        self.exclusive
            .iter()
            .any(|set| set.contains(&ba) && set.contains(&bb))
    }

    fn report_conflicts(
        &self,
        rule: &RuleMeta,
        doc: &Document,
        titles: &[Title],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut established: Vec<&Title> = Vec::new();
        for title in titles.iter().filter(|t| !t.past) {
            // A bare surname is ambiguous when two people with different given names share it.
            let namesakes: Vec<&Person> = titles
                .iter()
                .map(|t| &t.person)
                .filter(|p| p.shares_surname(&title.person) && p.given.is_some())
                .collect();
            let ambiguous = title.person.given.is_none()
                && namesakes
                    .iter()
                    .any(|a| namesakes.iter().any(|b| !a.shares_given(b)));
            if ambiguous {
                continue;
            }
            let same_person = |e: &&&Title| e.person.same_as(&title.person);
            let theirs: Vec<&&Title> = established.iter().filter(same_person).collect();
            let Some(&&first) = theirs.first() else {
                established.push(title);
                continue;
            };
            // Two roles given together ("Prime Minister and Finance Minister X") are both established.
            let agrees = |e: &&&Title| {
                e.role == title.role
                    && (e.affiliation.is_none()
                        || title.affiliation.is_none()
                        || e.affiliation == title.affiliation)
            };
            if theirs.iter().any(agrees) {
                continue;
            }
            if title.joint {
                established.push(title);
                continue;
            }
            let role_conflict = !first.organisation
                && !title.organisation
                && self.roles_conflict(&first.role, &title.role);
            let affiliation_conflict = first.role == title.role
                && matches!((&first.affiliation, &title.affiliation), (Some(a), Some(b)) if a != b);
            if !(role_conflict || affiliation_conflict) {
                continue;
            }
            let source = doc.source();
            let (now, before) = (&source[title.span.clone()], &source[first.span.clone()]);
            let mut d = rule.diagnostic(title.span.clone(), now, None);
            d.message = format!(
                "{} is called '{}' here but '{}' earlier in this article",
                title.person.shown, now, before
            );
            d.help = Some(format!(
                "check which title is right and use it throughout: {}",
                if role_conflict {
                    "the role differs"
                } else {
                    "the country or organisation differs"
                }
            ));
            d.labels.push(RuleMeta::label(
                first.span.clone(),
                format!("first called '{before}' here"),
            ));
            out.push(d);
        }
    }

    fn report_holders(
        &self,
        rule: &RuleMeta,
        doc: &Document,
        titles: &[Title],
        names: &NameLanguage,
        out: &mut Vec<Diagnostic>,
    ) {
        for holder in &self.holders {
            let parts: Vec<&str> = holder.name.split_whitespace().collect();
            let Some(surname) = parts.last() else {
                continue;
            };
            let given = parts.len().checked_sub(2).map(|i| parts[i]);
            let held = Person::from_name(surname, given, names, holder.name.clone());
            for title in titles.iter().filter(|t| !t.past) {
                if !title.person.same_as(&held) {
                    continue;
                }
                let wrong_role =
                    title.role != holder.role && self.roles_conflict(&title.role, &holder.role);
                let wrong_affiliation = title.role == holder.role
                    && matches!((&title.affiliation, &holder.affiliation), (Some(a), Some(b)) if a != b);
                if wrong_role || wrong_affiliation {
                    let now = &doc.source()[title.span.clone()];
                    let mut d = rule.diagnostic(title.span.clone(), now, None);
                    let office = match &holder.affiliation {
                        Some(a) => format!("{} ({a})", holder.role),
                        None => holder.role.clone(),
                    };
                    d.message = format!(
                        "{} is {office} according to the house list, not '{now}'",
                        holder.name
                    );
                    out.push(d);
                }
            }
        }
    }
}

/// Every title attached to a name mention, in document order.
fn find_titles(
    doc: &Document,
    lexicon: &TitleLanguage,
    analysis: &NameAnalysis,
    names: &NameLanguage,
) -> Vec<Title> {
    let prose = doc.prose();
    let words = doc.words();
    let mention_ending: FastMap<usize, usize> = analysis
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span.end, i))
        .collect();
    let sentences = doc.sentences();
    let mut titles = Vec::new();
    // The last title that attached to nobody: "Prime Minister" in "Prime Minister and Finance
    // Minister X" joins the next title's person.
    let mut pending: Option<(Range<usize>, String, Option<String>, bool)> = None;
    let lower = lowercase_in_place(prose);
    for (role_range, prefix_range, phrase) in lexicon.roles_in(&lower) {
        let whole = prefix_range.as_ref().map_or(role_range.start, |p| p.start)..role_range.end;
        let sentence = sentences.partition_point(|s| s.end <= whole.start);
        let sentence_range = sentences.get(sentence).cloned().unwrap_or(0..prose.len());
        let Some(entry) = lexicon.phrases().roles.get(phrase) else {
            continue;
        };
        let canonical = &entry.role;
        // The affiliation written as a word wins over a compound prefix ("deutsche Bundeskanzler").
        // A prefix names an affiliation ("EU-"), a rank ("Vize" → `rank:vice`) or only a level
        // ("Bundes", mapped to "").
        let prefix = prefix_range.and_then(|p| lexicon.words.prefixes.get(&lower[p]).cloned());
        let prefix_rank = prefix
            .as_deref()
            .and_then(|p| p.strip_prefix("rank:"))
            .map(str::to_string);
        let prefix_affiliation = prefix.filter(|p| !p.is_empty() && !p.starts_with("rank:"));
        let mut affiliation = entry.affiliation.clone();
        let mut past = false;
        let mut ranked: Option<String> = prefix_rank;
        let mut determiner = false;
        let mut framed = false;
        // The leftmost word read, connectors included ("X, the Norwegian fisheries minister").
        let mut leftmost = whole.start;
        // Words before the role: modifiers, affiliations, connectors ("the former Norwegian").
        let mut start = whole.start;
        let mut i = words.partition_point(|w| w.span.end <= whole.start);
        while i > 0 {
            let w = &words[i - 1];
            let Some(gap) = prose.get(w.span.end..start) else {
                break;
            };
            if w.span.start < sentence_range.start || !(only_space(gap) || gap == "-") {
                break;
            }
            let text = &prose[w.span.clone()];
            let lower = text.to_lowercase();
            let bare = strip_elision(strip_clitic(&lower));
            if lexicon.words.connectors.contains(bare) {
                determiner = true;
                leftmost = w.span.start;
                i -= 1;
                continue;
            } else if lexicon.words.past.contains(bare) {
                past = true;
            } else if lexicon.words.rank.contains(bare) {
                ranked.get_or_insert(bare.to_string());
            } else if let Some(a) = lexicon.words.affiliations.get(bare) {
                affiliation.get_or_insert(a.clone());
            } else if is_affiliation_word(text, w, sentence_range.start, words) {
                affiliation.get_or_insert(fold(bare));
            } else {
                framed = lexicon.words.framing.contains(bare);
                break;
            }
            start = w.span.start;
            leftmost = leftmost.min(start);
            i -= 1;
        }
        // Words after the role: "of Norway", "России", "du Sénégal", "МИД", "of the Republicans".
        let mut end = whole.end;
        let mut organisation = false;
        let mut look = words.partition_point(|w| w.span.start < whole.end);
        let mut connectors = 0;
        // Where the words read so far end (connectors included); `end` only moves past an affiliation.
        let mut cursor = end;
        while look < words.len() && connectors <= 2 && words[look].span.end <= sentence_range.end {
            let w = &words[look];
            let gap = prose.get(cursor..w.span.start).unwrap_or_default();
            if w.span.start < cursor || (!gap.is_empty() && !only_space(gap)) {
                break;
            }
            let text = &prose[w.span.clone()];
            let lower = text.to_lowercase();
            let bare = strip_clitic(&lower);
            if let Some(a) = lexicon.words.affiliations.get(bare) {
                affiliation.get_or_insert(a.clone());
                end = w.span.end;
                break;
            }
            if lexicon.words.connectors.contains(bare) {
                connectors += 1;
                cursor = w.span.end;
                look += 1;
                continue;
            }
            let acronym = text.chars().count() >= 2
                && text.chars().all(|c| c.is_uppercase() || c.is_numeric());
            // An organisation after the role: an acronym, or a capitalised word after "of"/"de".
            let capitalised = text.chars().next().is_some_and(char::is_uppercase);
            if acronym || (capitalised && connectors > 0) {
                if affiliation.is_none() {
                    affiliation = Some(fold(bare));
                    organisation = !acronym || connectors > 0;
                }
                end = w.span.end;
            }
            break;
        }
        let affiliation = affiliation.or(prefix_affiliation);
        let role_key = match ranked {
            Some(rank) => format!("{rank}:{canonical}"),
            None => canonical.clone(),
        };
        // Attach: a name right after the title, also across a comma ("el ministro de Agricultura,
        // Luis Planas") unless a framing word makes the title a description ("As defence minister,
        // Kalniņa pushed"), or
        // a name before ", title". The title's own capitalised words may open the mention.
        let after = if determiner || !framed {
            skip_gap(prose, end)
        } else {
            skip_space(prose, end)
        };
        let following = token_at(analysis, after).filter(|_| after < sentence_range.end);
        let preceding = || {
            let before = prose[..leftmost.min(start)].trim_end();
            let before = before.strip_suffix(',')?.trim_end();
            let m = *mention_ending.get(&before.len())?;
            let mention = &analysis.mentions[m];
            (mention.span.start >= sentence_range.start).then_some(mention.tokens.clone())
        };
        let Some(tokens) = following.or_else(preceding) else {
            pending = Some((start..end, role_key, affiliation, past));
            continue;
        };
        let Some(person) = person(doc, analysis, tokens, names) else {
            continue;
        };
        if let Some((earlier, earlier_role, earlier_affiliation, earlier_past)) = pending.take() {
            let between = prose
                .get(earlier.end..start)
                .unwrap_or_default()
                .trim()
                .to_lowercase();
            if ["and", "und", "et", "y", "e", "и", "i", "a", "&"].contains(&between.as_str()) {
                titles.push(Title {
                    span: earlier,
                    role: earlier_role,
                    affiliation: earlier_affiliation,
                    past: earlier_past,
                    organisation: false,
                    joint: false,
                    person: person.clone(),
                });
                titles.push(Title {
                    span: start..end,
                    role: role_key,
                    affiliation,
                    past,
                    organisation,
                    joint: true,
                    person,
                });
                continue;
            }
        }
        titles.push(Title {
            span: start..end,
            role: role_key,
            affiliation,
            past,
            organisation,
            joint: false,
            person,
        });
    }
    titles
}

/// A capitalised word that names an affiliation by its form: an acronym (EU, NATO), a possessive
/// (Norway's), or a capitalised word that does not open the sentence.
fn is_affiliation_word(text: &str, word: &Word, sentence_start: usize, words: &[Word]) -> bool {
    let first = text.chars().next().is_some_and(char::is_uppercase);
    if !first {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let possessive = text.ends_with("'s") || text.ends_with("’s");
    let opens_sentence = words.partition_point(|w| w.span.start < sentence_start)
        == words.partition_point(|w| w.span.start < word.span.start);
    acronym || possessive || !opens_sentence
}

/// The name tokens from the one starting at `at` to the end of its mention.
fn token_at(analysis: &NameAnalysis, at: usize) -> Option<Range<usize>> {
    let t = analysis.tokens.iter().position(|t| t.span.start == at)?;
    Some(t..analysis.mentions[analysis.tokens[t].mention].tokens.end)
}

/// `text` lowercased without changing any byte offset: a char whose lowercase form has another
/// length (rare: "İ") stays as it is.
fn lowercase_in_place(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// Drops an elided article or preposition (French and Italian `l'`, `d'`, `qu'`): `l'ex` → `ex`.
fn strip_elision(word: &str) -> &str {
    match word.find(['\'', '’']) {
        Some(pos) if pos <= 2 => {
            &word[pos + word[pos..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => word,
    }
}

/// The position after white space.
fn skip_space(prose: &str, from: usize) -> usize {
    let rest = &prose[from..];
    from + rest.len() - rest.trim_start().len()
}

/// The position after white space, one optional comma and white space.
fn skip_gap(prose: &str, from: usize) -> usize {
    let rest = &prose[from..];
    let trimmed = rest.trim_start();
    let trimmed = trimmed.strip_prefix(',').map_or(trimmed, str::trim_start);
    from + rest.len() - trimmed.len()
}

fn only_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\n')
}

/// The person a mention names: folded surname stem and given name.
fn person(
    doc: &Document,
    analysis: &NameAnalysis,
    tokens: Range<usize>,
    names: &NameLanguage,
) -> Option<Person> {
    let source = doc.source();
    let last = &analysis.tokens[tokens.end - 1];
    let shown = analysis.tokens[tokens.start].span.start..last.span.end;
    let given = (tokens.len() > 1)
        .then(|| &analysis.tokens[tokens.end - 2])
        .filter(|t| !t.uncertain)
        .map(|t| &source[t.span.clone()]);
    Some(Person::from_name(
        &source[last.span.clone()],
        given,
        names,
        source[shown].to_string(),
    ))
}
