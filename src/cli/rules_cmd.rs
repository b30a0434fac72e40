//! `translint rules list`, `rules test`, `rules new` and `translint explain`.

use super::{write_stdout, ColorArg, ListFormat, RuleArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use serde_json::json;
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use translint::report::human;
use translint::rules::{scaffold, selftest, Rule};
use translint::text::language::is_valid_code;

fn languages(rule: &Rule) -> String {
    if rule.meta.languages.is_empty() {
        "*".into()
    } else {
        rule.meta.languages.join(",")
    }
}

pub fn list(args: &RuleArgs, format: ListFormat) -> ExitCode {
    let set = match args.load(ColorArg::Auto) {
        Ok((set, _)) => set,
        Err(code) => return code,
    };
    match format {
        ListFormat::Human => {
            let width = set
                .rules()
                .iter()
                .map(|r| r.meta.id.len())
                .max()
                .unwrap_or(0);
            let mut text = String::new();
            for r in set.rules() {
                let m = &r.meta;
                let _ = writeln!(
                    text,
                    "{:width$}  {:12}  {:7}  {:11}  {}",
                    m.id,
                    m.kind.as_str(),
                    m.severity.as_str(),
                    m.category.as_str(),
                    languages(r)
                );
            }
            let _ = writeln!(text, "{} rules", set.rules().len());
            write_stdout(&text)
        }
        ListFormat::Json => {
            let rules: Vec<_> = set
                .rules()
                .iter()
                .map(|r| {
                    let m = &r.meta;
                    json!({ "id": &*m.id, "kind": m.kind.as_str(), "severity": m.severity.as_str(), "category": m.category.as_str(),
                            "languages": m.languages, "source": m.source.name, "description": m.description })
                })
                .collect();
            let text = serde_json::to_string_pretty(&json!({ "rules": rules })).unwrap_or_default();
            write_stdout(&format!("{text}\n"))
        }
    }
}

pub fn test(paths: &[PathBuf], color: ColorArg) -> ExitCode {
    // Without paths: the built-in packs and the config's; with paths: only those files.
    let args = RuleArgs {
        rules: paths.to_vec(),
        no_default_rules: !paths.is_empty(),
        isolated: !paths.is_empty(),
        ..RuleArgs::default()
    };
    let set = match args.load(color) {
        Ok((set, _)) => set,
        Err(code) => return code,
    };
    let report = selftest::run(set.rules());
    let mut out = color.stdout();
    if human::write_selftest(&mut out, set.rules(), &report).is_err() {
        return ExitCode::from(EXIT_ERROR);
    }
    ExitCode::from(if report.failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

pub fn explain(id: &str, args: &RuleArgs) -> ExitCode {
    let set = match args.load(ColorArg::Auto) {
        Ok((set, _)) => set,
        Err(code) => return code,
    };
    let Some(rule) = set.get(id) else {
        eprintln!("translint: error: no rule '{id}' (see `translint rules list`)");
        return ExitCode::from(EXIT_ERROR);
    };
    let m = &rule.meta;
    let mut text = String::new();
    let _ = writeln!(text, "{}", m.id);
    let _ = writeln!(text, "  kind:      {}", m.kind);
    let _ = writeln!(text, "  severity:  {}", m.severity);
    let _ = writeln!(
        text,
        "  category:  {} (MQM: {})",
        m.category,
        m.category.mqm()
    );
    let _ = writeln!(text, "  languages: {}", languages(rule));
    let _ = writeln!(text, "  defined:   {}", m.source.name);
    let _ = writeln!(text);
    if let Some(description) = &m.description {
        let _ = writeln!(text, "{}\n", description.trim());
    }
    let _ = writeln!(text, "Message: {}", m.message);
    if !m.examples.is_empty() {
        let _ = writeln!(text, "\nExamples:");
        for e in &m.examples {
            if let Some(bad) = &e.bad {
                let _ = writeln!(text, "  bad:   {bad}");
            }
            if let Some(fixed) = &e.fixed {
                let _ = writeln!(text, "  fixed: {fixed}");
            }
            if let Some(good) = &e.good {
                let _ = writeln!(text, "  good:  {good}");
            }
        }
    }
    write_stdout(&text)
}

/// `rules new`: writes a starting rule file, never over an existing one.
pub fn new(pack: &str, kind: &str, languages: &[String], output: Option<PathBuf>) -> ExitCode {
    if !scaffold::is_pack_name(pack) {
        eprintln!(
            "translint: error: '{pack}' cannot be a pack name: use lowercase letters, digits and hyphens, starting with a letter"
        );
        return ExitCode::from(EXIT_ERROR);
    }
    if let Some(bad) = languages.iter().find(|l| !is_valid_code(l)) {
        eprintln!("translint: error: --lang '{bad}' is not an ISO 639-1 code (two lowercase letters, e.g. en)");
        return ExitCode::from(EXIT_ERROR);
    }
    let text = scaffold::rule_file(pack, kind, languages);
    let path = output.unwrap_or_else(|| PathBuf::from(format!("{pack}.toml")));
    if path.as_os_str() == "-" {
        return write_stdout(&text);
    }
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
    match created {
        Ok(()) => {
            eprintln!(
                "Created {}. Edit it, then run `translint rules test {}`.",
                path.display(),
                path.display()
            );
            ExitCode::from(EXIT_CLEAN)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "translint: error: {} already exists; choose another name with --output",
                path.display()
            );
            ExitCode::from(EXIT_ERROR)
        }
        Err(e) => {
            eprintln!("translint: error: cannot write {}: {e}", path.display());
            ExitCode::from(EXIT_ERROR)
        }
    }
}
