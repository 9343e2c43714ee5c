//! The end-to-end harness (codegen/tests/e2e.rs): bounded processes, tool discovery, Pulumi
//! workspaces on a local file backend, and projects built from tests/e2e/programs/.

#![allow(dead_code)]

pub mod cloudgen;
pub mod project;
pub mod pulumi;
pub mod run;
pub mod tools;

use std::path::{Path, PathBuf};

pub use crate::common::repo_root;

/// A temp dir for one test, deleted on drop unless CLOUDGEN_KEEP_TEMP=1 (then printed).
pub struct Scratch {
    /// Held only so the directory is deleted on drop; `None` when kept.
    _guard: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        let dir = tempfile::Builder::new().prefix(&format!("cloudgen-e2e-{label}-")).tempdir().expect("create temp dir");
        let path = dir.path().to_path_buf();
        if std::env::var("CLOUDGEN_KEEP_TEMP").is_ok_and(|v| v == "1") {
            eprintln!("[{label}] keeping temp dir {}", path.display());
            let _ = dir.keep();
            return Scratch { _guard: None, path };
        }
        Scratch { _guard: Some(dir), path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
