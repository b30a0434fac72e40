//! The rule packs under `rules/`, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
