//! `untranslated` rules: a sentence left in another language ("This sentence is German in an
//! English article"), and runs of another script inside a sentence (Cyrillic or Chinese left in
//! English text).
//!
//! whatlang is slow next to everything else translint does, so it only sees *suspicious*
//! sentences. A cheap prefilter looks up each word in one table of function words of many
//! languages: a sentence is suspicious when at least two words are function words of another
//! language that ours does not share ("die", "und", "nicht" in an English article) and they
//! outnumber our own function words that the other language lacks. Only those sentences are
//! detected (whatlang restricted to the languages with function words), and a detection counts
//! only when it is confident, names one of the suspected languages, covers most of the sentence's
//! letters, and neither half of the sentence leans towards the document's language.

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::input::Format;
use crate::rules::RuleMeta;
use crate::text::hash::{FastMap, FastSet};
use crate::text::language::{iso639_1, name as language_name};
use crate::text::quotes::Balance;
use crate::text::script::{self, Script, ScriptCounts};
use crate::text::words::Word;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use whatlang::{Detector, Lang};

/// whatlang's own threshold for a reliable detection.
const RELIABLE: f64 = 0.9;

/// Which kinds of passages count as marked as foreign, and are left alone.
#[derive(Clone, Copy, Debug, Default)]
pub struct Skip {
    /// Text between quotation marks.
    pub quotes: bool,
    /// Text in brackets: "Sergei Lavrov (Сергей Лавров)".
    pub brackets: bool,
    /// Emphasised text in Markdown (`*Wir schaffen das*`).
    pub emphasis: bool,
}

/// Thresholds of an untranslated rule.
#[derive(Clone, Debug)]
pub struct Thresholds {
    /// Sentences with fewer words (of letters) are not detected.
    pub min_words: usize,
    /// Sentences with fewer letters are not detected.
    pub min_letters: usize,
    /// whatlang's confidence (0 to 1) needed to flag a sentence.
    pub min_confidence: f64,
    /// A run of another script needs at least this many letters.
    pub min_script_letters: usize,
}

/// Flags untranslated sentences and foreign-script runs.
pub struct UntranslatedCheck {
    pub sentences: bool,
    pub scripts: bool,
    pub skip: Skip,
    pub thresholds: Thresholds,
    /// Function words, lowercased, by language code.
    function_words: FunctionWords,
    /// How many times whatlang ran (for tests and benchmarks).
    detections: AtomicUsize,
}

/// Function words of many languages, looked up in one map: word → bit set of languages.
struct FunctionWords {
    codes: Vec<String>,
    words: FastMap<String, u64>,
    /// The longest word, in bytes: longer words need no lookup.
    longest: usize,
}

impl FunctionWords {
    fn new(lists: HashMap<String, HashSet<String>>) -> FunctionWords {
        let mut codes: Vec<String> = lists.keys().filter(|c| *c != "*").cloned().collect();
        codes.sort();
        codes.truncate(63);
        let mut words: FastMap<String, u64> = FastMap::default();
        for (bit, code) in codes.iter().enumerate() {
            for word in lists.get(code).into_iter().flatten() {
                *words.entry(word.to_lowercase()).or_default() |= 1 << bit;
            }
        }
        let longest = words.keys().map(String::len).max().unwrap_or(0);
        FunctionWords {
            codes,
            words,
            longest,
        }
    }

    fn bit(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }
}

/// The words of one stretch of text (a sentence without its marked passages, or a quote).
struct Unit<'w> {
    span: Range<usize>,
    words: Vec<&'w Word>,
}

/// Per-document state shared by all units.
struct Context<'d> {
    prose: &'d str,
    language: Option<&'d str>,
    /// The document's script and the scripts that go with it.
    allowed: Vec<Script>,
    expected: String,
    /// Bit of the document language in `FunctionWords`, if it has a list.
    own_bit: Option<usize>,
    /// Frequent short words of the document, standing in for a missing function-word list.
    own_words: Option<FastSet<String>>,
    /// Letters in scripts the document does not use.
    foreign_letters: usize,
}

impl UntranslatedCheck {
    pub fn new(
        sentences: bool,
        scripts: bool,
        skip: Skip,
        thresholds: Thresholds,
        function_words: HashMap<String, HashSet<String>>,
    ) -> UntranslatedCheck {
        let function_words = FunctionWords::new(function_words);
        UntranslatedCheck {
            sentences,
            scripts,
            skip,
            thresholds,
            function_words,
            detections: AtomicUsize::new(0),
        }
    }

    /// Byte ranges inside `block` that are marked as foreign (quotes, brackets, emphasis).
    fn marked(&self, doc: &Document, block: &Range<usize>, balance: &Balance) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        if self.skip.quotes || self.skip.brackets {
            for pair in &balance.pairs {
                let quote = pair.family.is_quote();
                if (quote && self.skip.quotes) || (!quote && self.skip.brackets) {
                    ranges.push(pair.outer());
                }
            }
        }
        if self.skip.emphasis && doc.format() == Format::Markdown {
            ranges.extend(emphasis(doc, block.clone()));
        }
        ranges
    }

    /// Quoted passages of a block as units of their own (when quotes are not skipped).
    fn quote_ranges(&self, balance: &Balance) -> Vec<Range<usize>> {
        if self.skip.quotes {
            return Vec::new();
        }
        let mut ranges: Vec<Range<usize>> = balance
            .pairs
            .iter()
            .filter(|p| p.family.is_quote())
            .map(|p| p.open.end..p.close.start)
            .collect();
        // Only the outermost quotes.
        ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut outer: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            if !outer
                .last()
                .is_some_and(|o| o.start <= r.start && r.end <= o.end)
            {
                outer.push(r);
            }
        }
        outer
    }

    /// The document's context; `sentences` says whether sentences are to be detected at all.
    fn context<'d>(&self, doc: &'d Document, sentences: bool) -> Option<Context<'d>> {
        let prose = doc.prose();
        let counts = doc.script_counts();
        let dominant = counts.dominant()?;
        let mut allowed: Vec<Script> = dominant.companions().to_vec();
        for script in [Script::Latin, Script::Other] {
            if !allowed.contains(&script) {
                allowed.push(script);
            }
        }
        let foreign_letters = counts
            .total()
            .saturating_sub(allowed.iter().map(|&s| counts.get(s)).sum::<usize>());
        let language = doc.language();
        let expected = match language {
            Some(code) => language_name(code).to_string(),
            None => format!("{} script", dominant.name()),
        };
        let own_bit = language
            .and_then(|l| self.function_words.bit(l))
            .filter(|&bit| sentences && self.confirms(doc, bit));
        let own_words = match (sentences, language, own_bit) {
            (true, Some(_), None) => Some(frequent_words(doc)),
            _ => None,
        };
        Some(Context {
            prose,
            language,
            allowed,
            expected,
            own_bit,
            own_words,
            foreign_letters,
        })
    }

    /// Whether the function words of language `bit` are common enough in the document for the
    /// detected document language to be trusted (whatlang has no Icelandic and calls it Swedish
    /// or Hungarian; then the document's own frequent words stand in).
    fn confirms(&self, doc: &Document, bit: usize) -> bool {
        let prose = doc.prose();
        let mut words = 0usize;
        let mut hits = 0usize;
        for word in doc.words().iter().take(2000) {
            let text = &prose[word.span.clone()];
            if !text.chars().any(char::is_alphabetic) {
                continue;
            }
            words += 1;
            if self
                .function_words
                .words
                .get(lowercase(text).as_ref())
                .is_some_and(|mask| mask & (1 << bit) != 0)
            {
                hits += 1;
            }
        }
        words < 20 || hits * 20 >= words
    }

    /// The language a unit is written in, when it is not the document's and the unit is long
    /// enough, mostly ordinary words, and confirmed by detection and function words.
    fn foreign_language(&self, cx: &Context, unit: &Unit) -> Option<&'static str> {
        let language = cx.language?;
        let t = &self.thresholds;
        let texts: Vec<&str> = unit
            .words
            .iter()
            .map(|w| &cx.prose[w.span.clone()])
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if texts.len() < t.min_words {
            return None;
        }
        let mut counts = ScriptCounts::default();
        for w in &texts {
            counts.add(w);
        }
        if counts.total() < t.min_letters {
            return None;
        }
        // A sentence in a script the document does not use is the script check's business.
        let dominant = counts.dominant()?;
        if !cx.allowed.contains(&dominant) {
            return None;
        }
        let lower: Vec<Cow<str>> = texts.iter().map(|w| lowercase(w)).collect();
        let mut all = self.evidence(cx, &lower);
        // A capitalised word inside the unit is a name ("Van Voorst", "Le Monde", "El Paso"), and
        // single letters next to single letters are initials or spaced-out names ("R K S"): neither
        // is evidence of another language.
        let single = |k: usize| texts.get(k).is_some_and(|w| w.chars().count() == 1);
        for (k, (_, others)) in all.masks.iter_mut().enumerate() {
            let capitalised = k > 0 && !texts[k].starts_with(|c: char| c.is_lowercase());
            let initial = single(k) && ((k > 0 && single(k - 1)) || single(k + 1));
            if capitalised || initial {
                *others = 0;
            }
        }
        // Name particles ("Lowie van De Ooyevaar", "Charles de Gaulle"): a short lowercase word
        // between two capitalised ones that is not a function word of ours is part of a name.
        let plain_words: Vec<bool> = texts.iter().map(|w| is_plain_word(w)).collect();
        let particle = |k: usize| {
            plain_words[k]
                && !all.masks[k].0
                && k > 0
                && k + 1 < texts.len()
                && !plain_words[k - 1]
                && !plain_words[k + 1]
                && texts[k].chars().count() <= 3
        };
        let kept: Vec<usize> = (0..texts.len()).filter(|&k| !particle(k)).collect();
        // Mostly names, numbers, acronyms: nothing to detect.
        let plain = kept.iter().filter(|&&k| plain_words[k]).count();
        if plain < 3 || plain * 10 < kept.len() * 3 {
            return None;
        }
        let texts: Vec<&str> = kept.iter().map(|&k| texts[k]).collect();
        let evidence = Evidence {
            masks: kept.iter().map(|&k| all.masks[k]).collect(),
        };
        let suspects = evidence.suspects();
        if suspects == 0 {
            return None;
        }
        // whatlang chooses among our language and the suspects only: the function words already
        // say which languages are in question, and whatlang alone confuses close languages
        // (Russian and Bulgarian, Danish and Norwegian) on one sentence.
        // Without whatlang's model of our language nothing can be compared.
        let own_lang = whatlang_lang(language)?;
        let candidates: Vec<Lang> = std::iter::once(own_lang)
            .chain(
                (0..64)
                    .filter(|b| suspects & (1 << b) != 0)
                    .filter_map(|b| whatlang_lang(self.function_words.codes.get(b)?)),
            )
            .collect();
        let joined = texts.join(" ");
        self.detections.fetch_add(1, Ordering::Relaxed);
        let info = Detector::with_allowlist(candidates).detect(&joined)?;
        let detected = iso639_1(info.lang());
        if detected == language {
            return None;
        }
        // The detection must be about most of the unit's letters (not an English name inside a
        // Japanese sentence).
        if whatlang_script(info.script()) != Some(dominant) {
            return None;
        }
        let bit = self.function_words.bit(detected)?;
        // How sure whatlang is that the sentence is in that language rather than ours (several
        // suspects, such as French and Italian, are close to each other, not to English). A
        // single function word of theirs is weak evidence: whatlang must be reliable then
        // (English headlines read as Danish at 0.7).
        let pair = Detector::with_allowlist(vec![own_lang, info.lang()]);
        let (theirs, ours) = evidence.distinct(bit);
        let needed = if theirs < 2 {
            t.min_confidence.max(RELIABLE)
        } else {
            t.min_confidence
        };
        self.detections.fetch_add(1, Ordering::Relaxed);
        let sure = pair
            .detect(&joined)
            .is_some_and(|p| p.lang() == info.lang() && p.confidence() >= needed);
        if !sure {
            return None;
        }
        // The whole unit must be foreign, not a sentence of ours that quotes a foreign name
        // ("veröffentlichten Daten der Fédération de la vente à distance"). When any of our own
        // function words is there, neither half may read as ours.
        if ours > 0 {
            let half = texts.len() / 2;
            for (part, masks) in [
                (&texts[..half], &evidence.masks[..half]),
                (&texts[half..], &evidence.masks[half..]),
            ] {
                let (theirs, ours) = Evidence::count(masks, bit);
                if ours >= 2 && ours > theirs {
                    return None;
                }
                self.detections.fetch_add(1, Ordering::Relaxed);
                let reads_as_ours = pair
                    .detect(&part.join(" "))
                    .is_some_and(|info| info.lang() == own_lang);
                if reads_as_ours {
                    return None;
                }
            }
        }
        // Without our own function words in the document to vouch for its language, the document
        // as a whole must reliably read as that language: whatlang has no Icelandic and calls an
        // Icelandic article Welsh or Hungarian (with a confidence well below its own "reliable"
        // 0.9), whose sentences then look Danish.
        if cx.own_bit.is_none() {
            self.detections.fetch_add(1, Ordering::Relaxed);
            let document_is_ours = Detector::new()
                .detect(sample(cx.prose, 8 * 1024))
                .is_some_and(|d| d.lang() == own_lang && d.confidence() > RELIABLE);
            if !document_is_ours {
                return None;
            }
        }
        Some(detected)
    }

    /// Function-word counts of a unit.
    fn evidence(&self, cx: &Context, lower: &[Cow<str>]) -> Evidence {
        let masks: Vec<(bool, u64)> = lower
            .iter()
            .map(|w| {
                let w: &str = w;
                let mask = if w.len() <= self.function_words.longest {
                    self.function_words.words.get(w).copied().unwrap_or(0)
                } else {
                    0
                };
                let own = match (&cx.own_words, cx.own_bit) {
                    (Some(words), _) => words.contains(w),
                    (None, Some(bit)) => mask & (1 << bit) != 0,
                    (None, None) => false,
                };
                let others = match cx.own_bit {
                    Some(bit) => mask & !(1 << bit),
                    None => mask,
                };
                (own, others)
            })
            .collect();
        Evidence { masks }
    }

    /// Runs of letters of a script the document does not use.
    fn script_runs(&self, cx: &Context, unit: &Unit, out: &mut Vec<(Range<usize>, Script)>) {
        let mut run: Option<(Range<usize>, Script, usize)> = None;
        let mut close = |run: &mut Option<(Range<usize>, Script, usize)>| {
            if let Some((span, script, letters)) = run.take() {
                if letters >= self.thresholds.min_script_letters.max(1)
                    && !is_address_part(cx.prose, &span)
                {
                    out.push((span, script));
                }
            }
        };
        for word in &unit.words {
            let text = &cx.prose[word.span.clone()];
            let script = match script::of_word(text) {
                Some(s) if !cx.allowed.contains(&s) => s,
                Some(_) => {
                    close(&mut run);
                    continue;
                }
                // Digits, or a word mixing scripts (the mixed-script check's business).
                None => {
                    if text.chars().any(char::is_alphabetic) {
                        close(&mut run);
                    }
                    continue;
                }
            };
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let extends = run
                .as_ref()
                .is_some_and(|(_, s, _)| s.companions().contains(&script));
            match run.as_mut() {
                Some((span, _, n)) if extends => {
                    span.end = word.span.end;
                    *n += letters;
                }
                _ => {
                    close(&mut run);
                    run = Some((word.span.clone(), script, letters));
                }
            }
        }
        close(&mut run);
    }
}

/// Function-word evidence of one unit.
struct Evidence {
    /// Per word: whether it is one of ours, and the bit set of the other languages that have it.
    masks: Vec<(bool, u64)>,
}

impl Evidence {
    /// Words of language `bit` that are not ours, and words of ours that `bit` does not have.
    fn distinct(&self, bit: usize) -> (usize, usize) {
        Evidence::count(&self.masks, bit)
    }

    fn count(masks: &[(bool, u64)], bit: usize) -> (usize, usize) {
        let mut theirs = 0;
        let mut ours = 0;
        for &(own, others) in masks {
            let in_theirs = others & (1 << bit) != 0;
            if in_theirs && !own {
                theirs += 1;
            }
            if own && !in_theirs {
                ours += 1;
            }
        }
        (theirs, ours)
    }

    /// The languages (bit set) whose own function words in the unit outnumber ours that they
    /// lack, and are at least two, or one when none of ours is there.
    fn suspects(&self) -> u64 {
        let mut seen = 0u64;
        for &(own, others) in &self.masks {
            if !own {
                seen |= others;
            }
        }
        let mut suspects = 0u64;
        for bit in 0..64 {
            if seen & (1 << bit) != 0 {
                let (theirs, ours) = self.distinct(bit);
                if theirs > ours && (theirs >= 2 || ours == 0) {
                    suspects |= 1 << bit;
                }
            }
        }
        suspects
    }
}

/// Whether `span` is part of a domain name, e-mail address or path ("стопкоронавирус.рф"): glued
/// to a `.`, `@` or `/` that is glued to a letter on its other side.
fn is_address_part(prose: &str, span: &Range<usize>) -> bool {
    let mut after = prose[span.end..].chars();
    let mut before = prose[..span.start].chars().rev();
    let glued = |sep: Option<char>, letter: Option<char>| {
        matches!(sep, Some('.' | '@' | '/')) && letter.is_some_and(char::is_alphanumeric)
    };
    let inner = prose[span.clone()].as_bytes().windows(3).any(|w| {
        matches!(w[1], b'.' | b'@' | b'/')
            && !w[0].is_ascii_whitespace()
            && !w[2].is_ascii_whitespace()
    });
    inner || glued(after.next(), after.next()) || glued(before.next(), before.next())
}

/// The first `bytes` of `text`, cut on a char boundary.
fn sample(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// whatlang's language for an ISO 639-1 code.
fn whatlang_lang(code: &str) -> Option<Lang> {
    Lang::all().iter().copied().find(|&l| iso639_1(l) == code)
}

/// whatlang's script as ours (kana and Han as one, as in [`ScriptCounts::dominant`]).
fn whatlang_script(script: whatlang::Script) -> Option<Script> {
    use whatlang::Script as W;
    Some(match script {
        W::Latin => Script::Latin,
        W::Cyrillic => Script::Cyrillic,
        W::Greek => Script::Greek,
        W::Armenian => Script::Armenian,
        W::Georgian => Script::Georgian,
        W::Hebrew => Script::Hebrew,
        W::Arabic => Script::Arabic,
        W::Devanagari => Script::Devanagari,
        W::Bengali => Script::Bengali,
        W::Thai => Script::Thai,
        W::Hangul => Script::Hangul,
        W::Mandarin | W::Hiragana | W::Katakana => Script::Han,
        _ => return None,
    })
}

/// `word` in lowercase, borrowed when it has no uppercase letter.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// A word that is not a name, acronym or number: lowercase in a cased script, or any word of a
/// caseless script.
fn is_plain_word(word: &str) -> bool {
    let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
        return false;
    };
    match script::of(first) {
        Some(s) if s.is_cased() => first.is_lowercase(),
        Some(_) => true,
        None => false,
    }
}

/// The document's own most frequent short lowercase words: a function-word list for languages
/// the rule has none for.
fn frequent_words(doc: &Document) -> FastSet<String> {
    let prose = doc.prose();
    let mut counts: FastMap<String, usize> = FastMap::default();
    for word in doc.words() {
        let text = &prose[word.span.clone()];
        if text.chars().count() <= 4 && is_plain_word(text) {
            *counts.entry(text.to_lowercase()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 3).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().take(40).map(|(w, _)| w).collect()
}

/// Emphasised stretches of a Markdown block: text between two runs of `*` or `_` that the prose
/// mask blanked out (with spaces, or the opaque filler where they touch punctuation).
fn emphasis(doc: &Document, block: Range<usize>) -> Vec<Range<usize>> {
    let source = doc.source().as_bytes();
    let prose = doc.prose().as_bytes();
    let mut markers: Vec<Range<usize>> = Vec::new();
    let end = block.end.min(source.len()).min(prose.len());
    let is_marker = |i: usize| matches!(source[i], b'*' | b'_') && matches!(prose[i], b' ' | 0x1a);
    let mut i = block.start;
    while i < end {
        if is_marker(i) {
            let start = i;
            while i < end && is_marker(i) {
                i += 1;
            }
            markers.push(start..i);
        } else {
            i += 1;
        }
    }
    markers
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| pair[0].start..pair[1].end)
        .collect()
}

impl Check for UntranslatedCheck {
    fn check(&self, rule: &RuleMeta, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Without whatlang's model of the document language no sentence can be compared with it
        // (`foreign_language`), so the sentence analysis is skipped altogether (Icelandic).
        let detect = self.sentences && doc.language().is_some_and(|l| whatlang_lang(l).is_some());
        if !detect && !self.scripts {
            return;
        }
        let Some(cx) = self.context(doc, detect) else {
            return;
        };
        if !detect && cx.foreign_letters == 0 {
            return;
        }
        let words = doc.words();
        let sentences = doc.sentences();
        for (block, balance) in doc.blocks().iter().zip(doc.balances()) {
            let marked = self.marked(doc, block, balance);
            let quoted = self.quote_ranges(balance);
            let inside =
                |r: &Range<usize>, w: &Word| r.start <= w.span.start && w.span.end <= r.end;
            let first = sentences.partition_point(|s| s.start < block.start);
            let last = sentences.partition_point(|s| s.start < block.end);
            let mut units: Vec<Unit> = Vec::new();
            for sentence in &sentences[first..last] {
                let a = words.partition_point(|w| w.span.start < sentence.start);
                let b = words.partition_point(|w| w.span.start < sentence.end);
                let kept = words[a..b]
                    .iter()
                    .filter(|w| !marked.iter().chain(&quoted).any(|r| inside(r, w)))
                    .collect();
                units.push(Unit {
                    span: sentence.clone(),
                    words: kept,
                });
            }
            for quote in &quoted {
                let a = words.partition_point(|w| w.span.start < quote.start);
                let b = words.partition_point(|w| w.span.start < quote.end);
                let kept: Vec<&Word> = words[a..b]
                    .iter()
                    .filter(|w| !marked.iter().any(|r| inside(r, w)))
                    .collect();
                let inside = &cx.prose[quote.clone()];
                let start = quote.start + (inside.len() - inside.trim_start().len());
                let span = start..start + inside.trim().len();
                if !kept.is_empty() {
                    units.push(Unit { span, words: kept });
                }
            }
            for unit in &units {
                if detect {
                    if let Some(code) = self.foreign_language(&cx, unit) {
                        let mut d = rule.diagnostic_with(
                            unit.span.clone(),
                            &cx.prose[unit.span.clone()],
                            None,
                            &[
                                ("language", language_name(code)),
                                ("expected", &cx.expected),
                            ],
                        );
                        d.help.get_or_insert_with(|| {
                            "translate it, or mark a deliberate quotation as such".to_string()
                        });
                        out.push(d);
                        continue;
                    }
                }
                if self.scripts && cx.foreign_letters > 0 {
                    let mut runs = Vec::new();
                    self.script_runs(&cx, unit, &mut runs);
                    for (span, script) in runs {
                        let name = format!("{} script", script.name());
                        out.push(rule.diagnostic_with(
                            span.clone(),
                            &cx.prose[span],
                            None,
                            &[("language", &name), ("expected", &cx.expected)],
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Format;
    use crate::rules::{load_source, RuleSource};
    use std::sync::Arc;

    /// The built-in rule's function words, read from the pack.
    fn function_words() -> HashMap<String, HashSet<String>> {
        let pack: toml::Value =
            toml::from_str(include_str!("../../rules/language/language.toml")).expect("TOML");
        let table = pack["rule"][0]["function_words"]
            .as_table()
            .expect("a table");
        table
            .iter()
            .map(|(code, words)| {
                let words = words
                    .as_array()
                    .expect("an array")
                    .iter()
                    .filter_map(|w| w.as_str().map(str::to_string))
                    .collect();
                (code.clone(), words)
            })
            .collect()
    }

    fn check() -> UntranslatedCheck {
        UntranslatedCheck::new(
            true,
            false,
            Skip {
                quotes: true,
                brackets: true,
                emphasis: true,
            },
            Thresholds {
                min_words: 6,
                min_letters: 30,
                min_confidence: 0.5,
                min_script_letters: 2,
            },
            function_words(),
        )
    }

    fn run(check: &UntranslatedCheck, text: &str, lang: &str) -> usize {
        let rules = load_source(Arc::new(RuleSource {
            name: "language.toml".into(),
            text: include_str!("../../rules/language/language.toml").into(),
        }))
        .expect("the language pack loads");
        let rule = rules.get("language.untranslated").expect("built-in rule");
        let doc = Document::from_text("t", text.to_string(), Format::Text, Some(lang));
        let mut out = Vec::new();
        check.check(&rule.meta, &doc, &mut out);
        out.len()
    }

    #[test]
    fn clean_text_never_reaches_the_detector() {
        let check = check();
        for (lang, text) in [
            ("en", "The government said on Tuesday that the talks would resume next week. Shares in the company fell by almost a third after the announcement. Police said three people had been arrested in connection with the attack."),
            ("de", "Die Regierung teilte am Dienstag mit, dass die Gespräche in der nächsten Woche fortgesetzt werden. Die Polizei nahm drei Verdächtige fest."),
            ("fr", "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine. La police a interpellé trois suspects."),
            ("ru", "Правительство во вторник заявило, что переговоры возобновятся на следующей неделе. Полиция задержала трех подозреваемых."),
        ] {
            assert_eq!(run(&check, text, lang), 0, "{text}");
        }
        assert_eq!(check.detections.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn only_the_suspicious_sentence_is_detected() {
        let check = check();
        let text = "The government said on Tuesday that the talks would resume next week. Die Bundesregierung hat am Dienstag den Entwurf gebilligt und ihn vorgelegt. Police said three people had been arrested in connection with the attack.";
        assert_eq!(run(&check, text, "en"), 1);
        // One detection among the suspects, one against English alone.
        assert_eq!(check.detections.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn a_sentence_of_ours_with_a_foreign_name_is_checked_half_by_half() {
        let check = check();
        // A fragment left by the sentence splitter after "am 28. Mai".
        let text = "Die Umsätze stiegen im ersten Quartal nur um 1,8 Prozent. Mai, veröffentlichten Daten der Fédération de l'e-commerce et de la vente à distance.";
        assert_eq!(run(&check, text, "de"), 0);
        // The whole sentence reads as French (two detections); its first half as German.
        assert_eq!(check.detections.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn evidence_counts_distinct_function_words() {
        let evidence = Evidence {
            masks: vec![(false, 0b10), (false, 0b10), (true, 0b11), (true, 0b00)],
        };
        // Language 1 has two words of its own; ours has one it lacks.
        assert_eq!(evidence.distinct(1), (2, 1));
        assert_eq!(evidence.suspects(), 0b10);
        let evidence = Evidence {
            masks: vec![(false, 0b10), (true, 0b00), (true, 0b00)],
        };
        assert_eq!(evidence.suspects(), 0);
    }

    #[test]
    fn plain_words_and_addresses() {
        assert!(is_plain_word("talks"));
        assert!(is_plain_word("переговоры"));
        assert!(is_plain_word("東京"));
        assert!(!is_plain_word("Kyiv"));
        assert!(!is_plain_word("NATO"));
        assert!(!is_plain_word("2024"));
        let text = "see стопкоронавирус.рф now";
        let run = text.find("стоп").unwrap()..text.find(" now").unwrap();
        assert!(is_address_part(text, &run));
        let word = text.find("стоп").unwrap()..text.find(".рф").unwrap();
        assert!(is_address_part(text, &word));
        let text = "the paper Коммерсантъ said";
        let word = text.find("Ком").unwrap()..text.find(" said").unwrap();
        assert!(!is_address_part(text, &word));
    }
}
