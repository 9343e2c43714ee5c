//! Putting a `FileSet` on disk, and comparing one with the disk (`check`).
//!
//! A generated root (`<out>/<target>/<package>`) that does not exist yet is written to a
//! temporary directory beside it and renamed into place, so a crash leaves nothing or the
//! whole tree. A root that exists is updated file by file: only files whose bytes differ are
//! written (to a staging directory first, then renamed over their old copy, so each file
//! is always whole and a failure before the renames changes nothing), stale files are
//! removed, and unchanged files keep their mtimes — regenerating a provider that gained one
//! resource touches that resource's files, not 100,000 others. Nothing outside the roots is
//! touched; a root holding symlinks or a file where a directory must go is replaced as a
//! whole instead, so no write can follow a link out of the output directory.

use crate::fileset::FileSet;
use rayon::prelude::*;
use similar::TextDiff;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// What is under a root today.
#[derive(Default)]
struct Existing {
    /// Every non-directory entry (regular files and symlinks), relative, `/`-separated.
    /// Symlinks are listed, never followed, so pruning cannot reach outside the root.
    files: BTreeMap<String, PathBuf>,
    /// Every directory below the root, relative.
    dirs: BTreeSet<String>,
    /// Some entry is a symlink (or another non-regular file).
    has_links: bool,
}

fn existing_files(dir: &Path) -> io::Result<Existing> {
    let mut out = Existing::default();
    if !dir.exists() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            let ft = entry.file_type()?;
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if ft.is_dir() {
                out.dirs.insert(rel);
                stack.push(path);
            } else {
                out.has_links |= !ft.is_file();
                out.files.insert(rel, path);
            }
        }
    }
    Ok(out)
}

/// Whether `path` already holds exactly `contents` (sizes first: most changes differ there).
fn same_contents(path: &Path, contents: &[u8]) -> bool {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == contents.len() as u64 => std::fs::read(path).map(|b| b == contents).unwrap_or(false),
        _ => false,
    }
}

/// Writes every root of `files` under `out`, pruning stale files inside those roots only.
pub fn write(out: &Path, files: &FileSet, roots: &[String]) -> io::Result<WriteStats> {
    let writer = Writer::new(out, roots)?;
    let prefixes: Vec<String> = roots.iter().map(|r| format!("{r}/")).collect();
    let list: Vec<(&String, &Vec<u8>)> = files.iter().filter(|(p, _)| prefixes.iter().any(|r| p.starts_with(r.as_str()))).collect();
    list.par_iter().try_for_each(|(p, c)| writer.put(p, c))?;
    writer.finish()
}

/// One root being written by a [`Writer`].
struct RootWrite {
    /// `<target>/<package>`.
    name: String,
    dest: PathBuf,
    existing: Existing,
    staging: tempfile::TempDir,
    /// Every file goes to staging and the tree is swapped in whole: the root is new, or it
    /// holds links that an in-place update could write through.
    whole: bool,
    /// Relative path → whether it was written to staging (false: already current on disk).
    seen: std::sync::Mutex<BTreeMap<String, bool>>,
    /// Staging directories already created.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

/// Writes files as they are rendered, without holding the output in memory: a file that is
/// already current on disk is dropped on arrival, a changed one goes to a staging directory
/// beside its root. Nothing under the roots changes until [`Writer::finish`]; dropping the
/// writer instead (on an error) removes the staging directories and leaves the disk as it
/// was. Same guarantees as [`write`], which it implements.
pub struct Writer {
    roots: Vec<RootWrite>,
    /// Directories this writer created to hold the roots (outermost first): removed again,
    /// if still empty, when the writer is dropped without finishing.
    created: Vec<PathBuf>,
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Staging directories go with their `TempDir`s; then our own empty parents.
        self.roots.clear();
        for d in self.created.iter().rev() {
            let _ = std::fs::remove_dir(d);
        }
    }
}

impl Writer {
    /// Prepares every root (`<target>/<package>`) under `out`.
    pub fn new(out: &Path, roots: &[String]) -> io::Result<Writer> {
        let mut list = Vec::with_capacity(roots.len());
        let mut created = Vec::new();
        for name in roots {
            let dest = out.join(name);
            let parent = dest.parent().unwrap_or(out).to_path_buf();
            let mut missing: Vec<PathBuf> = parent.ancestors().take_while(|a| !a.as_os_str().is_empty() && !a.exists()).map(Path::to_path_buf).collect();
            std::fs::create_dir_all(&parent)?;
            missing.reverse();
            created.extend(missing);
            let existing = existing_files(&dest)?;
            let whole = !dest.is_dir() || existing.has_links;
            let staging = tempfile::Builder::new().prefix(".cloudgen-new-").tempdir_in(&parent)?;
            list.push(RootWrite { name: name.clone(), dest, existing, staging, whole, seen: Default::default(), made: Default::default() });
        }
        Ok(Writer { roots: list, created })
    }

    /// Takes one file, `<target>/<package>/<rel>`. Safe to call from many threads.
    pub fn put(&self, path: &str, contents: &[u8]) -> io::Result<()> {
        let (root, rel) = self
            .roots
            .iter()
            .find_map(|r| path.strip_prefix(r.name.as_str()).and_then(|p| p.strip_prefix('/')).map(|rel| (r, rel)))
            .ok_or_else(|| io::Error::other(format!("{path} is outside every output root")))?;
        let current = !root.whole && root.existing.files.get(rel).is_some_and(|p| same_contents(p, contents));
        if !current {
            let p = root.staging.path().join(rel);
            if let Some(d) = p.parent() {
                // One mkdir per directory, not per file (Java puts thousands in one).
                if !root.made.lock().expect("writer").contains(d) {
                    std::fs::create_dir_all(d)?;
                    root.made.lock().expect("writer").insert(d.to_path_buf());
                }
            }
            std::fs::write(&p, contents)?;
        }
        if root.seen.lock().expect("writer").insert(rel.to_string(), !current).is_some() {
            return Err(io::Error::other(format!("{path} was produced twice")));
        }
        Ok(())
    }

    /// Moves everything into place and prunes stale files inside the roots.
    pub fn finish(mut self) -> io::Result<WriteStats> {
        let mut stats = WriteStats::default();
        self.created.clear();
        for r in std::mem::take(&mut self.roots) {
            let seen = r.seen.into_inner().expect("writer");
            let changed: Vec<&String> = seen.iter().filter(|(_, w)| **w).map(|(k, _)| k).collect();
            let stale: Vec<&String> = r.existing.files.keys().filter(|k| !seen.contains_key(k.as_str())).collect();
            stats.written += changed.len();
            stats.unchanged += seen.len() - changed.len();
            stats.removed += stale.len();
            if !r.whole && changed.is_empty() && stale.is_empty() {
                continue;
            }
            // A file whose ancestor is an existing file (or that is an existing directory)
            // cannot be updated in place: complete the staged tree and swap it in whole.
            let blocked = !r.whole
                && seen.keys().any(|rel| r.existing.dirs.contains(rel) || ancestors(rel).any(|a| r.existing.files.contains_key(a)));
            if r.whole || blocked {
                if blocked {
                    // No links in this root (else it would be `whole`): plain copies.
                    for (rel, _) in seen.iter().filter(|(_, w)| !**w) {
                        let to = r.staging.path().join(rel);
                        if let Some(d) = to.parent() {
                            std::fs::create_dir_all(d)?;
                        }
                        std::fs::copy(r.dest.join(rel), to)?;
                    }
                }
                swap_in(r.staging.keep(), &r.dest)?;
                continue;
            }
            for rel in &changed {
                let target = r.dest.join(rel);
                if let Some(d) = target.parent() {
                    std::fs::create_dir_all(d)?;
                }
                std::fs::rename(r.staging.path().join(rel), &target)?;
            }
            for rel in &stale {
                std::fs::remove_file(r.dest.join(rel))?;
            }
            // Directories left empty by the pruning go too (deepest first).
            let wanted_dirs: BTreeSet<&str> = seen.keys().flat_map(|rel| ancestors(rel)).collect();
            for d in r.existing.dirs.iter().rev() {
                if !wanted_dirs.contains(d.as_str()) {
                    let _ = std::fs::remove_dir(r.dest.join(d));
                }
            }
        }
        Ok(stats)
    }
}

/// Replaces `dest` (if any) by the tree at `staged` with renames.
fn swap_in(staged: PathBuf, dest: &Path) -> io::Result<()> {
    if dest.exists() || dest.is_symlink() {
        let parent = dest.parent().unwrap_or(Path::new("."));
        let old = tempfile::Builder::new().prefix(".cloudgen-old-").tempdir_in(parent)?.keep();
        // rename needs a free target name: the tempdir exists, so move into it.
        let old_tree = old.join("tree");
        std::fs::rename(dest, &old_tree)?;
        std::fs::rename(&staged, dest)?;
        std::fs::remove_dir_all(&old)
    } else {
        std::fs::rename(&staged, dest)
    }
}

/// The proper ancestors of a relative path: `a/b/c` → `a/b`, `a`.
fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    rel.char_indices().filter(|(_, c)| *c == '/').map(move |(i, _)| &rel[..i])
}

/// One difference between generated output and the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    Missing(String),
    Extra(String),
    Changed(String),
}

/// Compares files with the disk as they are rendered (`check`), keeping only the
/// differences, never the output.
pub struct Checker {
    /// Root name and what is under it today.
    roots: Vec<(String, BTreeMap<String, PathBuf>)>,
    /// Every path seen → its drift and diff text, if it differs.
    seen: std::sync::Mutex<BTreeMap<String, Option<(Drift, String)>>>,
}

impl Checker {
    pub fn new(out: &Path, roots: &[String]) -> io::Result<Checker> {
        let roots = roots.iter().map(|r| Ok((r.clone(), existing_files(&out.join(r))?.files))).collect::<io::Result<_>>()?;
        Ok(Checker { roots, seen: Default::default() })
    }

    /// Compares one file, `<target>/<package>/<rel>`. Safe to call from many threads.
    pub fn put(&self, path: &str, contents: &[u8]) -> io::Result<()> {
        let (existing, rel) = self
            .roots
            .iter()
            .find_map(|(r, e)| path.strip_prefix(r.as_str()).and_then(|p| p.strip_prefix('/')).map(|rel| (e, rel)))
            .ok_or_else(|| io::Error::other(format!("{path} is outside every output root")))?;
        let drift = match existing.get(rel) {
            None => Some((Drift::Missing(path.to_string()), unified(path, "", &String::from_utf8_lossy(contents), true, false))),
            Some(p) => {
                let old = std::fs::read(p)?;
                (old != contents).then(|| {
                    let text = unified(path, &String::from_utf8_lossy(&old), &String::from_utf8_lossy(contents), false, false);
                    (Drift::Changed(path.to_string()), text)
                })
            }
        };
        self.seen.lock().expect("checker").insert(path.to_string(), drift);
        Ok(())
    }

    /// The drifts and one unified diff covering all of them, per root: missing and changed
    /// files in path order, then extra files.
    pub fn finish(self) -> (Vec<Drift>, String) {
        let seen = self.seen.into_inner().expect("checker");
        let mut drifts = Vec::new();
        let mut text = String::new();
        for (root, existing) in &self.roots {
            let prefix = format!("{root}/");
            for (_, found) in seen.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix)) {
                if let Some((d, t)) = found {
                    drifts.push(d.clone());
                    text.push_str(t);
                }
            }
            for (rel, p) in existing {
                let path = format!("{prefix}{rel}");
                if !seen.contains_key(&path) {
                    let old = std::fs::read(p).unwrap_or_default();
                    text.push_str(&unified(&path, &String::from_utf8_lossy(&old), "", false, true));
                    drifts.push(Drift::Extra(path));
                }
            }
        }
        (drifts, text)
    }
}

/// Compares `files` (for `roots`) with what is under `out`; returns drifts and a unified
/// diff text covering all of them (paths relative to `out`).
pub fn check(out: &Path, files: &FileSet, roots: &[String]) -> io::Result<(Vec<Drift>, String)> {
    let checker = Checker::new(out, roots)?;
    for (p, c) in files.iter() {
        if roots.iter().any(|r| p.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with('/'))) {
            checker.put(p, c)?;
        }
    }
    Ok(checker.finish())
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
        // The pruned file's directory went with it.
        assert!(!out.join("typescript/pkg/sub").exists());
    }

    #[cfg(unix)]
    fn inode(p: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).unwrap().ino()
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_root_is_updated_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let roots = vec!["go/pkg".to_string()];
        write(out, &set(&[("go/pkg/a.go", "a"), ("go/pkg/x/b.go", "b"), ("go/pkg/x/c.go", "c")]), &roots).unwrap();
        let (a, b) = (inode(&out.join("go/pkg/a.go")), inode(&out.join("go/pkg/x/b.go")));
        let s = write(out, &set(&[("go/pkg/a.go", "a"), ("go/pkg/x/b.go", "B"), ("go/pkg/y/d.go", "d")]), &roots).unwrap();
        assert_eq!(s, WriteStats { written: 2, unchanged: 1, removed: 1 });
        // The unchanged file was not rewritten; the changed one was replaced whole.
        assert_eq!(inode(&out.join("go/pkg/a.go")), a);
        assert_ne!(inode(&out.join("go/pkg/x/b.go")), b);
        assert_eq!(std::fs::read_to_string(out.join("go/pkg/x/b.go")).unwrap(), "B");
        assert_eq!(std::fs::read_to_string(out.join("go/pkg/y/d.go")).unwrap(), "d");
        assert!(!out.join("go/pkg/x/c.go").exists());
        let leftovers: Vec<_> = std::fs::read_dir(out.join("go")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("pkg")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_inside_a_root_is_replaced_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let out = dir.path();
        let roots = vec!["java/pkg".to_string()];
        write(out, &set(&[("java/pkg/a.java", "a")]), &roots).unwrap();
        // Someone made `sub` a link to a directory outside the output.
        std::os::unix::fs::symlink(outside.path(), out.join("java/pkg/sub")).unwrap();
        let s = write(out, &set(&[("java/pkg/a.java", "a"), ("java/pkg/sub/b.java", "b")]), &roots).unwrap();
        // A root holding a link is rewritten whole: every file counts as written.
        assert_eq!((s.written, s.unchanged, s.removed), (2, 0, 1));
        assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none(), "wrote through the link");
        assert!(!out.join("java/pkg/sub").is_symlink());
        assert_eq!(std::fs::read_to_string(out.join("java/pkg/sub/b.java")).unwrap(), "b");
    }
}
