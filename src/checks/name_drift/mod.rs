//! `name-drift` rules: a proper name spelled two ways in one article ("Veldt" / "Veld",
//! "Gonçalves" / "Goncalves"), found without any list of names.
//!
//! Name tokens come from [`crate::text::names`]. Forms of one name (inflections, possessives,
//! derived adjectives such as "Russia" / "Russian") are grouped first; then groups whose spellings
//! are one small edit apart are compared, blocked by first letter so the cost stays linear in
//! practice. Two groups that meet in one sentence, or that both stand in full names with different
//! given names ("Ed Miliband" / "David Miliband"), are different people, not drift.

mod batch;

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::RuleMeta;
use crate::text::fold::{edit, fold, Edit};
use crate::text::hash::{FastMap, FastSet};
use crate::text::names::{strip_clitic, NameAnalysis, NameLexicon};
use crate::text::neighbours::candidate_pairs;
use std::ops::Not;

/// The language data of name-drift detection for one language.
#[derive(Clone, Debug, Default)]
pub struct NameLanguage {
    pub lexicon: NameLexicon,
    /// Inflectional endings: forms that differ by one of these are the same name (`Лавров`/`Лаврова`).
    pub inflections: Vec<String>,
    /// Derivational endings: `Russia`/`Russian`, `Ukraine`/`Ukrainian` are related, not drift.
    pub derivations: Vec<String>,
    /// Spellings that differ only in their last this-many letters are taken for inflected forms
    /// (0 for languages whose names do not inflect).
    pub ending_length: usize,
}

/// Thresholds of name-drift detection.
#[derive(Clone, Copy, Debug)]
pub struct DriftThresholds {
    /// Names shorter than this (in characters) are never compared.
    pub min_length: usize,
    /// Names need at least this length for a letter replaced, inserted inside or swapped.
    pub one_edit_length: usize,
    /// Names need at least this length for two edits.
    pub two_edit_length: usize,
}

/// Finds names spelled two ways in one document.
pub struct NameDriftCheck {
    /// Language code → data (already merged with the `*` entries); `*` is the fallback.
    pub languages: super::NameData,
    pub thresholds: DriftThresholds,
}

/// One surface form of a name (clitics stripped, case kept).
struct Form {
    text: String,
    lower: String,
    folded: String,
    tokens: Vec<usize>,
}

/// Forms of one name.
struct Group {
    forms: Vec<usize>,
    count: usize,
    first_token: usize,
    representative: usize,
    /// (sentence, word index) of every token, in order.
    places: Vec<(usize, usize)>,
    /// Some token of the group is a name by evidence, not only a capital at a sentence start.
    strong: bool,
    /// Every token is a lone word at a sentence start.
    initial_only: bool,
}

/// One document's names: tokens, forms and groups.
struct DocNames<'l> {
    language: &'l NameLanguage,
    analysis: std::sync::Arc<NameAnalysis>,
    forms: Vec<Form>,
    token_form: Vec<usize>,
    groups: Vec<Group>,
}

impl NameDriftCheck {
    fn doc_names(&self, doc: &Document) -> Option<DocNames<'_>> {
        let language = doc
            .language()
            .and_then(|l| self.languages.get(l))
            .or_else(|| self.languages.get("*"))?;
        let analysis = doc.names(&language.lexicon);
        let (forms, token_form) = collect_forms(doc.prose(), &analysis);
        let groups = group_forms(&forms, language, &analysis);
        Some(DocNames {
            language,
            analysis,
            forms,
            token_form,
            groups,
        })
    }
}

impl Check for NameDriftCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(names) = self.doc_names(doc) else {
            return;
        };
        let DocNames {
            language,
            analysis,
            forms,
            token_form,
            groups,
        } = &names;
        let prose = doc.prose();
        for (minority, majority, kind) in self.drifts(forms, token_form, groups, analysis, language)
        {
            report(
                rule,
                prose,
                forms,
                &groups[minority],
                &groups[majority],
                kind,
                analysis,
                out,
            );
        }
    }

    fn name_data(&self) -> Option<super::NameData> {
        Some(self.languages.clone())
    }

    fn check_batch(&self, rule: &RuleMeta, docs: &[&Document], out: &mut Vec<(usize, Diagnostic)>) {
        batch::check(self, rule, docs, out);
    }
}

/// How two spellings differ, for the message.
#[derive(Clone, Copy)]
enum DriftKind {
    Diacritics,
    Spelling,
}

impl NameDriftCheck {
    /// Pairs (minority group, majority group) that are one name drifting.
    fn drifts(
        &self,
        forms: &[Form],
        token_form: &[usize],
        groups: &[Group],
        analysis: &NameAnalysis,
        language: &NameLanguage,
    ) -> Vec<(usize, usize, DriftKind)> {
        let mut found = Vec::new();
        let mut flagged: FastSet<usize> = FastSet::default();
        // Candidates from forms and their inflection stems, like `closest` compares them.
        let stemmed: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                g.forms
                    .iter()
                    .flat_map(|&f| stems(&forms[f].folded, &language.inflections))
                    .collect()
            })
            .collect();
        let spellings = stemmed
            .iter()
            .map(|g| g.iter().map(String::as_str).collect());
        for (a, b) in candidate_pairs(spellings, self.thresholds.two_edit_length) {
            let Some((kind, change)) = self.closest(forms, &groups[a], &groups[b], language) else {
                continue;
            };
            // Nobody is told apart from someone else by an accent alone.
            let people = matches!(kind, DriftKind::Spelling)
                && two_people(forms, token_form, &groups[a], &groups[b], analysis);
            if meet(&groups[a], &groups[b]) || people {
                continue;
            }
            let (minority, majority) = if (groups[a].count, groups[b].first_token)
                > (groups[b].count, groups[a].first_token)
            {
                (b, a)
            } else {
                (a, b)
            };
            // A word known only from sentence starts may be a drifted name, never the reference,
            // and only one small edit away; other weak words may be drifted forms too.
            if !groups[majority].strong
                || (groups[minority].initial_only && matches!(change, Edit::Several(_)))
            {
                continue;
            }
            if flagged.insert(minority) {
                found.push((minority, majority, kind));
            }
        }
        found
    }

    /// The closest pair of forms of two groups ("Белуосов" is one swap from "Белоусов", though the
    /// group's most used form may be "Белоусова"), if any pair is close enough to be drift.
    fn closest(
        &self,
        forms: &[Form],
        a: &Group,
        b: &Group,
        language: &NameLanguage,
    ) -> Option<(DriftKind, Edit)> {
        let rank = |e: Edit| match e {
            Edit::None => 0,
            Edit::Several(n) => n + 1,
            _ => 1,
        };
        // Forms and their inflection stems: "Trzakowskiego" drifts from "Trzaskowski" though no
        // form of the same case exists.
        let spellings = |g: &Group| -> Vec<(String, String)> {
            g.forms
                .iter()
                .flat_map(|&f| stems(&forms[f].lower, &language.inflections))
                .filter(|stem| stem.chars().count() >= self.thresholds.min_length)
                .map(|stem| {
                    let folded = fold(&stem);
                    (stem, folded)
                })
                .collect()
        };
        let (sa, sb) = (spellings(a), spellings(b));
        let is_form = |g: &Group, lower: &str| g.forms.iter().any(|&f| forms[f].lower == lower);
        sa.iter()
            .flat_map(|x| sb.iter().map(move |y| (x, y)))
            .filter_map(|((la, fa), (lb, fb))| {
                let kind = self.similar(la, fa, lb, fb, language.ending_length)?;
                // Stems meet where endings alternate (Russian "словак-" / "словац-"): between
                // stems, a change at their end is morphology.
                let stemmed = !is_form(a, la) || !is_form(b, lb);
                if stemmed && edit_reaches_end(fa, fb, 3) {
                    return None;
                }
                Some((kind, edit(fa, fb)))
            })
            .min_by_key(|&(_, e)| rank(e))
    }

    /// Whether two spellings (lowercase and folded) are close enough to be one name drifting.
    fn similar(
        &self,
        a_lower: &str,
        a_folded: &str,
        b_lower: &str,
        b_folded: &str,
        ending_length: usize,
    ) -> Option<DriftKind> {
        let t = self.thresholds;
        // A hyphenated compound and its first part ("Marie-Caroline" / "Marie", "Sakhalin-1").
        let part_of = |x: &str, y: &str| {
            x.strip_prefix(y)
                .is_some_and(|rest| rest.starts_with(['-', '‑']))
        };
        if part_of(a_lower, b_lower) || part_of(b_lower, a_lower) {
            return None;
        }
        let shorter = a_folded.chars().count().min(b_folded.chars().count());
        if shorter < t.min_length {
            return None;
        }
        // Drift keeps the first letter ("Fernández" / "Hernández" are two names).
        if a_folded.chars().next() != b_folded.chars().next() {
            return None;
        }
        let change = edit(a_folded, b_folded);
        if change != Edit::None && differ_only_in_ending(a_folded, b_folded, ending_length) {
            return None;
        }
        match change {
            Edit::None => (a_lower != b_lower).then_some(DriftKind::Diacritics),
            // A dropped or added final consonant ("Veld" / "Veldt"); a final vowel is too often an
            // ending or another word ("River" / "Rivera").
            Edit::EndInsertion if !ends_in_vowel(longer(a_folded, b_folded)) => {
                Some(DriftKind::Spelling)
            }
            Edit::Substitution | Edit::Transposition | Edit::Insertion
                if shorter >= t.one_edit_length =>
            {
                Some(DriftKind::Spelling)
            }
            Edit::Several(2) if shorter >= t.two_edit_length => Some(DriftKind::Spelling),
            _ => None,
        }
    }
}

fn longer<'s>(a: &'s str, b: &'s str) -> &'s str {
    if a.chars().count() >= b.chars().count() {
        a
    } else {
        b
    }
}

fn ends_in_vowel(word: &str) -> bool {
    word.chars()
        .last()
        .is_some_and(|c| "aeiouyаеёиоуыэюяіїєαεηιουω".contains(c) && c != 'y')
}

/// Whether two groups meet in one sentence: then they are two names ("Colombia and Columbia",
/// "Montpellier … Montpelier, Vermont"), not one drifting.
fn meet(a: &Group, b: &Group) -> bool {
    let sentences: FastSet<usize> = a.places.iter().map(|&(s, _)| s).collect();
    b.places.iter().any(|(s, _)| sentences.contains(s))
}

/// Whether the letters that differ between two spellings reach into the last `n` of either.
fn edit_reaches_end(a: &str, b: &str, n: usize) -> bool {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let suffix = ac
        .iter()
        .rev()
        .zip(bc.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    suffix < n
}

/// Whether two spellings share everything but their last `n` letters (each), i.e. differ only
/// where inflections live.
fn differ_only_in_ending(a: &str, b: &str, n: usize) -> bool {
    if n == 0 {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + n >= a.chars().count() && common + n >= b.chars().count()
}

/// The distinct forms of the name tokens, and each token's form.
fn collect_forms(prose: &str, analysis: &NameAnalysis) -> (Vec<Form>, Vec<usize>) {
    let mut index: FastMap<&str, usize> = FastMap::default();
    let mut forms: Vec<Form> = Vec::new();
    let mut token_form = Vec::with_capacity(analysis.tokens.len());
    for (t, token) in analysis.tokens.iter().enumerate() {
        let text = strip_clitic(&prose[token.span.clone()]);
        let f = *index.entry(text).or_insert_with(|| {
            let lower = text.to_lowercase();
            forms.push(Form {
                text: text.to_string(),
                folded: fold(&lower),
                lower,
                tokens: Vec::new(),
            });
            forms.len() - 1
        });
        forms[f].tokens.push(t);
        token_form.push(f);
    }
    (forms, token_form)
}

/// Groups forms of one name: inflections and derivations of each other (a doubled final letter is
/// never an ending: `Donbass` is not `Donbas` + `s`).
fn group_forms(forms: &[Form], language: &NameLanguage, analysis: &NameAnalysis) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    fn find(parent: &mut [usize], x: usize) -> usize {
        let mut root = x;
        while parent[root] != root {
            root = parent[root];
        }
        let mut y = x;
        while parent[y] != root {
            let next = parent[y];
            parent[y] = root;
            y = next;
        }
        root
    }
    // Every form is indexed under its stems; forms sharing a stem are one name.
    let mut by_stem: FastMap<String, usize> = FastMap::default();
    let mut by_folded_stem: FastMap<String, Vec<(usize, &str)>> = FastMap::default();
    for (f, form) in forms.iter().enumerate() {
        for stem in stems(&form.lower, &language.inflections) {
            match by_stem.get(&stem) {
                Some(&other) if is_doubled(&form.lower, &forms[other].lower) => {}
                Some(&other) => {
                    let (x, y) = (find(&mut parent, f), find(&mut parent, other));
                    parent[x] = y;
                }
                None => {
                    by_stem.insert(stem, f);
                }
            }
        }
        // Inflection may add an umlaut (German "Vertrag" / "Verträge", "Vertrags" / "Verträge")
        // or drop a ё (Russian "Пётр" / "Петру"): stems with different endings also meet without
        // them. The same ending never explains
        // a changed letter, and no ending explains another lost accent ("Przybyłowicz" /
        // "Przybylowicza" is drift).
        for (stem, ending) in stems_with_endings(&form.lower, &language.inflections) {
            let key: String = stem
                .chars()
                .map(|c| match c {
                    'ä' => 'a',
                    'ö' => 'o',
                    'ü' => 'u',
                    'ё' => 'е',
                    other => other,
                })
                .collect();
            let entries = by_folded_stem.entry(key).or_default();
            if let Some(&(other, _)) = entries.iter().find(|(_, e)| *e != ending) {
                let (x, y) = (find(&mut parent, f), find(&mut parent, other));
                parent[x] = y;
            }
            entries.push((f, ending));
        }
    }
    for (f, form) in forms.iter().enumerate() {
        for stem in stems(&form.lower, &language.inflections) {
            for (base, ending) in derivation_bases(&stem, &language.derivations) {
                // "Ukrain" + "ian" comes from "Ukraine": longer endings may replace a final vowel.
                let mut candidates = vec![base.clone()];
                if ending.chars().count() >= 2 {
                    candidates.extend(["e", "a", "y", "o", "i"].map(|v| format!("{base}{v}")));
                }
                for candidate in candidates {
                    if let Some(&other) = by_stem.get(&candidate) {
                        if other != f {
                            let (x, y) = (find(&mut parent, f), find(&mut parent, other));
                            parent[x] = y;
                        }
                    }
                }
            }
        }
    }
    let mut groups: FastMap<usize, Group> = FastMap::default();
    for (f, form) in forms.iter().enumerate() {
        let root = find(&mut parent, f);
        let group = groups.entry(root).or_insert_with(|| Group {
            forms: Vec::new(),
            count: 0,
            first_token: usize::MAX,
            representative: f,
            places: Vec::new(),
            strong: false,
            initial_only: true,
        });
        group.initial_only &= form.tokens.iter().all(|&t| analysis.tokens[t].initial);
        group.strong |= form.tokens.iter().any(|&t| !analysis.tokens[t].weak);
        group.forms.push(f);
        group.count += form.tokens.len();
        group.first_token = group.first_token.min(form.tokens[0]);
        if form.tokens.len() > forms[group.representative].tokens.len() {
            group.representative = f;
        }
        group.places.extend(
            form.tokens
                .iter()
                .map(|&t| (analysis.tokens[t].sentence, analysis.tokens[t].word)),
        );
    }
    let mut groups: Vec<Group> = groups.into_values().collect();
    groups.sort_by_key(|g| g.first_token);
    groups
}

/// The form itself and what remains after removing one ending (at least three letters remain).
fn stems(lower: &str, endings: &[String]) -> Vec<String> {
    let mut out = vec![lower.to_string()];
    for ending in endings {
        if let Some(stem) = lower.strip_suffix(ending.as_str()) {
            if stem.chars().count() >= 3 {
                out.push(stem.to_string());
            }
        }
    }
    out
}

/// Like [`stems`], with the ending each stem lost (`""` for the form itself).
fn stems_with_endings<'e>(lower: &str, endings: &'e [String]) -> Vec<(String, &'e str)> {
    let mut out = vec![(lower.to_string(), "")];
    for ending in endings {
        if let Some(stem) = lower.strip_suffix(ending.as_str()) {
            if stem.chars().count() >= 3 {
                out.push((stem.to_string(), ending.as_str()));
            }
        }
    }
    out
}

/// `Donbass` / `Donbas`, `Zelenskyy` / `Zelensky`: one is the other with its last letter doubled,
/// which is a misspelling, never an ending.
fn is_doubled(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|extra| {
        let mut chars = extra.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if short.ends_with(c))
    })
}

/// What remains of `stem` without each derivational ending, with the ending removed.
fn derivation_bases<'e>(stem: &str, endings: &'e [String]) -> Vec<(String, &'e str)> {
    endings
        .iter()
        .filter_map(|e| {
            let base = stem.strip_suffix(e.as_str())?;
            (base.chars().count() >= 3 && !is_doubling(base, e))
                .then(|| (base.to_string(), e.as_str()))
        })
        .collect()
}

/// `Donbas` + `s`, `Zelensky` + `y`: a single-letter ending that repeats the last letter.
fn is_doubling(stem: &str, ending: &str) -> bool {
    let mut e = ending.chars();
    matches!((e.next(), e.next()), (Some(c), None) if stem.ends_with(c))
}

/// Whether two given names differ only in a final vowel, as feminine and masculine forms do.
fn gender_variants(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let tail = |s: &str| s.chars().skip(common).collect::<String>();
    let (ta, tb) = (tail(a), tail(b));
    let vowel_or_nothing =
        |t: &str| t.chars().count() <= 1 && t.chars().all(|c| ends_in_vowel(&c.to_string()));
    common >= 3 && vowel_or_nothing(&ta) && vowel_or_nothing(&tb)
}

/// Two groups are two people: gender variants of a given name, surnames of full names whose given
/// names differ, or one only ever a given name and the other only ever a surname.
fn two_people(
    forms: &[Form],
    token_form: &[usize],
    a: &Group,
    b: &Group,
    analysis: &NameAnalysis,
) -> bool {
    let tokens = |g: &Group| -> Vec<usize> {
        g.forms
            .iter()
            .flat_map(|&f| forms[f].tokens.iter().copied())
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    // Given names that are gender variants of each other: "Mario" / "Maria Rossi",
    // "Jan" / "Jana". Other close given names ("Dmitry" / "Dmitri") are one name drifting.
    let leading = |ts: &[usize]| ts.iter().any(|&t| analysis.is_leading_in_full_name(t));
    if (leading(&ta) || leading(&tb))
        && gender_variants(
            &forms[a.representative].folded,
            &forms[b.representative].folded,
        )
    {
        return true;
    }
    // Both surnames of full names whose given names differ: "Anna Kowalska" and "Jan Kowalski".
    let given = |ts: &[usize]| -> FastSet<String> {
        ts.iter()
            .filter(|&&t| analysis.is_final_in_full_name(t) && !analysis.tokens[t - 1].uncertain)
            .map(|&t| {
                // The given name is the token before the surname ("Oppositionsführerin
                // Swjatlana Tichanowskaja"); one seen only at sentence starts may be an adverb.
                forms[token_form[t - 1]].folded.clone()
            })
            .collect()
    };
    let (ga, gb) = (given(&ta), given(&tb));
    // Given names that are one drifting name ("Dmitry" / "Dmitri") do not make two people.
    let same_person = |x: &String, y: &String| {
        x == y || (matches!(edit(x, y), Edit::Several(_)).not() && !gender_variants(x, y))
    };
    if !ga.is_empty() && !gb.is_empty() && !ga.iter().any(|x| gb.iter().any(|y| same_person(x, y)))
    {
        return true;
    }
    // One only ever a given name, the other only ever a surname: "Michael Smith" and "Charles Michel".
    let only = |ts: &[usize], role: fn(&NameAnalysis, usize) -> bool| {
        ts.iter().all(|&t| role(analysis, t))
    };
    (only(&ta, NameAnalysis::is_leading_in_full_name)
        && only(&tb, NameAnalysis::is_final_in_full_name))
        || (only(&tb, NameAnalysis::is_leading_in_full_name)
            && only(&ta, NameAnalysis::is_final_in_full_name))
}

#[allow(clippy::too_many_arguments)]
fn report(
    rule: &RuleMeta,
    prose: &str,
    forms: &[Form],
    minority: &Group,
    majority: &Group,
    kind: DriftKind,
    analysis: &NameAnalysis,
    out: &mut Vec<Diagnostic>,
) {
    let established = &forms[majority.representative];
    let first = analysis.tokens[majority.first_token].span.clone();
    let first_text = strip_clitic(&prose[first.clone()]);
    let label_span = first.start..first.start + first_text.len();
    for &f in &minority.forms {
        let form = &forms[f];
        for &t in &form.tokens {
            let start = analysis.tokens[t].span.start;
            let span = start..start + form.text.len();
            let fix =
                (f == minority.representative).then(|| (span.clone(), established.text.clone()));
            let mut d = rule.diagnostic(span, &form.text, fix);
            d.message = match kind {
                DriftKind::Diacritics => format!(
                    "'{}' is written '{}' elsewhere in this article: the diacritics differ",
                    form.text, established.text
                ),
                DriftKind::Spelling => format!(
                    "'{}' looks like a misspelling of '{}', used {} in this article",
                    form.text,
                    established.text,
                    times(majority.count)
                ),
            };
            if f != minority.representative && d.help.is_none() {
                d.help = Some(format!(
                    "use the spelling '{}' consistently",
                    established.text
                ));
            }
            d.labels.push(RuleMeta::label(
                label_span.clone(),
                format!("first written '{}' here", first_text),
            ));
            out.push(d);
        }
    }
}

fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}
