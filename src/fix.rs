//! Applying fixes to a text.

use crate::diagnostic::Fix;

/// Applies `fixes` to `text`, left to right; a fix overlapping an earlier one is skipped.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    apply_counted(text, &fixes).0
}

/// Like [`apply`], also telling which of `fixes` (by index) were applied.
pub fn apply_counted(text: &str, fixes: &[&Fix]) -> (String, Vec<bool>) {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| (fixes[i].span.start, fixes[i].span.end));
    let mut applied = vec![false; fixes.len()];
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for i in order {
        let fix = fixes[i];
        let valid = fix.span.start >= cursor
            && fix.span.end <= text.len()
            && text.is_char_boundary(fix.span.start)
            && text.is_char_boundary(fix.span.end);
        if !valid {
            continue;
        }
        out.push_str(&text[cursor..fix.span.start]);
        out.push_str(&fix.replacement);
        cursor = fix.span.end;
        applied[i] = true;
    }
    out.push_str(&text[cursor..]);
    (out, applied)
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, then a rename, so
/// an interrupted write never leaves a half-written file. An existing file's permissions are kept;
/// a new file gets the usual permissions of new files.
pub fn write_atomically(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    write_atomically_with(path, |file| file.write_all(contents.as_bytes()))
}

/// [`write_atomically`] with the writing done by `write`; if it fails, the temporary file is
/// removed and `path` is untouched.
fn write_atomically_with(
    path: &std::path::Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
    write(temporary.as_file_mut())?;
    temporary.as_file().sync_all()?;
    match permissions {
        Some(permissions) => temporary.as_file().set_permissions(permissions)?,
        None => set_new_file_permissions(temporary.as_file())?,
    }
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Gives a temporary file (created owner-only) the permissions of a newly created file.
#[cfg(unix)]
fn set_new_file_permissions(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_permissions(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_write_leaves_the_original_intact() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "original text\n").unwrap();
        let failed = write_atomically_with(&path, |file| {
            file.write_all(b"half of the new te")?;
            Err(std::io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "original text\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
        write_atomically(&path, "new text\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new text\n");
        // A file that did not exist is created.
        let fresh = dir.path().join("b.json");
        write_atomically(&fresh, "{}").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "{}");
    }

    fn fix(span: std::ops::Range<usize>, r: &str) -> Fix {
        Fix {
            span,
            replacement: r.into(),
            safe: true,
        }
    }

    #[test]
    fn counts_what_was_applied() {
        let text = "Kiev and Kharkov";
        let fixes = [fix(0..4, "Kyiv"), fix(2..6, "x"), fix(9..16, "Kharkiv")];
        let refs: Vec<&Fix> = fixes.iter().collect();
        let (out, applied) = apply_counted(text, &refs);
        assert_eq!(out, "Kyiv and Kharkiv");
        assert_eq!(applied, [true, false, true]);
    }

    #[test]
    fn atomic_write_replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "Kiev and Kharkov";
        let fixes = [fix(9..16, "Kharkiv"), fix(0..4, "Kyiv"), fix(2..6, "x")];
        assert_eq!(apply(text, &fixes), "Kyiv and Kharkiv");
    }
}
