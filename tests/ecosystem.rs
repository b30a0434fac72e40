//! Completions, man pages and `rules new`: the pieces that make translint fit a user's setup.

mod common;

use common::cli::{run, temp_dir, translint, translint_in};

#[test]
fn completions_cover_subcommands_and_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = run(translint().args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        for word in ["translint", "explain", "baseline", "fail-on"] {
            assert!(r.stdout.contains(word), "{shell} completions lack '{word}'");
        }
    }
    let r = run(translint().args(["completions", "tcsh"]));
    assert_eq!(r.code, 2);
}

#[test]
fn man_pages_for_the_command_and_its_subcommands() {
    let r = run(translint().arg("man"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(".TH translint 1"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
    assert!(
        r.stdout.contains("translint\\-check(1)"),
        "the main page lists the subcommands"
    );
    let r = run(translint().args(["man", "check"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(".TH translint-check 1"));
    assert!(
        r.stdout.contains("\\-\\-write\\-baseline"),
        "check's options are on its page"
    );
    let r = run(translint().args(["man", "nope"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no subcommand 'nope'"), "{}", r.stderr);
}

#[test]
fn rules_new_writes_a_pack_that_passes_its_own_examples() {
    let dir = temp_dir("rules-new");
    for (pack, kind) in [
        ("house", "substitution"),
        ("desk", "pattern"),
        ("wire", "consistency"),
    ] {
        let r =
            run(translint_in(dir.path())
                .args(["rules", "new", pack, "--kind", kind, "--lang", "en"]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let file = format!("{pack}.toml");
        assert!(
            r.stderr.contains(&format!("Created {file}")),
            "{}",
            r.stderr
        );
        let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert!(text.contains(&format!("id = \"{pack}.")), "{text}");
        assert!(text.contains(&format!("kind = \"{kind}\"")), "{text}");
        let r = run(translint_in(dir.path()).args(["rules", "test", &file]));
        assert_eq!(r.code, 0, "{kind}: {}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("1 passed, 0 failed"), "{}", r.stdout);
    }
}

#[test]
fn rules_new_never_overwrites_and_checks_its_input() {
    let dir = temp_dir("rules-new-safe");
    std::fs::write(dir.path().join("house.toml"), "# mine\n").unwrap();
    let r = run(translint_in(dir.path()).args(["rules", "new", "house"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("house.toml already exists"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("house.toml")).unwrap(),
        "# mine\n"
    );
    let r = run(translint_in(dir.path()).args(["rules", "new", "House.Style"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot be a pack name"), "{}", r.stderr);
    let r = run(translint_in(dir.path()).args(["rules", "new", "desk", "--lang", "english"]));
    assert_eq!(r.code, 2);
    let r = run(translint_in(dir.path()).args(["rules", "new", "desk", "-o", "-"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("# Rule pack 'desk'"), "{}", r.stdout);
    assert!(
        !dir.path().join("desk.toml").exists(),
        "'-' prints instead of writing"
    );
}
