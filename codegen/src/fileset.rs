//! `FileSet`: generated output as a value — a sorted map from relative path to bytes.
//!
//! Targets never touch the disk; the driver renders into a `FileSet`, then either writes it
//! (see [`crate::output`]) or compares it with what is on disk (`check`).

use std::collections::BTreeMap;

/// Relative path (always `/`-separated, never absolute, never `..`) → file contents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSet {
    files: BTreeMap<String, Vec<u8>>,
}

impl FileSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file. Returns `Err` with the path if it is unsafe (absolute, `..`, `\`, empty
    /// segments) or already present — both are generator bugs or hostile names that the
    /// IR validation should have caught, and must never reach the disk.
    pub fn insert(&mut self, path: String, contents: Vec<u8>) -> Result<(), String> {
        if !is_safe_relative_path(&path) {
            return Err(format!("unsafe output path `{path}`"));
        }
        if self.files.contains_key(&path) {
            return Err(format!("two artifacts want the same path `{path}`"));
        }
        self.files.insert(path, contents);
        Ok(())
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|v| v.as_slice())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.files.iter()
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.files.keys()
    }

    /// Merges another set in; fails on the first path present in both.
    pub fn merge(&mut self, other: FileSet) -> Result<(), String> {
        for (p, c) in other.files {
            self.insert(p, c)?;
        }
        Ok(())
    }
}

/// True for `a/b/c.ts`-style paths: relative, no `.`/`..`/empty segments, no backslashes,
/// no NUL, no drive letters.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains('\0')
        && !path.contains(':')
        && path.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escaping_paths() {
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "./a", "c:/x"] {
            assert!(!is_safe_relative_path(bad), "{bad:?} should be rejected");
        }
        for good in ["a", "a/b.ts", "pulumi_x/__init__.py", ".gitignore"] {
            assert!(is_safe_relative_path(good), "{good:?} should be accepted");
        }
    }

    #[test]
    fn duplicate_paths_fail() {
        let mut f = FileSet::new();
        f.insert("a".into(), vec![]).unwrap();
        assert!(f.insert("a".into(), vec![]).is_err());
    }
}
