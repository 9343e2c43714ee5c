//! Putting a `FileSet` on disk, and comparing one with the disk (`check`).
//!
//! Each generated root (`<out>/<target>/<package>`) is replaced as a whole: the new tree is
//! written to a temporary directory beside it, then swapped in with renames, so a crash
//! leaves either the old tree or the new one. Nothing outside the roots is touched, and a
//! root whose contents are already current is left alone (mtimes stay).

use crate::fileset::FileSet;
use similar::TextDiff;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Files of `files` under `root/` with the prefix stripped.
fn files_under<'a>(files: &'a FileSet, root: &str) -> BTreeMap<&'a str, &'a [u8]> {
    let prefix = format!("{root}/");
    files.iter().filter_map(|(p, c)| p.strip_prefix(&prefix).map(|rel| (rel, c.as_slice()))).collect()
}

/// Every regular file under `dir`, relative, `/`-separated. Symlinks are listed, never
/// followed, so pruning cannot reach outside the root.
fn existing_files(dir: &Path) -> io::Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                out.insert(rel, path);
            }
        }
    }
    Ok(out)
}

/// Writes every root of `files` under `out`, pruning stale files inside those roots only.
pub fn write(out: &Path, files: &FileSet, roots: &[String]) -> io::Result<WriteStats> {
    let mut stats = WriteStats::default();
    std::fs::create_dir_all(out)?;
    for root in roots {
        let dest = out.join(root);
        let wanted = files_under(files, root);
        let existing = existing_files(&dest)?;
        let mut changed = false;
        for (rel, contents) in &wanted {
            match existing.get(*rel) {
                Some(p) if std::fs::read(p).map(|b| b == *contents).unwrap_or(false) => stats.unchanged += 1,
                _ => {
                    stats.written += 1;
                    changed = true;
                }
            }
        }
        let stale = existing.keys().filter(|k| !wanted.contains_key(k.as_str())).count();
        stats.removed += stale;
        if !changed && stale == 0 && dest.is_dir() {
            continue;
        }
        let parent = dest.parent().unwrap_or(out);
        std::fs::create_dir_all(parent)?;
        let staging = tempfile::Builder::new().prefix(".cloudgen-new-").tempdir_in(parent)?;
        for (rel, contents) in &wanted {
            let p = staging.path().join(rel);
            if let Some(d) = p.parent() {
                std::fs::create_dir_all(d)?;
            }
            std::fs::write(&p, contents)?;
        }
        let staged = staging.keep();
        if dest.exists() {
            let old = tempfile::Builder::new().prefix(".cloudgen-old-").tempdir_in(parent)?.keep();
            // rename needs a free target name: the tempdir exists, so move into it.
            let old_tree = old.join("tree");
            std::fs::rename(&dest, &old_tree)?;
            std::fs::rename(&staged, &dest)?;
            std::fs::remove_dir_all(&old)?;
        } else {
            std::fs::rename(&staged, &dest)?;
        }
    }
    Ok(stats)
}

/// One difference between generated output and the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    Missing(String),
    Extra(String),
    Changed(String),
}

/// Compares `files` (for `roots`) with what is under `out`; returns drifts and a unified
/// diff text covering all of them (paths relative to `out`).
pub fn check(out: &Path, files: &FileSet, roots: &[String]) -> io::Result<(Vec<Drift>, String)> {
    let mut drifts = Vec::new();
    let mut text = String::new();
    for root in roots {
        let wanted = files_under(files, root);
        let existing = existing_files(&out.join(root))?;
        for (rel, contents) in &wanted {
            let path = format!("{root}/{rel}");
            match existing.get(*rel) {
                None => {
                    text.push_str(&unified(&path, "", &String::from_utf8_lossy(contents), true, false));
                    drifts.push(Drift::Missing(path));
                }
                Some(p) => {
                    let old = std::fs::read(p)?;
                    if old != *contents {
                        text.push_str(&unified(&path, &String::from_utf8_lossy(&old), &String::from_utf8_lossy(contents), false, false));
                        drifts.push(Drift::Changed(path));
                    }
                }
            }
        }
        for (rel, p) in &existing {
            if !wanted.contains_key(rel.as_str()) {
                let path = format!("{root}/{rel}");
                let old = std::fs::read(p).unwrap_or_default();
                text.push_str(&unified(&path, &String::from_utf8_lossy(&old), "", false, true));
                drifts.push(Drift::Extra(path));
            }
        }
    }
    Ok((drifts, text))
}

fn unified(path: &str, old: &str, new: &str, missing: bool, extra: bool) -> String {
    let a = if missing { "/dev/null".to_string() } else { format!("a/{path}") };
    let b = if extra { "/dev/null".to_string() } else { format!("b/{path}") };
    let diff = TextDiff::from_lines(old, new);
    let mut s = diff.unified_diff().context_radius(3).header(&a, &b).to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(files: &[(&str, &str)]) -> FileSet {
        let mut f = FileSet::new();
        for (p, c) in files {
            f.insert(p.to_string(), c.as_bytes().to_vec()).unwrap();
        }
        f
    }

    #[test]
    fn write_prunes_only_inside_roots_and_check_sees_drift() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("typescript")).unwrap();
        std::fs::write(out.join("typescript/keep.txt"), "mine").unwrap();
        let roots = vec!["typescript/pkg".to_string()];
        let first = set(&[("typescript/pkg/a.ts", "a"), ("typescript/pkg/sub/b.ts", "b")]);
        let s = write(out, &first, &roots).unwrap();
        assert_eq!(s, WriteStats { written: 2, unchanged: 0, removed: 0 });
        let second = set(&[("typescript/pkg/a.ts", "a2")]);
        let (drifts, diff) = check(out, &second, &roots).unwrap();
        assert_eq!(drifts, vec![Drift::Changed("typescript/pkg/a.ts".into()), Drift::Extra("typescript/pkg/sub/b.ts".into())]);
        assert!(diff.contains("-a\n") && diff.contains("+a2\n"), "{diff}");
        let s = write(out, &second, &roots).unwrap();
        assert_eq!(s, WriteStats { written: 1, unchanged: 0, removed: 1 });
        assert!(!out.join("typescript/pkg/sub/b.ts").exists());
        assert_eq!(std::fs::read_to_string(out.join("typescript/keep.txt")).unwrap(), "mine");
        let (drifts, _) = check(out, &second, &roots).unwrap();
        assert!(drifts.is_empty());
        let s = write(out, &second, &roots).unwrap();
        assert_eq!(s, WriteStats { written: 0, unchanged: 1, removed: 0 });
        // No staging directories are left behind.
        let leftovers: Vec<_> = std::fs::read_dir(out.join("typescript")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }
}
