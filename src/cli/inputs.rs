//! Turning command-line paths into documents: files, folders (walked with `ignore`) and stdin.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::io::Read;
use std::path::{Path, PathBuf};
use translint::config::Config;
use translint::input::{Format, InputError};
use translint::report::FileError;

/// A source of text to lint.
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// The raw bytes of one input with its display path and format.
pub struct Loaded {
    pub path: String,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// Which walked files to skip: `--exclude` globs (relative to the current folder) and the
/// config's `include`/`exclude`.
pub struct Exclude<'a> {
    globs: GlobSet,
    config: &'a Config,
    /// Also leave out matching files named on the command line (for pre-commit, which names them).
    force: bool,
    /// The current folder, read once: absolute walked paths are matched relative to it.
    cwd: PathBuf,
}

impl<'a> Exclude<'a> {
    /// Compiles the `--exclude` globs; a folder name alone excludes everything under it.
    pub fn new(globs: &[String], config: &'a Config, force: bool) -> Result<Self, String> {
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            let pattern = glob.trim_end_matches('/');
            for variant in [pattern.to_string(), format!("{pattern}/**")] {
                let compiled = GlobBuilder::new(&variant)
                    .literal_separator(false)
                    .build()
                    .map_err(|e| format!("--exclude '{glob}' is not a valid glob: {}", e.kind()))?;
                builder.add(compiled);
            }
        }
        let globs = builder.build().map_err(|e| e.to_string())?;
        Ok(Exclude {
            globs,
            config,
            force,
            cwd: std::env::current_dir().unwrap_or_default(),
        })
    }

    /// Whether a file found by walking a folder is left out.
    fn skips(&self, path: &Path) -> bool {
        let relative = path
            .strip_prefix(".")
            .or_else(|_| path.strip_prefix(&self.cwd))
            .unwrap_or(path);
        self.globs.is_match(relative) || !self.config.walks(path)
    }
}

/// Expands paths into inputs; folders are walked (respecting .gitignore) for lintable extensions.
/// Files named on the command line are linted unless `exclude` is forced.
pub fn expand(paths: &[PathBuf], exclude: &Exclude<'_>, errors: &mut Vec<FileError>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let before = inputs.len();
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .build()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(Format::is_lintable_extension)
                        && !exclude.skips(p)
                })
                .collect();
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
            if inputs.len() == before {
                errors.push(FileError {
                    path: path.display().to_string(),
                    message: "no files to lint in this folder (looked for .txt, .md, .markdown, .html, .htm)"
                        .into(),
                });
            }
        } else if path.exists() {
            if !(exclude.force && exclude.skips(path)) {
                inputs.push(Input::File(path.clone()));
            }
        } else {
            errors.push(FileError {
                path: path.display().to_string(),
                message: "no such file or folder".into(),
            });
        }
    }
    inputs
}

/// Reads one input. `stdin_name` names stdin in output and picks its format.
pub fn read(input: &Input, stdin_name: Option<&Path>) -> Result<Loaded, FileError> {
    match input {
        Input::File(path) => {
            let bytes = std::fs::read(path).map_err(|e| FileError {
                path: path.display().to_string(),
                message: format!("cannot read: {e}"),
            })?;
            Ok(Loaded {
                path: path.display().to_string(),
                format: Format::from_path(path),
                bytes,
            })
        }
        Input::Stdin => {
            let mut bytes = Vec::new();
            let path = stdin_name.map_or_else(|| "-".to_string(), |p| p.display().to_string());
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| FileError {
                    path: path.clone(),
                    message: format!("cannot read stdin: {e}"),
                })?;
            let format = stdin_name.map_or(Format::Text, Format::from_path);
            Ok(Loaded {
                path,
                format,
                bytes,
            })
        }
    }
}

/// An input error as a file error.
pub fn input_error(path: &str, e: InputError) -> FileError {
    FileError {
        path: path.to_string(),
        message: e.to_string(),
    }
}
