//! `translint rules new`: a starting rule file for a pack, with examples that pass
//! `translint rules test` as written, so the author edits a working file rather than a blank one.

use std::fmt::Write;

/// The kinds `rules new` can scaffold: the ones whose data a newsroom usually writes itself.
pub const KINDS: &[&str] = &["substitution", "pattern", "consistency"];

/// Whether `name` can be a pack name (and so a rule id prefix): lowercase ASCII letters, digits
/// and hyphens, starting with a letter.
pub fn is_pack_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The text of a new rule file for `pack`, with one rule of `kind`, for `languages` (none = every
/// language).
pub fn rule_file(pack: &str, kind: &str, languages: &[String]) -> String {
    let mut out = String::new();
    let langs = languages
        .iter()
        .map(|l| format!("\"{l}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        out,
        "# Rule pack '{pack}'. Format: docs/rules.md. Check it with `translint rules test {pack}.toml`;"
    );
    let _ = writeln!(
        out,
        "# use it with `translint --rules {pack}.toml` or `rules = [\"{pack}.toml\"]` in translint.toml."
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "[pack]");
    let _ = writeln!(out, "name = \"{pack}\"");
    let _ = writeln!(
        out,
        "description = \"What this pack checks, for readers of the file\""
    );
    let _ = writeln!(out, "languages = [{langs}]");
    let _ = writeln!(out);
    out.push_str(&rule(pack, kind));
    out
}

fn rule(pack: &str, kind: &str) -> String {
    match kind {
        "pattern" => format!(
            r#"[[rule]]
id = "{pack}.no-placeholder-dates"
kind = "pattern"
severity = "error"
category = "markup"
message = "Placeholder date '{{match}}' left in the text"
help = "write the real date"
description = """
Why the rule exists and what it deliberately does not flag. The pattern is a Rust regex; name a
group `flag` to underline only part of the match.
"""
pattern = '\bXX\.XX\.(?:XX|\d{{4}})\b'
examples = [
  {{ bad = "The summit ends on XX.XX.2026 in Geneva." }},
  {{ good = "The summit ends on 12.03.2026 in Geneva." }},
]
"#
        ),
        "consistency" => format!(
            r#"[[rule]]
id = "{pack}.one-spelling"
kind = "consistency"
severity = "info"
category = "style"
message = "'{{match}}' mixed with '{{replacement}}' in the same article; use one spelling"
description = """
Both spellings are acceptable, but an article should not mix them: the spelling used most often in
the article wins. Inflected forms of one spelling go in one entry, separated by '|'.
"""
sets = [["e-mail|e-mails", "email|emails"]]
examples = [
  {{ bad = "She sent an e-mail on Monday. The email was forwarded to the minister." }},
  {{ good = "She sent an email on Monday. The email was forwarded to the minister." }},
]
"#
        ),
        _ => format!(
            r#"[[rule]]
id = "{pack}.house-spellings"
kind = "substitution"
severity = "warning"
category = "style"
message = "Write '{{replacement}}', not '{{match}}'"
help = "write '{{replacement}}'"
description = """
Why the rule exists: the style guide or decision it follows. Matches whole words, keeps the case
of the first letter, and `translint --fix` applies it.
"""
swap = {{ "travelling salesman" = "travelling sales representative", "chairman" = "chair" }}
examples = [
  {{ bad = "The chairman opened the meeting.", fixed = "The chair opened the meeting." }},
  {{ good = "The chair opened the meeting." }},
]
"#
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{load_source, selftest, RuleSource};
    use std::sync::Arc;

    #[test]
    fn every_scaffold_loads_and_passes_its_own_examples() {
        for kind in KINDS {
            for languages in [vec![], vec!["en".to_string()]] {
                let text = rule_file("house", kind, &languages);
                let source = Arc::new(RuleSource {
                    name: format!("house-{kind}.toml"),
                    text: text.clone(),
                });
                let set = load_source(source)
                    .unwrap_or_else(|e| panic!("{kind}: {}\n{text}", e[0].message));
                assert_eq!(set.rules().len(), 1, "{kind}");
                assert!(set.rules()[0].meta.id.starts_with("house."));
                let report = selftest::run(set.rules());
                assert!(
                    report.failures.is_empty(),
                    "{kind}: {:?}",
                    report.failures.len()
                );
                assert!(report.examples >= 2, "{kind}");
            }
        }
    }

    #[test]
    fn pack_names_are_id_prefixes() {
        assert!(is_pack_name("house"));
        assert!(is_pack_name("desk-2"));
        assert!(!is_pack_name("House"));
        assert!(!is_pack_name("2desk"));
        assert!(!is_pack_name("house.style"));
        assert!(!is_pack_name(""));
    }
}
