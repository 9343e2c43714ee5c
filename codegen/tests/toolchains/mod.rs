//! Locating and driving the real toolchains (tsc, mypy, go, javac) from an integration test:
//! the same lookup, skip-or-fail rule and command reporting as `toolchains.rs`,
//! `go_target.rs` and `java_target.rs`, shared. A test includes it beside `mod common;`
//! (which it uses) as `#[path = "toolchains/mod.rs"] mod toolchains;` (a plain `mod` would
//! be ambiguous with the `toolchains.rs` test target). One file per language:
//! [`typescript`], [`python`], [`go`], [`java`]; what they share is here.
//!
//! Every locator returns `None` after [`common::skip`] said why (it panics instead under
//! CI=true / CLOUDGEN_REQUIRE_TOOLS=1), so a test reads `let Some(x) = ... else { return };`.
//! Tools come from scripts/setup-tools.sh (TypeScript, Python: the exact directories in
//! CLOUDGEN_NODE_MODULES / CLOUDGEN_PYTHON_VENV, else ${CLOUDGEN_TOOLS_DIR:-~/.cache/cloudgen-tools}),
//! PATH (`go`, `gofmt`, `java`, `javac`, `mvn`) and tests/toolchains/ (mypy.ini, the Java
//! pom whose classpath is resolved once, BatchJavac.java).

#![allow(dead_code)]

use crate::common;
#[allow(unused_imports)] // not every test binary uses both
pub use common::{tools_dir, Scratch};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// Says why a test cannot run, pointing at the script that installs what is missing.
pub fn skip(why: &str) {
    common::skip(&format!("{why} (run scripts/setup-tools.sh, or scripts/test.sh which does)"));
}

/// tests/toolchains/<lang>/ in the repository.
pub fn config_dir(lang: &str) -> PathBuf {
    common::repo_root().join("tests/toolchains").join(lang)
}

pub mod go;
pub mod java;
pub mod python;
pub mod typescript;

// ---------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------

/// A command line as one string (with its directory), for messages.
pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    if let Some(dir) = cmd.get_current_dir() {
        s.push_str(&format!("   (in {})", dir.display()));
    }
    s
}

/// stdout and stderr, cut to a readable length.
pub fn show(out: &Output) -> String {
    const MAX_LINES: usize = 300;
    let mut s = String::new();
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("go: downloading")).collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(s, "--- {name} ({} lines) ---", lines.len());
        for l in lines.iter().take(MAX_LINES) {
            let _ = writeln!(s, "{l}");
        }
        if lines.len() > MAX_LINES {
            let _ = writeln!(s, "... {} more lines", lines.len() - MAX_LINES);
        }
    }
    s
}

/// Runs `cmd` and returns its output whatever the exit status (printing the time taken).
pub fn output(label: &str, mut cmd: Command) -> Output {
    let what = describe(&cmd);
    let start = Instant::now();
    let out = cmd.output().unwrap_or_else(|e| panic!("[{label}] could not start `{what}`: {e}"));
    eprintln!("[{label}] exit {} in {:.1}s: {what}", out.status, start.elapsed().as_secs_f64());
    out
}

/// Runs `cmd`; panics with the command line and its output unless it exits 0.
pub fn run(label: &str, cmd: Command) -> Output {
    let what = describe(&cmd);
    let out = output(label, cmd);
    assert!(out.status.success(), "[{label}] FAILED ({}): {what}\n{}", out.status, show(&out));
    out
}

/// `cloudgen generate INPUTS --lang LANG --out OUT` with the built binary, run outside the
/// clone; returns the package directories under `OUT/LANG/`, sorted.
pub fn generate(label: &str, inputs: &[PathBuf], lang: &str, out: &Path) -> Vec<PathBuf> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloudgen"));
    cmd.arg("generate").args(inputs).args(["--lang", lang, "--out"]).arg(out);
    cmd.current_dir(out.parent().expect("out has a parent"));
    run(&format!("{label}: generate"), cmd);
    let pkgs = subdirs(&out.join(lang));
    assert!(!pkgs.is_empty(), "[{label}] `cloudgen generate --lang {lang}` produced no package under {}", out.join(lang).display());
    pkgs
}

pub fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

pub fn symlink(target: &Path, link: &Path) {
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, link).unwrap_or_else(|e| panic!("symlink {} -> {}: {e}", link.display(), target.display()));
    #[cfg(not(unix))]
    panic!("the toolchain tests symlink their tools and need a unix host ({} -> {})", link.display(), target.display());
}

