//! `translint rules list`, `translint rules test` and `translint explain`.

use super::{ColorArg, ListFormat, RuleArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use translint::report::human;
use translint::rules::{selftest, Rule};

fn languages(rule: &Rule) -> String {
    if rule.meta.languages.is_empty() {
        "*".into()
    } else {
        rule.meta.languages.join(",")
    }
}

pub fn list(args: &RuleArgs, format: ListFormat) -> ExitCode {
    let set = match args.load(ColorArg::Auto) {
        Ok(s) => s,
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
            for r in set.rules() {
                let m = &r.meta;
                println!(
                    "{:width$}  {:12}  {:7}  {:11}  {}",
                    m.id,
                    m.kind.as_str(),
                    m.severity.as_str(),
                    m.category.as_str(),
                    languages(r)
                );
            }
            println!("{} rules", set.rules().len());
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
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({ "rules": rules })).unwrap_or_default()
            );
        }
    }
    ExitCode::from(EXIT_CLEAN)
}

pub fn test(paths: &[PathBuf], color: ColorArg) -> ExitCode {
    let args = RuleArgs {
        rules: paths.to_vec(),
        no_default_rules: !paths.is_empty(),
    };
    let set = match args.load(color) {
        Ok(s) => s,
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
        Ok(s) => s,
        Err(code) => return code,
    };
    let Some(rule) = set.get(id) else {
        eprintln!("translint: error: no rule '{id}' (see `translint rules list`)");
        return ExitCode::from(EXIT_ERROR);
    };
    let m = &rule.meta;
    println!("{}", m.id);
    println!("  kind:      {}", m.kind);
    println!("  severity:  {}", m.severity);
    println!("  category:  {} (MQM: {})", m.category, m.category.mqm());
    println!("  languages: {}", languages(rule));
    println!("  defined:   {}", m.source.name);
    println!();
    if let Some(description) = &m.description {
        println!("{}\n", description.trim());
    }
    println!("Message: {}", m.message);
    if !m.examples.is_empty() {
        println!("\nExamples:");
        for e in &m.examples {
            if let Some(bad) = &e.bad {
                println!("  bad:   {bad}");
            }
            if let Some(fixed) = &e.fixed {
                println!("  fixed: {fixed}");
            }
            if let Some(good) = &e.good {
                println!("  good:  {good}");
            }
        }
    }
    ExitCode::from(EXIT_CLEAN)
}
