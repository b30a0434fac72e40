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
use crate::text::hash::{FastMap, FastSet};
use crate::text::names::{strip_clitic, NameAnalysis};
use crate::text::words::is_word_char;
use crate::text::words::Word;
use aho_corasick::{AhoCorasick, Input, MatchKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// The word lists of one language's title lexicon, besides its role phrases.
#[derive(Clone, Debug, Default)]
pub struct TitleWords {
    /// Lowercase compound prefix → affiliation (`eu-` → `european union`), `rank:…` (`vize`) or
    /// `""` for a level only (`bundes`).
    pub prefixes: FastMap<String, String>,
    /// Lowercase affiliation phrase → canonical affiliation (`norwegian` → `norway`).
    pub affiliations: FastMap<String, String>,
    /// Words that put a title in the past (`former`, `ex`).
    pub past: FastSet<String>,
    /// Words that make a lower rank of a role (`deputy`, `vice`).
    pub rank: FastSet<String>,
    /// Small words inside title phrases (`the`, `of`, `de`, `der`).
    pub connectors: FastSet<String>,
    /// Words that make a following title a description, not a name's title (`as`, `als`).
    pub framing: FastSet<String>,
    /// Words after a title that introduce the post where its holder serves ("ambassador of France
    /// *to* NATO", "représentant *auprès* de l'ONU", "representante de UNICEF *en* Perú").
    pub posts: FastSet<String>,
    /// Lowercase head word → listed role: the head with a portfolio the lexicon does not list
    /// ("ministre *des Comptes publics*", "consejero *de Vivienda*", "*Digital*minister") is an
    /// office of its own, exclusive like that role; see [`open_portfolios`].
    pub portfolio_heads: FastMap<String, String>,
    /// Role phrases are written in the nominative and their Russian case forms are generated
    /// ("министр обороны" → "министра обороны", "министру обороны" …); see [`russian_cases`].
    pub russian_cases: bool,
}

/// A language's title lexicon, built (phrases expanded, case forms generated, automaton compiled)
/// when a document of the language first needs it, so a run pays only for its languages.
pub struct LazyTitleLanguage {
    role_phrases: HashMap<String, String>,
    words: TitleWords,
    built: OnceLock<TitleLanguage>,
}

impl LazyTitleLanguage {
    /// The lexicon of these role phrases and word lists, not built yet.
    pub fn new(role_phrases: HashMap<String, String>, words: TitleWords) -> Self {
        LazyTitleLanguage {
            role_phrases,
            words,
            built: OnceLock::new(),
        }
    }

    /// The lexicon, built on first use.
    pub fn get(&self) -> &TitleLanguage {
        self.built
            .get_or_init(|| TitleLanguage::new(self.role_phrases.clone(), self.words.clone()))
    }
}

/// The title lexicon of one language.
pub struct TitleLanguage {
    /// Every role phrase (lowercase) in one Aho-Corasick automaton, leftmost-longest; built when a
    /// document of this language first needs it.
    matcher: OnceLock<Option<AhoCorasick>>,
    /// The phrases, in the automaton's pattern order.
    phrases: Vec<String>,
    /// Lowercase phrase → canonical role (and the affiliation written inside the phrase).
    roles: FastMap<String, RoleEntry>,
    words: TitleWords,
    /// Folded words naming a minister's portfolio ("agricultura" from "ministro de agricultura"):
    /// after another role ("comisario de Agricultura") they are a portfolio, not an organisation.
    portfolios: FastSet<String>,
    /// The most words in an affiliation form ("de l'union africaine": 3).
    longest_affiliation: usize,
    /// First words of role phrases with a connector after them ("ministra" of "ministra de
    /// comercio exterior"): a nationality adjective may stand right after them.
    heads: FastSet<String>,
    /// The most words in a role phrase.
    longest_phrase: usize,
    /// The `portfolio_heads` (head word, listed role), longest first.
    portfolio_heads: Vec<(String, String)>,
}

impl TitleLanguage {
    /// The automaton over the role phrases, built on first use.
    fn automaton(&self) -> Option<&AhoCorasick> {
        self.matcher
            .get_or_init(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&self.phrases)
                    .ok()
            })
            .as_ref()
    }

    /// Role phrases in `lower` (the prose lowercased with the same byte offsets): each match with
    /// the compound prefix glued before it, if any ("bundes" in "bundesaußenminister"). A phrase
    /// that does not end a word does not hide a shorter one inside that word: the search goes on
    /// from the next character ("iwf-chef" in "iwf-chefvolkswirtin" leaves "chefvolkswirtin").
    fn roles_in<'t>(
        &'t self,
        prose: &'t str,
        lower: &'t str,
    ) -> impl Iterator<Item = (Range<usize>, Option<Range<usize>>, &'t str)> + 't {
        let mut from = 0;
        let ac = self.automaton();
        std::iter::from_fn(move || loop {
            let m = ac?.find(Input::new(lower).span(from..lower.len()))?;
            let role = m.range();
            let word_start = lower[..role.start]
                .rfind(|c: char| !is_word_char(c))
                .map_or(0, |i| {
                    i + lower[i..].chars().next().map_or(1, char::len_utf8)
                });
            let prefix = (word_start < role.start).then_some(word_start..role.start);
            let known_prefix = prefix.as_ref().is_none_or(|p| {
                self.words.prefixes.contains_key(&lower[p.clone()])
                    || self.organisation_prefix(prose, p).is_some()
            });
            let whole = word_start..role.end;
            if known_prefix && is_whole_word(lower, whole) {
                from = role.end;
                return Some((role, prefix, &self.phrases[m.pattern().as_usize()][..]));
            }
            from = role.start + lower[role.start..].chars().next().map_or(1, char::len_utf8);
        })
    }

    /// The organisation a capitalised compound prefix ending in a hyphen names, in a language
    /// with compound prefixes (German): "Porsche-" of "Porsche-Betriebsratschefin", "IG-Metall-"
    /// of "IG-Metall-Vorsitzende" (an affiliation form of the lexicon, or the prefix folded).
    /// Past and rank prefixes ("Ex-", "Vize-") name none.
    fn organisation_prefix(&self, prose: &str, prefix: &Range<usize>) -> Option<String> {
        let text = prose.get(prefix.clone())?.strip_suffix('-')?;
        let lower = text.to_lowercase();
        let modifier = self.words.past.contains(&lower)
            || self.words.past.contains(&format!("{lower}-"))
            || self.words.rank.contains(&lower)
            || self.words.prefixes.contains_key(&format!("{lower}-"));
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        if self.words.prefixes.is_empty() || modifier || !capitalised || text.chars().count() < 2 {
            return None;
        }
        let known = self.words.affiliations.get(&lower);
        Some(known.cloned().unwrap_or_else(|| fold(&lower)))
    }

    /// Whether `word` (lowercase) is a head word of `portfolio_heads` ("ministra").
    fn is_portfolio_head(&self, word: &str) -> bool {
        self.portfolio_heads.iter().any(|(h, _)| h == word)
    }

    /// The affiliation a listed compound opens with, in a language with compound prefixes: an
    /// affiliation form glued to another listed phrase ("Bundesbank|präsident",
    /// "Weltbank|präsidentin"; a linking "s" or hyphen is dropped).
    fn affiliation_compound(&self, phrase: &str) -> Option<String> {
        if self.words.prefixes.is_empty() || phrase.contains(char::is_whitespace) {
            return None;
        }
        let lower = phrase.to_lowercase();
        lower
            .char_indices()
            .skip(3)
            .filter(|(at, _)| self.roles.contains_key(&lower[*at..]))
            .find_map(|(at, _)| {
                let stem = lower[..at].trim_end_matches('-');
                let affiliations = &self.words.affiliations;
                affiliations
                    .get(stem)
                    .or_else(|| stem.strip_suffix('s').and_then(|s| affiliations.get(s)))
                    .cloned()
            })
    }

    /// A language's lexicon (its automaton is built on first use). A role phrase may hold an
    /// `{aff}` slot for an affiliation written inside it ("ministre {aff} de la défense"): it is
    /// expanded with every affiliation form.
    pub fn new(role_phrases: HashMap<String, String>, words: TitleWords) -> Self {
        let mut role_phrases = role_phrases;
        let mut words = words;
        if words.russian_cases {
            // Phrases already listed in an oblique case ("министра обороны") are not inflected
            // again: only those no other phrase yields.
            let oblique: HashSet<String> =
                role_phrases.keys().flat_map(|p| russian_cases(p)).collect();
            let nominative: Vec<(String, String)> = role_phrases
                .iter()
                .filter(|(p, _)| !oblique.contains(*p) && !fleeting_oblique(p, &role_phrases))
                .map(|(p, r)| (p.clone(), r.clone()))
                .collect();
            for (phrase, role) in nominative {
                for form in russian_cases(&phrase) {
                    role_phrases.entry(form).or_insert_with(|| role.clone());
                }
            }
            let forms: Vec<(String, String)> = words
                .affiliations
                .iter()
                .map(|(f, a)| (f.clone(), a.clone()))
                .collect();
            for (form, affiliation) in forms {
                // Adjectives agree with the role ("российского министра", "российским министром").
                if !form.contains(' ') && (form.ends_with("ий") || form.ends_with("ый")) {
                    for case in russian_cases(&form) {
                        words
                            .affiliations
                            .entry(case)
                            .or_insert_with(|| affiliation.clone());
                    }
                }
            }
        }
        let mut roles: FastMap<String, RoleEntry> = FastMap::default();
        let mut portfolios = FastSet::default();
        let mut heads = FastSet::default();
        for (phrase, role) in role_phrases {
            if phrase.contains("{aff}") {
                for (form, affiliation) in &words.affiliations {
                    let entry = RoleEntry {
                        role: role.clone(),
                        affiliation: Some(affiliation.clone()),
                    };
                    roles.insert(phrase.replace("{aff}", form), entry);
                }
                continue;
            }
            let parts: Vec<&str> = phrase.split(' ').collect();
            if parts.len() >= 3 && words.connectors.contains(parts[1]) {
                if role.ends_with("minister") {
                    portfolios.extend(
                        parts[2..]
                            .iter()
                            .map(|p| strip_elision(p))
                            .filter(|p| !words.connectors.contains(*p) && p.chars().count() > 3)
                            .map(fold),
                    );
                }
                // "ministro de agricultura" is also "ministro {adjective} de agricultura".
                heads.insert(parts[0].to_string());
            }
            roles.insert(
                phrase,
                RoleEntry {
                    role,
                    affiliation: None,
                },
            );
        }
        // News writes the apostrophe typographically as often as not ("ministre de l’Économie").
        let typographic: Vec<(String, RoleEntry)> = roles
            .iter()
            .filter(|(p, _)| p.contains('\''))
            .map(|(p, e)| (p.replace('\'', "’"), e.clone()))
            .collect();
        roles.extend(typographic);
        let longest_affiliation = words
            .affiliations
            .keys()
            .map(|f| f.split(' ').count())
            .max()
            .unwrap_or(1);
        let longest_phrase = roles
            .keys()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut portfolio_heads: Vec<(String, String)> = words
            .portfolio_heads
            .iter()
            .map(|(h, l)| (h.clone(), l.clone()))
            .collect();
        portfolio_heads.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let phrases: Vec<String> = roles.keys().cloned().collect();
        let matcher = OnceLock::new();
        TitleLanguage {
            matcher,
            phrases,
            roles,
            words,
            portfolios,
            longest_affiliation,
            heads,
            longest_phrase,
            portfolio_heads,
        }
    }

    /// The longest affiliation form made of the words from `at` on (joined by spaces only, ending
    /// within `limit`): its affiliation and the index of the word after it. "de l'Union africaine"
    /// is read with and without its elided article.
    fn affiliation_at(
        &self,
        prose: &str,
        words: &[Word],
        at: usize,
        limit: usize,
    ) -> Option<(String, usize)> {
        for k in (1..=self.longest_affiliation).rev() {
            let Some(last) = words.get(at + k - 1) else {
                continue;
            };
            if last.span.end > limit {
                continue;
            }
            let joined = (at..at + k - 1).all(|i| {
                prose
                    .get(words[i].span.end..words[i + 1].span.start)
                    .is_some_and(only_space)
            });
            if !joined {
                continue;
            }
            let key: Vec<String> = (at..at + k)
                .map(|i| {
                    prose[words[i].span.clone()]
                        .to_lowercase()
                        .replace('’', "'")
                })
                .collect();
            let key = key.join(" ");
            let bare = strip_elision(&key).to_string();
            let found = self
                .words
                .affiliations
                .get(&key)
                .or_else(|| self.words.affiliations.get(&bare))
                .or_else(|| self.words.affiliations.get(strip_clitic(&bare)));
            if let Some(a) = found {
                return Some((a.clone(), at + k));
            }
        }
        None
    }
}

/// The Russian case forms of a role phrase given in the nominative: its leading adjectives and
/// its head noun take the genitive, dative, instrumental and prepositional endings (and the
/// accusative of an -а noun); what follows the head (a genitive: "министр *обороны*") stays.
/// "генеральный директор" → "генерального директора", "генеральному директору", …; "глава
/// города" → "главы города", "главе города", "главой города", "главу города".
pub fn russian_cases(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let adjective =
        |w: &str| ["ый", "ий", "ой"].iter().any(|e| w.ends_with(e)) && w.chars().count() > 3;
    let Some(head) = words.iter().position(|w| !adjective(w)) else {
        // Adjectives only ("российский", "верховный главнокомандующий"): each takes each case.
        return (0..4)
            .map(|case| {
                let forms: Vec<String> = words
                    .iter()
                    .map(|w| adjective_cases(w)[case].clone())
                    .collect();
                forms.join(" ")
            })
            .collect();
    };
    // A hyphenated head inflects its last part ("премьер-министр", "вице-премьер").
    let (head_prefix, head_word) = match words[head].rfind('-') {
        Some(i) => (&words[head][..=i], &words[head][i + 1..]),
        None => ("", words[head]),
    };
    let Some(head_cases) = noun_cases(head_word) else {
        return Vec::new();
    };
    let rest = words[head + 1..].join(" ");
    let mut out = Vec::new();
    for (head_form, adjective_case) in head_cases {
        let mut parts: Vec<String> = words[..head]
            .iter()
            .map(|a| adjective_cases(a)[adjective_case].clone())
            .collect();
        parts.push(format!("{head_prefix}{head_form}"));
        if !rest.is_empty() {
            parts.push(rest.clone());
        }
        out.push(parts.join(" "));
    }
    out
}

/// Whether a phrase's head is an oblique case of a listed noun with a fleeting vowel: "посла"
/// (of "посол"), "послом"; such a phrase is not inflected again ("посла" is no -а noun, and
/// "после" is a preposition).
fn fleeting_oblique(phrase: &str, phrases: &HashMap<String, String>) -> bool {
    let (head, rest) = phrase.split_once(' ').unwrap_or((phrase, ""));
    let endings = ["ом", "ем", "ём", "а", "я", "у", "ю", "е"];
    endings.iter().any(|e| {
        let Some(stem) = head.strip_suffix(e) else {
            return false;
        };
        let Some((i, last)) = stem.char_indices().last() else {
            return false;
        };
        ["о", "е"].iter().any(|vowel| {
            let nominative = format!("{}{vowel}{last}", &stem[..i]);
            let listed = if rest.is_empty() {
                nominative
            } else {
                format!("{nominative} {rest}")
            };
            phrases.contains_key(&listed)
        })
    })
}

/// Genitive, dative, instrumental and prepositional of a Russian adjective in -ый, -ий or -ой
/// ("генеральный" → "генерального"; "российский" → "российского"; "главнокомандующий" →
/// "главнокомандующего"; "военный" → "военным").
fn adjective_cases(word: &str) -> [String; 4] {
    let stem = word
        .strip_suffix("ый")
        .or_else(|| word.strip_suffix("ий"))
        .or_else(|| word.strip_suffix("ой"))
        .unwrap_or(word);
    let velar = stem.ends_with(|c: char| "кгх".contains(c));
    let hushing = stem.ends_with(|c: char| "жчшщ".contains(c));
    let endings = if word.ends_with("ий") && !velar {
        ["его", "ему", "им", "ем"]
    } else if velar || hushing {
        ["ого", "ому", "им", "ом"]
    } else {
        ["ого", "ому", "ым", "ом"]
    };
    endings.map(|e| format!("{stem}{e}"))
}

/// The oblique case forms of a Russian noun, each with the case its adjectives take (0 genitive,
/// 1 dative, 2 instrumental, 3 prepositional).
fn noun_cases(word: &str) -> Option<Vec<(String, usize)>> {
    let velar = |s: &str| s.ends_with(|c: char| "кгхжчшщ".contains(c));
    let (stem, endings): (&str, Vec<(&str, usize)>) = if let Some(s) = word.strip_suffix('а') {
        let genitive = if velar(s) { "и" } else { "ы" };
        (s, vec![(genitive, 0), ("е", 1), ("ой", 2), ("у", 0)])
    } else if let Some(s) = word.strip_suffix('я') {
        (s, vec![("и", 0), ("е", 1), ("ей", 2), ("ю", 0)])
    } else if let Some(s) = word.strip_suffix('ь') {
        (s, vec![("я", 0), ("ю", 1), ("ем", 2), ("ём", 2), ("е", 3)])
    } else if let Some(s) = word.strip_suffix('й') {
        (s, vec![("я", 0), ("ю", 1), ("ем", 2), ("е", 3)])
    } else if word.ends_with(|c: char| "бвгджзклмнпрстфхцчшщ".contains(c)) {
        let instrumental = if word.ends_with(|c: char| "жчшщц".contains(c)) {
            "ем"
        } else {
            "ом"
        };
        (word, vec![("а", 0), ("у", 1), (instrumental, 2), ("е", 3)])
    } else {
        return None;
    };
    Some(
        endings
            .into_iter()
            .map(|(e, case)| (format!("{stem}{e}"), case))
            .collect(),
    )
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
    pub languages: HashMap<String, LazyTitleLanguage>,
    /// Sets of canonical roles no one holds two of at once.
    pub exclusive: Vec<HashSet<String>>,
    /// Roles that lead an organisation ("president", "secretary-general"): written with the
    /// organisation after them ("président des Républicains") they go with any other office.
    pub organisation_roles: HashSet<String>,
    /// Pairs (short, long) of roles where the short one often stands for the long one ("President
    /// X" for a central bank governor): compatible, unless both name different affiliations.
    pub short_forms: Vec<(String, String)>,
    /// Canonical affiliation → the one it lies within ("bavaria" → "germany"): the two agree.
    pub within: HashMap<String, String>,
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
    /// Where the holder serves, when written ("ambassador of France *to NATO*").
    post: Option<String>,
    past: bool,
    /// The affiliation is an organisation named after the role ("président des Républicains"):
    /// with a role of `organisation_roles` such a title can go with any office; a mayor's,
    /// prosecutor's or prefect's complement ("maire de Marseille") is only their place.
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

/// Whether the title `short` is the head of the title `long` standing alone, its short form:
/// `long` starts with it and goes on with a lowercase word ("Chancellor" of "Chancellor of the
/// Exchequer", "presidente" of "presidente del Gobierno", "министр" of "министр иностранных дел"),
/// or `long` is one compound word that ends with it ("Präsidentin" of "Bundestagspräsidentin",
/// "Präsident" of "EZB-Präsident"; not after "Vize-", "вице-": a deputy is another office).
fn is_head_of(short: &str, long: &str) -> bool {
    if is_tail_of(short, long) {
        return true;
    }
    let Some(head) = long.get(..short.len()) else {
        return false;
    };
    if head.to_lowercase() != short.to_lowercase() {
        return false;
    }
    let rest = &long[short.len()..];
    rest.strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase)
}

/// Whether the one-word title `short` ends the one-word compound title `long` ("Präsident" of
/// "Polizeipräsident"), the part glued before it not being a deputy's "Vize" or a former "Ex-".
fn is_tail_of(short: &str, long: &str) -> bool {
    if short.contains(char::is_whitespace) || long.contains(char::is_whitespace) {
        return false;
    }
    let (short, long) = (short.to_lowercase(), long.to_lowercase());
    let Some(glued) = long.strip_suffix(short.as_str()) else {
        return false;
    };
    let glued = glued.trim_end_matches('-');
    glued.chars().count() >= 2
        && !["vize", "vice", "вице", "ex", "экс"]
            .iter()
            .any(|p| glued.starts_with(p))
}

/// Whether `word` is a rank or honorific of the name data (`Admiral`, `адмирал`), in any of its
/// inflected forms (`адмирала`).
fn is_rank(word: &str, names: &NameLanguage) -> bool {
    let lower = word.to_lowercase();
    let titles = &names.lexicon.titles;
    titles.contains(&lower)
        || names
            .inflections
            .iter()
            .filter_map(|e| lower.strip_suffix(e.as_str()))
            .any(|stem| titles.contains(stem))
}

/// A role without its rank and portfolio ("vice:president" → "president", "economy
/// minister#comptes publics" → "economy minister").
fn base_role(role: &str) -> &str {
    let role = role.rsplit(':').next().unwrap_or(role);
    role.split(PORTFOLIO).next().unwrap_or(role)
}

/// The folded words of an open office's portfolio ("comptes publics"), if it is one.
fn portfolio(role: &str) -> Option<&str> {
    role.split_once(PORTFOLIO).map(|(_, p)| p)
}

/// Whether two optional values can describe one thing: equal, or one unknown.
fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Joins an organisation's first word, the country its name holds and the initials of its
/// capitalised words ("banco|chile|bcc" of "Banco Central de Chile").
const IN_COUNTRY: char = '|';

/// Whether two affiliations can be one: [`compatible`], a place and the country it lies in
/// (`within`), one organisation named with and without
/// its country ("Banco Central de Chile", "Banco Central"), an organisation and its country
/// ("Banco Central de Chile", "chileno"), or an organisation and its acronym ("Asociación del
/// Fútbol Argentino", "AFA"); the same first word with two countries is two organisations.
fn compatible_affiliations(
    a: &Option<String>,
    b: &Option<String>,
    within: &HashMap<String, String>,
) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    // A place and the country it lies in ("Wiener", "österreichische").
    if within.get(a) == Some(b) || within.get(b) == Some(a) {
        return true;
    }
    let split = |x: &str| {
        let mut parts = x.split(IN_COUNTRY).map(str::to_string);
        (parts.next().unwrap_or_default(), parts.next(), parts.next())
    };
    let ((ha, ca, ia), (hb, cb, ib)) = (split(a), split(b));
    (ha == hb && compatible(&ca, &cb))
        || ca.as_deref() == Some(b)
        || cb.as_deref() == Some(a)
        || ia.as_deref() == Some(b)
        || ib.as_deref() == Some(a)
}

/// Marks a post the lexicon does not know, written as it stands ("в Казахстане"): it may be
/// another form of a known one ("en Madrid" for "en España"), so it is compared with unknown
/// posts only.
const UNKNOWN_PLACE: char = '~';

/// Whether two posts can be one: [`compatible`], or one known and one not.
fn compatible_posts(a: &Option<String>, b: &Option<String>) -> bool {
    let unknown = |p: &Option<String>| p.as_ref().is_some_and(|p| p.starts_with(UNKNOWN_PLACE));
    compatible(a, b) || unknown(a) != unknown(b)
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
            .map(LazyTitleLanguage::get)
        else {
            return;
        };
        let fallback = NameLanguage::default();
        let name_data = self.names.get();
        let names_language = name_data
            .and_then(|d| doc.language().and_then(|l| d.get(l)).or_else(|| d.get("*")))
            .unwrap_or(&fallback);
        let analysis = doc.names(&names_language.lexicon);
        let (titles, full_names) = find_titles(doc, lexicon, &analysis, names_language);
        self.report_conflicts(rule, doc, &titles, &full_names, out);
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
        let (ba, bb) = (base_role(a), base_role(b));
        match (portfolio(a), portfolio(b)) {
            // Two open offices of one head: the same unless their portfolios share no word
            // ("Vivienda y Transportes" and "Transportes" are one).
            (Some(pa), Some(pb)) if ba == bb => {
                return !pa.split(' ').any(|w| pb.split(' ').any(|v| v == w));
            }
            // An unlisted portfolio is another office than the listed role it is exclusive like.
            (Some(_), None) | (None, Some(_)) if ba == bb => return true,
            _ => {}
        }
        // Two rank words of one office are one rank ("vice-mayor", "deputy mayor").
        if ba == bb && a.contains(':') && b.contains(':') {
            return false;
        }
        self.exclusive
            .iter()
            .any(|set| set.contains(ba) && set.contains(bb))
    }

    /// Whether one of two roles is listed as a short form of the other.
    fn short_form_of(&self, a: &str, b: &str) -> bool {
        self.short_forms
            .iter()
            .any(|(short, long)| (short == a && long == b) || (short == b && long == a))
    }

    fn report_conflicts(
        &self,
        rule: &RuleMeta,
        doc: &Document,
        titles: &[Title],
        full_names: &[Person],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut established: Vec<&Title> = Vec::new();
        for title in titles.iter().filter(|t| !t.past) {
            // A bare surname is ambiguous when two people with different given names share it.
            let namesakes: Vec<&Person> = titles
                .iter()
                .map(|t| &t.person)
                .chain(full_names)
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
            if theirs.is_empty() {
                established.push(title);
                continue;
            }
            // Two roles given together ("Prime Minister and Finance Minister X") are both established.
            let agrees = |e: &&&Title| {
                e.role == title.role
                    && compatible_affiliations(&e.affiliation, &title.affiliation, &self.within)
                    && compatible_posts(&e.post, &title.post)
            };
            if theirs.iter().any(agrees) {
                continue;
            }
            if title.joint {
                established.push(title);
                continue;
            }
            // The first established title this one contradicts: another office no one holds
            // together with it, or the same office for another country, organisation or post.
            let source = doc.source();
            let leads_organisation =
                |t: &Title| t.organisation && self.organisation_roles.contains(base_role(&t.role));
            let role_conflict = |e: &Title| {
                !leads_organisation(e)
                    && !leads_organisation(title)
                    && self.roles_conflict(&e.role, &title.role)
                    && !is_head_of(&source[title.span.clone()], &source[e.span.clone()])
            };
            let affiliation_conflict = |e: &Title| {
                (e.role == title.role || self.short_form_of(&e.role, &title.role))
                    && (!compatible_affiliations(&e.affiliation, &title.affiliation, &self.within)
                        || !compatible_posts(&e.post, &title.post))
            };
            let Some(&&first) = theirs
                .iter()
                .find(|e| role_conflict(e) || affiliation_conflict(e))
            else {
                established.push(title);
                continue;
            };
            let role_conflict = role_conflict(first);
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

/// Every title attached to a name mention, in document order, and everyone named in full with a
/// given name, titled or not (a bare surname that two of them share is ambiguous).
fn find_titles(
    doc: &Document,
    lexicon: &TitleLanguage,
    analysis: &NameAnalysis,
    names: &NameLanguage,
) -> (Vec<Title>, Vec<Person>) {
    let prose = doc.prose();
    let words = doc.words();
    let mention_ending: FastMap<usize, usize> = analysis
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span.end, i))
        .collect();
    let sentences = doc.sentences();
    let proper = ProperWords {
        prose,
        words,
        sentences,
        set: OnceLock::new(),
    };
    let mut titles = Vec::new();
    // The last title that attached to nobody: "Prime Minister" in "Prime Minister and Finance
    // Minister X" joins the next title's person.
    #[allow(clippy::type_complexity)]
    let mut pending: Option<(Range<usize>, String, Option<String>, Option<String>, bool)> = None;
    let lower = lowercase_in_place(prose);
    // Where titles stand: a German title before a surname ("Gesundheitsministerin Wollny") or a
    // country in the genitive ("президента Армении Саргсяна") is no given name.
    let mut role_words: Vec<Range<usize>> = Vec::new();
    // The end of the last title read: a role inside it ("пресс-секретарь президента России") is
    // its complement, not a title of its own.
    let mut title_end = 0;
    for (role_range, prefix_range, entry, inner) in role_matches(lexicon, prose, &lower, words) {
        let whole = prefix_range.as_ref().map_or(role_range.start, |p| p.start)..role_range.end;
        role_words.push(whole.clone());
        if whole.start < title_end {
            continue;
        }
        let sentence = sentences.partition_point(|s| s.end <= whole.start);
        let sentence_range = sentences.get(sentence).cloned().unwrap_or(0..prose.len());
        let canonical = &entry.role;
        // The affiliation written as a word wins over a compound prefix ("deutsche Bundeskanzler").
        // A prefix names an affiliation ("EU-"), a rank ("Vize" → `rank:vice`) or only a level
        // ("Bundes", mapped to "").
        let organisation_prefix = prefix_range
            .as_ref()
            .and_then(|p| lexicon.organisation_prefix(prose, p));
        let prefix = prefix_range.and_then(|p| lexicon.words.prefixes.get(&lower[p]).cloned());
        let prefix_rank = prefix
            .as_deref()
            .and_then(|p| p.strip_prefix("rank:"))
            .map(str::to_string);
        let prefix_affiliation = prefix
            .filter(|p| !p.is_empty() && !p.starts_with("rank:"))
            .or(organisation_prefix);
        let mut affiliation = inner
            .or_else(|| entry.affiliation.clone())
            .or_else(|| affiliation_in_phrase(prose, words, &role_range, lexicon));
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
            // A hyphenated affiliation is two words: "baden-württembergische".
            let hyphenated = (i >= 2
                && prose.get(words[i - 2].span.end..w.span.start) == Some("-"))
            .then(|| words[i - 2].span.start..w.span.end)
            .and_then(|joined| {
                let found = lexicon
                    .words
                    .affiliations
                    .get(&prose[joined.clone()].to_lowercase());
                found.map(|a| (joined.start, a))
            });
            if let Some((joined_start, a)) = hyphenated {
                affiliation.get_or_insert(a.clone());
                start = joined_start;
                leftmost = leftmost.min(start);
                i -= 2;
                continue;
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
            } else if is_affiliation_word(text, w, sentence_range.start, words, &proper) {
                affiliation.get_or_insert(fold(bare));
            } else {
                framed = lexicon.words.framing.contains(bare);
                break;
            }
            start = w.span.start;
            leftmost = leftmost.min(start);
            i -= 1;
        }
        // Words after the role: "of Norway", "России", "du Sénégal", "МИД", "of the Republicans",
        // "de l'Union africaine", "de la Organización Panamericana de la Salud (OPS)".
        let mut end = whole.end;
        let mut organisation = false;
        let mut look = words.partition_point(|w| w.span.start < whole.end);
        let mut connectors = 0;
        // Where the words read so far end (connectors included); `end` only moves past an affiliation.
        let mut cursor = end;
        let joined_at = |i: usize, cursor: usize| {
            words.get(i).is_some_and(|w| {
                w.span.start >= cursor
                    && w.span.end <= sentence_range.end
                    && prose.get(cursor..w.span.start).is_some_and(only_space)
            })
        };
        while connectors <= 2 && joined_at(look, cursor) {
            let w = &words[look];
            if let Some((a, next)) = lexicon.affiliation_at(prose, words, look, sentence_range.end)
            {
                affiliation.get_or_insert(a);
                end = words[next - 1].span.end;
                look = next;
                break;
            }
            let text = &prose[w.span.clone()];
            let lower = text.to_lowercase();
            let bare = strip_clitic(&lower);
            if lexicon.words.connectors.contains(bare) {
                connectors += 1;
                cursor = w.span.end;
                look += 1;
                continue;
            }
            // "l'Union", "d'Horizons": the word after an elided article.
            let core = strip_elision(text);
            let acronym = core.chars().count() >= 2
                && core.chars().all(|c| c.is_uppercase() || c.is_numeric());
            // An organisation after the role: an acronym, or a capitalised word after "of"/"de".
            let capitalised = core.chars().next().is_some_and(char::is_uppercase);
            let elided = core.len() < text.len();
            if acronym || (capitalised && (connectors > 0 || elided)) {
                look += 1;
                end = w.span.end;
                if !acronym && lexicon.portfolios.contains(&fold(&core.to_lowercase())) {
                    // A portfolio ("comisario europeo de Agricultura"), not an organisation.
                    break;
                }
                // A name closed by its acronym: "Organización de los Estados Americanos (OEA)".
                if let Some((acr, next, close)) = acronym_after(prose, words, look, &sentence_range)
                {
                    let known = lexicon.words.affiliations.get(&acr.to_lowercase());
                    affiliation.get_or_insert(known.cloned().unwrap_or_else(|| fold(&acr)));
                    organisation = known.is_none();
                    end = close;
                    look = next;
                    break;
                }
                // A name written out up to ", Name" with a country inside: "Banco Central de
                // Chile", "Asociación del Fútbol Argentino", "Banque d'Italie".
                if let Some((country, initials, next)) =
                    country_in_name(prose, words, lexicon, look, &sentence_range)
                {
                    let head = fold(&core.to_lowercase());
                    let initials: String = head.chars().take(1).chain(initials.chars()).collect();
                    affiliation.get_or_insert(format!(
                        "{head}{IN_COUNTRY}{country}{IN_COUNTRY}{initials}"
                    ));
                    organisation = true;
                    end = words[next - 1].span.end;
                    look = next;
                    break;
                }
                if affiliation.is_none() {
                    affiliation = Some(fold(&core.to_lowercase()));
                    organisation = !acronym || connectors > 0;
                }
                // The rest of the organisation's name before ", Name": "d'IHS Markit, Chris
                // Williamson".
                if let Some(next) = words.get(look).filter(|n| {
                    let t = &prose[n.span.clone()];
                    prose.get(end..n.span.start).is_some_and(only_space)
                        && t.chars().next().is_some_and(char::is_uppercase)
                        && prose[n.span.end..].starts_with(',')
                }) {
                    end = next.span.end;
                    look += 1;
                }
            } else if lexicon.words.connectors.is_empty() {
                // A language without articles or prepositions here (Russian): a genitive
                // complement ("области", "Пулковской обсерватории", "Таджикистана").
                if let Some((complement, next)) = genitive_complement(prose, words, analysis, look)
                {
                    // Only a complement that is itself proper names the affiliation ("директор
                    // Пулковской обсерватории"); in "пресс-секретарь президента России" Russia is
                    // the president's, and "of the Kremlin" is the same office.
                    if complement.is_some() {
                        affiliation = affiliation.or(complement);
                    }
                    end = words[next - 1].span.end;
                    look = next;
                }
            }
            break;
        }
        // An acronym given after a name the lexicon knows: "Organización de los Estados Americanos
        // (OEA)".
        end = skip_bracketed_acronym(prose, end);
        // The post where the holder serves: "auprès de l'OTAN", "to NATO", "en Perú", "в Армении".
        let mut post: Option<String> = None;
        if joined_at(look, end) {
            let word = prose[words[look].span.clone()].to_lowercase();
            if lexicon.words.posts.contains(strip_clitic(&word)) {
                let mut j = look + 1;
                let mut at = words[look].span.end;
                while joined_at(j, at)
                    && lexicon
                        .words
                        .connectors
                        .contains(&prose[words[j].span.clone()].to_lowercase())
                {
                    at = words[j].span.end;
                    j += 1;
                }
                if joined_at(j, at) {
                    if let Some((a, next)) =
                        lexicon.affiliation_at(prose, words, j, sentence_range.end)
                    {
                        post = Some(a);
                        end = words[next - 1].span.end;
                    } else if strip_elision(&prose[words[j].span.clone()])
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    {
                        // A place the lexicon does not know ("am Brenner", "в Казахстане"): part
                        // of the title, and compared with other unknown places only.
                        let place = strip_elision(&prose[words[j].span.clone()]).to_lowercase();
                        post = Some(format!("{UNKNOWN_PLACE}{}", fold(&place)));
                        end = words[j].span.end;
                    }
                }
            }
        }
        title_end = end;
        role_words.push(start..end);
        let affiliation = affiliation.or(prefix_affiliation);
        let role_key = match ranked {
            Some(rank) => format!("{rank}:{canonical}"),
            None => canonical.clone(),
        };
        // Attach: a name right after the title, also across a comma ("el ministro de Agricultura,
        // Luis Planas") unless a framing word makes the title a description ("As defence minister,
        // Kalniņa pushed"), or
        // a name before ", title". The title's own capitalised words may open the mention.
        // The rest of a hyphenated title word the phrase ends inside ("Navy Commander-in-Chief").
        let word_end = end
            + prose[end..]
                .find(|c: char| c != '-' && !c.is_alphabetic())
                .filter(|_| prose[end..].starts_with('-'))
                .unwrap_or(0);
        let after = if determiner || !framed {
            skip_gap(prose, word_end)
        } else {
            skip_space(prose, word_end)
        };
        let mut following = token_at(analysis, after).filter(|_| after < sentence_range.end);
        // A coordinated run of capitalised words is a list of portfolios or places, not a person
        // ("ministro de Agricultura, Pesca y Alimentación, Luis Planas"): the name comes after it.
        if let Some(tokens) = following.clone() {
            let run =
                analysis.tokens[tokens.start].span.start..analysis.tokens[tokens.end - 1].span.end;
            let coordinated = prose[run.clone()]
                .split_whitespace()
                .any(|w| COORDINATORS.contains(&w));
            if coordinated && prose[run.end..].starts_with(',') {
                let next = skip_gap(prose, run.end);
                following = token_at(analysis, next).filter(|_| next < sentence_range.end);
            }
        }
        // A given name the name data takes for a common word ("Julio", a month): the surname
        // after it.
        if following.is_none() && after < sentence_range.end {
            let w = words.partition_point(|w| w.span.start < after);
            if let Some(word) = words.get(w).filter(|w| w.span.start == after) {
                let capitalised = prose[word.span.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                let next = skip_space(prose, word.span.end);
                if capitalised && next > word.span.end && next < sentence_range.end {
                    following = token_at(analysis, next);
                }
            }
        }
        // A rank between the title and the name ("главнокомандующий ВМФ адмирал Николай
        // Евменов"): the title is that person's, not the name's before the comma.
        if following.is_none() {
            let mut at = after;
            for _ in 0..2 {
                let w = words.partition_point(|w| w.span.start < at);
                let Some(word) = words.get(w).filter(|w| w.span.start == at) else {
                    break;
                };
                if at >= sentence_range.end || !is_rank(&prose[word.span.clone()], names) {
                    break;
                }
                at = skip_space(prose, word.span.end);
                following = token_at(analysis, at).filter(|_| at < sentence_range.end);
                if following.is_some() {
                    break;
                }
            }
        }
        // A short prepositional complement between the title and ", Name" ("representante de la
        // OEA para asuntos migratorios, Tomás Irigoyen").
        if following.is_none() && !framed {
            following = after_complement(prose, words, lexicon, analysis, end, &sentence_range);
        }
        let preceding = || {
            let before = prose[..leftmost.min(start)].trim_end();
            let before = before.strip_suffix(',')?.trim_end();
            let m = *mention_ending.get(&before.len())?;
            let mention = &analysis.mentions[m];
            (mention.span.start >= sentence_range.start).then_some(mention.tokens.clone())
        };
        let Some(tokens) = following.or_else(preceding) else {
            pending = Some((start..end, role_key, affiliation, post, past));
            continue;
        };
        let Some(person) = person(doc, analysis, tokens, names) else {
            continue;
        };
        // A title given together with the pending one before it ("Prime Minister and Finance
        // Minister X"): both are this person's.
        let mut joint = false;
        if let Some((earlier, earlier_role, earlier_affiliation, earlier_post, earlier_past)) =
            pending.take()
        {
            let between = prose
                .get(earlier.end..start)
                .unwrap_or_default()
                .trim()
                .to_lowercase();
            if COORDINATORS.contains(&between.as_str()) {
                titles.push(Title {
                    span: earlier,
                    role: earlier_role,
                    affiliation: earlier_affiliation,
                    post: earlier_post,
                    past: earlier_past,
                    organisation: false,
                    joint: false,
                    person: person.clone(),
                });
                joint = true;
            }
        }
        // A minister who is also the role after the head word ("la ministra portavoz", "le
        // ministre porte-parole"): two roles given together.
        let before = words.partition_point(|w| w.span.end <= start);
        joint |= before > 0
            && prose
                .get(words[before - 1].span.end..start)
                .is_some_and(only_space)
            && lexicon.is_portfolio_head(&lower[words[before - 1].span.clone()]);
        titles.push(Title {
            span: start..end,
            role: role_key,
            affiliation,
            post,
            past,
            organisation,
            joint,
            person,
        });
    }
    let full_names = analysis
        .mentions
        .iter()
        .filter(|m| m.tokens.len() > 1)
        .filter(|m| {
            let given = &analysis.tokens[m.tokens.end - 2].span;
            !role_words
                .iter()
                .any(|r| r.start < given.end && given.start < r.end)
        })
        .filter_map(|m| person(doc, analysis, m.tokens.clone(), names))
        .filter(|p| p.given.is_some())
        .collect();
    (titles, full_names)
}

/// One role phrase found in the text: where the role stands, the compound prefix glued before it,
/// what it means, and a nationality adjective written inside it.
type RoleMatch = (
    Range<usize>,
    Option<Range<usize>>,
    RoleEntry,
    Option<String>,
);

/// The role phrases of `lower` (the prose lowercased in place), in order: those of the automaton,
/// and those written with a nationality adjective after their first word ("ministra colombiana de
/// comercio exterior" for "ministra de comercio exterior"), which win over a match they overlap.
fn role_matches(
    lexicon: &TitleLanguage,
    prose: &str,
    lower: &str,
    words: &[Word],
) -> Vec<RoleMatch> {
    let mut inner: Vec<RoleMatch> = Vec::new();
    let mut i = 1;
    while i + 1 < words.len() {
        let word = &lower[words[i].span.clone()];
        let head = &lower[words[i - 1].span.clone()];
        let Some(affiliation) = lexicon
            .words
            .affiliations
            .get(word)
            .filter(|_| lexicon.heads.contains(head))
        else {
            i += 1;
            continue;
        };
        let spaced = |a: usize| {
            lower
                .get(words[a].span.end..words[a + 1].span.start)
                .is_some_and(only_space)
        };
        let mut found = None;
        let mut phrase = head.to_string();
        for k in i + 1..(i + lexicon.longest_phrase).min(words.len()) {
            if !spaced(k - 1) {
                break;
            }
            phrase.push(' ');
            phrase.push_str(&lower[words[k].span.clone()]);
            if lexicon.roles.contains_key(&phrase) {
                found = Some((k, phrase.clone()));
            }
        }
        match found {
            Some((last, phrase)) if spaced(i - 1) => {
                let range = words[i - 1].span.start..words[last].span.end;
                let entry = lexicon.roles[&phrase].clone();
                inner.push((range, None, entry, Some(affiliation.clone())));
                i = last + 1;
            }
            _ => i += 1,
        }
    }
    let mut all: Vec<RoleMatch> = lexicon
        .roles_in(prose, lower)
        .filter(|(role, prefix, _)| {
            let start = prefix.as_ref().map_or(role.start, |p| p.start);
            !inner
                .iter()
                .any(|(r, _, _, _)| r.start < role.end && start < r.end)
        })
        .map(|(role, prefix, phrase)| (role, prefix, lexicon.roles[phrase].clone(), None))
        .collect();
    all.extend(inner);
    let start = |(role, prefix, _, _): &RoleMatch| prefix.as_ref().map_or(role.start, |p| p.start);
    all.sort_by_key(start);
    let open = open_portfolios(lexicon, prose, lower, words, &all);
    if !open.is_empty() {
        all.extend(open);
        all.sort_by_key(start);
    }
    all
}

/// Offices named by a head word of `portfolio_heads` and a portfolio the lexicon does not list,
/// where no listed phrase stands: the head, a connector and a capitalised portfolio ("ministre des
/// Comptes publics", "consejero de Vivienda y Transportes", "Minister für Digitales"), or a German
/// compound ending in the head ("Digitalminister", "Gesundheitslandesrätin"; a level prefix such as
/// "Bundes" is dropped). The role is the head's listed role and the folded portfolio, joined by
/// [`PORTFOLIO`]: `economy minister#comptes publics`. A country is no portfolio ("ministre de
/// France").
fn open_portfolios(
    lexicon: &TitleLanguage,
    prose: &str,
    lower: &str,
    words: &[Word],
    listed: &[RoleMatch],
) -> Vec<RoleMatch> {
    let mut out = Vec::new();
    if lexicon.portfolio_heads.is_empty() {
        return out;
    }
    // The first listed match that may still overlap the current word (`listed` is in order).
    let mut next_listed = 0;
    let covered = |listed: &[RoleMatch], span: &Range<usize>| {
        listed
            .iter()
            .take_while(|(role, prefix, _, _)| {
                prefix.as_ref().map_or(role.start, |p| p.start) < span.end
            })
            .any(|(role, _, _, _)| span.start < role.end)
    };
    let joined = |a: usize| {
        prose
            .get(words[a].span.end..words[a + 1].span.start)
            .is_some_and(only_space)
    };
    let capitalised = |j: usize| {
        strip_elision(&prose[words[j].span.clone()])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let open = |like: &str, portfolio: &str| RoleEntry {
        role: format!("{like}{PORTFOLIO}{portfolio}"),
        affiliation: None,
    };
    for (i, w) in words.iter().enumerate() {
        while listed
            .get(next_listed)
            .is_some_and(|(role, _, _, _)| role.end <= w.span.start)
        {
            next_listed += 1;
        }
        let word = &lower[w.span.clone()];
        // The longest head the word ends with: the head itself or a compound of it.
        let Some((head, like)) = lexicon
            .portfolio_heads
            .iter()
            .find(|(h, _)| word.ends_with(h.as_str()))
        else {
            continue;
        };
        if covered(&listed[next_listed.min(listed.len())..], &w.span) {
            continue;
        }
        if word.len() == head.len() {
            // Connectors (one or two, an elided one glued to the portfolio), then the portfolio.
            let mut at = i + 1;
            while at < words.len() && at <= i + 2 && joined(at - 1) {
                let link = &lower[words[at].span.clone()];
                let linking =
                    lexicon.words.connectors.contains(link) || lexicon.words.posts.contains(link);
                if !linking {
                    break;
                }
                at += 1;
            }
            let elided = at < words.len() && {
                let text = &lower[words[at].span.clone()];
                strip_elision(text).len() < text.len()
            };
            if (at == i + 1 && !elided) || at >= words.len() || !joined(at - 1) || !capitalised(at)
            {
                continue;
            }
            if lexicon
                .affiliation_at(prose, words, at, prose.len())
                .is_some()
            {
                continue;
            }
            // A capitalised word, lowercase adjectives after it, and capitalised words after a
            // coordinator or connector ("Vivienda y Transportes", "Comptes publics"); a capitalised
            // word right after another opens the holder's name ("de Vivienda Rocío Albert")
            // unless a comma closes it ("de Protección Ciudadana, Omar García Harfuch").
            let mut portfolio = vec![fold(strip_elision(&lower[words[at].span.clone()]))];
            let mut last = at;
            let mut bridged = false;
            let mut j = at + 1;
            while j < words.len() && j <= at + 5 && joined(j - 1) {
                let text = &lower[words[j].span.clone()];
                let bridge =
                    COORDINATORS.contains(&text) || lexicon.words.connectors.contains(text);
                if bridge {
                    bridged = true;
                } else if capitalised(j) && (bridged || prose[words[j].span.end..].starts_with(','))
                {
                    portfolio.push(fold(strip_elision(text)));
                    last = j;
                    bridged = false;
                } else if !capitalised(j) && !bridged && text.chars().count() > 3 {
                    portfolio.push(fold(text));
                    last = j;
                } else {
                    break;
                }
                j += 1;
            }
            let range = w.span.start..words[last].span.end;
            if !covered(&listed[next_listed.min(listed.len())..], &range) {
                out.push((range, None, open(like, &portfolio.join(" ")), None));
            }
            continue;
        }
        // A compound ending in a head: the portfolio is what stands before it.
        let mut prefix = word[..word.len() - head.len()].trim_end_matches('-');
        for (level, meaning) in &lexicon.words.prefixes {
            if meaning.is_empty() {
                prefix = prefix.strip_prefix(level.as_str()).unwrap_or(prefix);
            }
        }
        let known = lexicon.words.prefixes.contains_key(prefix)
            || lexicon.words.past.contains(prefix)
            || lexicon.words.rank.contains(prefix);
        if prefix.chars().count() >= 4 && !known && capitalised(i) {
            let stem = prefix.strip_suffix('s').filter(|p| p.chars().count() >= 4);
            let portfolio = fold(stem.unwrap_or(prefix));
            out.push((w.span.clone(), None, open(like, &portfolio), None));
        }
    }
    out
}

/// Joins an open office's head role and its portfolio.
const PORTFOLIO: char = '#';

/// Words that join two titles or two items of a list.
const COORDINATORS: [&str; 9] = ["and", "und", "et", "y", "e", "и", "i", "a", "&"];

/// The rest of an organisation's name from word `from` on, when a comma or a bracket closes it
/// within six words and it holds a country of the lexicon: capitalised words, and connectors
/// before one ("Central *de Chile*", "del Fútbol *Argentino*", "*d'Italie*"). Returns the country,
/// the folded initials of the capitalised words and the index of the word after the name.
fn country_in_name(
    prose: &str,
    words: &[Word],
    lexicon: &TitleLanguage,
    from: usize,
    sentence: &Range<usize>,
) -> Option<(String, String, usize)> {
    let mut country = None;
    let mut initials = String::new();
    let mut i = from;
    let mut last = None;
    while i < words.len() && i < from + 6 && words[i].span.end <= sentence.end {
        let gap = prose.get(words[i - 1].span.end..words[i].span.start)?;
        if !only_space(gap) {
            break;
        }
        let text = &prose[words[i].span.clone()];
        let capitalised = strip_elision(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if capitalised {
            let initial = strip_elision(text).chars().next().map(|c| c.to_lowercase());
            initials.extend(initial.into_iter().flatten());
            if let Some((found, next)) = lexicon.affiliation_at(prose, words, i, sentence.end) {
                country.get_or_insert(found);
                i = next;
                last = Some(next);
                continue;
            }
            last = Some(i + 1);
        } else if !lexicon.words.connectors.contains(&text.to_lowercase()) {
            break;
        }
        i += 1;
    }
    let next = last?;
    let closed = prose[words[next - 1].span.end..]
        .trim_start_matches(' ')
        .starts_with([',', '(']);
    country
        .filter(|_| closed)
        .map(|c| (c, fold(&initials), next))
}

/// A parenthesised acronym closing an organisation's name that starts at word `from` (capitalised
/// words and short lowercase words, at most six): the acronym, the index of the word after it, and the
/// position after the closing bracket. "Organización Panamericana de la Salud (OPS)".
fn acronym_after(
    prose: &str,
    words: &[Word],
    from: usize,
    sentence: &Range<usize>,
) -> Option<(String, usize, usize)> {
    let mut i = from;
    while i < words.len() && i < from + 7 && words[i].span.end <= sentence.end {
        let gap = prose.get(words[i - 1].span.end..words[i].span.start)?;
        let text = &prose[words[i].span.clone()];
        if gap.trim() == "(" {
            let acronym = text.chars().count() >= 2
                && text.chars().all(|c| c.is_uppercase() || c.is_numeric());
            let close = prose[words[i].span.end..].starts_with(')');
            return (acronym && close).then(|| (text.to_string(), i + 1, words[i].span.end + 1));
        }
        let small =
            text.chars().next().is_some_and(char::is_lowercase) && text.chars().count() <= 4;
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        if !only_space(gap) || !(small || capitalised) {
            return None;
        }
        i += 1;
    }
    None
}

/// The position after " (ACRONYM)" at `from`, or `from`.
fn skip_bracketed_acronym(prose: &str, from: usize) -> usize {
    let rest = &prose[from..];
    let Some(inner) = rest.strip_prefix(" (") else {
        return from;
    };
    let Some(close) = inner.find(')') else {
        return from;
    };
    let acronym = &inner[..close];
    let is_acronym = (2..=8).contains(&acronym.chars().count())
        && acronym.chars().all(|c| c.is_uppercase() || c.is_numeric());
    if is_acronym {
        from + " (".len() + close + 1
    } else {
        from
    }
}

/// A Russian genitive complement after a role, starting at word `from`: lowercase genitives
/// ("министр здравоохранения *области*", "*и дорожного хозяйства*") and proper ones ("директор
/// *Пулковской обсерватории*", "вице-премьер *Таджикистана*"), up to the person's name. Returns
/// the complement folded when it opens with a capitalised word (an affiliation), and the index of
/// the word after it.
fn genitive_complement(
    prose: &str,
    words: &[Word],
    analysis: &NameAnalysis,
    from: usize,
) -> Option<(Option<String>, usize)> {
    // A word of three letters or more: "и" and "а" are conjunctions, not genitives.
    let genitive = |w: &str| {
        if w.chars().count() < 3 {
            return false;
        }
        let ends = [
            "а", "я", "ы", "и", "ого", "его", "ой", "ей", "ых", "их", "ов", "ев",
        ];
        ends.iter().any(|e| w.ends_with(e)) && !["ла", "ли", "ло"].iter().any(|e| w.ends_with(e))
    };
    // A given name and surname: the person, where the complement stops.
    let person_at = |i: usize| {
        analysis
            .tokens
            .iter()
            .position(|t| t.span.start == words[i].span.start)
            .is_some_and(|t| analysis.mentions[analysis.tokens[t].mention].tokens.end - t == 2)
    };
    let mut i = from;
    let mut proper: Option<usize> = None;
    while i < words.len() && i < from + 5 {
        if i > from {
            let gap = prose.get(words[i - 1].span.end..words[i].span.start)?;
            if !only_space(gap) {
                break;
            }
        }
        let text = &prose[words[i].span.clone()];
        let lower = text.to_lowercase();
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        let next_lower_genitive = words.get(i + 1).is_some_and(|n| {
            let t = &prose[n.span.clone()];
            t.chars().next().is_some_and(char::is_lowercase) && genitive(t)
        });
        // A name in the genitive ("президента *Владимира Путина*"), not a country.
        let next_capital_genitive = words.get(i + 1).is_some_and(|n| {
            let t = &prose[n.span.clone()];
            t.chars().next().is_some_and(char::is_uppercase) && genitive(&t.to_lowercase())
        });
        if person_at(i) {
            break;
        } else if (lower == "и" && next_lower_genitive && i > from)
            || (!capitalised && genitive(&lower))
        {
            i += 1;
        } else if capitalised && genitive(&lower) && next_lower_genitive {
            // An adjective before its noun: "Пулковской обсерватории", "Кировской области".
            proper.get_or_insert(i);
            i += 1;
        } else if capitalised
            && genitive(&lower)
            && !next_capital_genitive
            && !["ова", "ева", "ёва", "ина", "ына", "ая", "ой"]
                .iter()
                .any(|e| lower.ends_with(e))
        {
            // A country or city: "Таджикистана", "Армении" (not a surname: "Лаврова").
            proper.get_or_insert(i);
            i += 1;
            break;
        } else {
            break;
        }
    }
    (i > from).then(|| {
        let affiliation = proper.filter(|p| *p == from).map(|p| {
            let text = &prose[words[p].span.start..words[i - 1].span.end];
            fold(&text.to_lowercase())
        });
        (affiliation, i)
    })
}

/// A name after a title and a short prepositional complement, across a comma: "representante de
/// la OEA *para asuntos migratorios*, Tomás Irigoyen". The complement opens with a `posts` word
/// and holds at most four lowercase words or connectors.
fn after_complement(
    prose: &str,
    words: &[Word],
    lexicon: &TitleLanguage,
    analysis: &NameAnalysis,
    end: usize,
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let first = words.partition_point(|w| w.span.start < end);
    let opener = words.get(first)?;
    if !prose.get(end..opener.span.start).is_some_and(only_space)
        || !lexicon
            .words
            .posts
            .contains(&prose[opener.span.clone()].to_lowercase())
    {
        return None;
    }
    for i in first + 1..(first + 5).min(words.len()) {
        let w = &words[i];
        let gap = prose.get(words[i - 1].span.end..w.span.start)?;
        if !only_space(gap) {
            return None;
        }
        let text = &prose[w.span.clone()];
        if !text.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        if prose[w.span.end..].starts_with(',') {
            let after = skip_gap(prose, w.span.end);
            return token_at(analysis, after).filter(|_| after < sentence.end);
        }
    }
    None
}

/// A capitalised word that names an affiliation by its form: an acronym (EU, NATO), a possessive
/// (Norway's), or a capitalised word that does not open the sentence.
/// A word opening a sentence counts when the article also capitalises it inside a sentence
/// ("*Rotterdam* Mayor Pieter Drost" after "the port of Rotterdam"): a proper noun, not just a
/// capital at the sentence start.
fn is_affiliation_word(
    text: &str,
    word: &Word,
    sentence_start: usize,
    words: &[Word],
    proper: &ProperWords,
) -> bool {
    let first = text.chars().next().is_some_and(char::is_uppercase);
    if !first {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let possessive = text.ends_with("'s") || text.ends_with("’s");
    let opens_sentence = words.partition_point(|w| w.span.start < sentence_start)
        == words.partition_point(|w| w.span.start < word.span.start);
    acronym || possessive || !opens_sentence || proper.contains(text)
}

/// The capitalised words an article writes inside a sentence (not as its first word), gathered
/// on first use: the article's proper nouns.
struct ProperWords<'d> {
    prose: &'d str,
    words: &'d [Word],
    sentences: &'d [Range<usize>],
    set: OnceLock<FastSet<&'d str>>,
}

impl<'d> ProperWords<'d> {
    fn contains(&self, text: &str) -> bool {
        self.set
            .get_or_init(|| {
                let mut set = FastSet::default();
                let mut sentence = 0;
                let mut opening = true;
                for w in self.words {
                    while self
                        .sentences
                        .get(sentence)
                        .is_some_and(|s| s.end <= w.span.start)
                    {
                        sentence += 1;
                        opening = true;
                    }
                    let text = &self.prose[w.span.clone()];
                    if !opening && text.chars().next().is_some_and(char::is_uppercase) {
                        set.insert(text);
                    }
                    opening = false;
                }
                set
            })
            .contains(text)
    }
}

/// The country or organisation a listed role phrase names inside it: an affiliation form of the
/// lexicon opening the phrase or after a connector ("*ECB* chief", "president of the *European*
/// Commission"), or an acronym after a connector ("secrétaire générale de la *CGT*"; an acronym
/// opening the phrase is the role itself: "CEO", "PDG"). In a language without connectors
/// (Russian) any affiliation form after the first word counts ("прокурор *Москвы*"), but not an
/// acronym: that names the body the role heads ("глава МИД", "глава ЦБ"). Two such phrases of one
/// person name two affiliations; also a German compound's organisation ("Verdi-Chefin",
/// "Bundesbank|präsident").
fn affiliation_in_phrase(
    prose: &str,
    words: &[Word],
    role: &Range<usize>,
    lexicon: &TitleLanguage,
) -> Option<String> {
    let first = words.partition_point(|w| w.span.start < role.start);
    let last = words.partition_point(|w| w.span.end <= role.end);
    // A listed compound with the organisation before its last hyphen ("Verdi-Chefin").
    if let Some(hyphen) = prose[role.clone()].rfind('-') {
        let prefix = role.start..role.start + hyphen + 1;
        if let Some(organisation) = lexicon.organisation_prefix(prose, &prefix) {
            return Some(organisation);
        }
    }
    if let Some(affiliation) = lexicon.affiliation_compound(&prose[role.clone()]) {
        return Some(affiliation);
    }
    let no_connectors = lexicon.words.connectors.is_empty();
    let mut after_connector = false;
    for at in first..last {
        let text = strip_elision(&prose[words[at].span.clone()]);
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && text.chars().all(|c| c.is_uppercase() || c.is_numeric());
        let opening = at == first && !no_connectors;
        if after_connector || opening || (no_connectors && at > first && !acronym) {
            if let Some((affiliation, _)) = lexicon.affiliation_at(prose, words, at, role.end) {
                return Some(affiliation);
            }
        }
        if acronym && after_connector {
            return Some(fold(&text.to_lowercase()));
        }
        after_connector = lexicon
            .words
            .connectors
            .contains(strip_elision(&text.to_lowercase()));
    }
    None
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
