//! Helpers shared by the integration tests: repo paths, the shared corpus, and the
//! skip-or-fail rule for things a test needs but the machine may lack.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (the workspace).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ has a parent")
        .to_path_buf()
}

/// True when CI (or the developer) demands that nothing be skipped.
pub fn required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
        || std::env::var("CLOUDGEN_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

/// `../shared/corpus` beside the repository, or `None` after printing why (panics in CI).
pub fn corpus() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    let msg = format!("skipped: the shared corpus is not at {}", dir.display());
    if required() {
        panic!("{msg} (required in CI)");
    }
    eprintln!("{msg}");
    None
}

/// Every file under `dir` (recursively) whose name ends with one of `exts`, sorted.
pub fn files_with(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if exts.iter().any(|x| p.to_string_lossy().ends_with(x)) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
