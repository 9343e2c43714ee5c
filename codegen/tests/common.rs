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

/// Where the setup scripts install tools: `$CLOUDGEN_TOOLS_DIR`, else
/// `~/.cache/cloudgen-tools` (outside the clone).
pub fn tools_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CLOUDGEN_TOOLS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/nonexistent"));
    home.join(".cache/cloudgen-tools")
}

/// The pinned `node_modules` (scripts/setup-tools.sh: `$CLOUDGEN_NODE_MODULES`, else the
/// tools cache's `node/node_modules`) when every path in `needed` is in it and `node` runs;
/// otherwise says why (see [`skip`]) and returns `None`.
pub fn node_modules(needed: &[&str]) -> Option<PathBuf> {
    let nm = std::env::var_os("CLOUDGEN_NODE_MODULES")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tools_dir().join("node/node_modules"));
    for n in needed {
        if !nm.join(n).is_file() {
            skip(&format!("the Node.js tools are not installed: {} is missing (run scripts/setup-tools.sh)", nm.join(n).display()));
            return None;
        }
    }
    if !std::process::Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        skip("`node` is not on PATH");
        return None;
    }
    Some(nm)
}

/// A temp dir for one test (`cloudgen-<label>-…`), deleted on drop unless
/// CLOUDGEN_KEEP_TEMP=1, which keeps and prints it so a failure can be reproduced by hand.
pub struct Scratch {
    /// Held only so the directory is deleted on drop; `None` when kept.
    _guard: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> Scratch {
        let dir = tempfile::Builder::new().prefix(&format!("cloudgen-{label}-")).tempdir().expect("create temp dir");
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
    skip(&format!("the shared corpus is not at {}", dir.display()));
    None
}

/// Says why a test cannot do its work, in one way for every test binary.
///
/// Outside strict mode it prints `skipped: WHY` straight to the process's stderr (libtest
/// captures `eprintln!` of passing tests, and a skip nobody sees looks exactly like a pass)
/// and returns, so the caller returns early and the test counts as passed. In strict mode
/// (`CI=true` / `CLOUDGEN_REQUIRE_TOOLS=1`) it panics with `missing: WHY`. Either way the
/// test and its reason are appended to `$CLOUDGEN_SKIP_LOG` when set: scripts/test.sh ends
/// the run with that list, so a green run cannot hide tests that did nothing.
pub fn skip(why: &str) {
    use std::io::Write as _;
    let strict = required();
    let word = if strict { "missing" } else { "skipped" };
    log_skip(word, why);
    if strict {
        panic!("missing: {why}\n(CI=true or CLOUDGEN_REQUIRE_TOOLS=1: everything a test needs must be there; scripts/test.sh installs it)");
    }
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// Records a check that cannot be made on this machine at all — what it needs is not served
/// by the registries the machine reaches — as distinct from a tool setup did not install.
/// Never a failure (no setup can fix it), but never silent either: printed, and listed by
/// scripts/test.sh at the end of every run as `unavailable`.
pub fn unavailable(why: &str) {
    use std::io::Write as _;
    log_skip("unavailable", why);
    let _ = writeln!(std::io::stderr(), "unavailable: {why}");
}

/// Appends `word <tab> binary::test <tab> why` to `$CLOUDGEN_SKIP_LOG`, if set.
fn log_skip(word: &str, why: &str) {
    use std::io::Write as _;
    let Some(log) = std::env::var_os("CLOUDGEN_SKIP_LOG").filter(|v| !v.is_empty()) else {
        return;
    };
    // The binary's name without cargo's hash suffix, then libtest's thread name (the test).
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .map(|s| s.rsplit_once('-').map_or(s.clone(), |(b, _)| b.to_string()))
        .unwrap_or_default();
    let test = std::thread::current().name().unwrap_or("?").to_string();
    let line = format!("{word}\t{binary}::{test}\t{}\n", why.replace(['\n', '\t'], " "));
    // One short O_APPEND write per line: test binaries running at once do not interleave.
    if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
        let _ = f.write_all(line.as_bytes());
    }
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

// ---------------------------------------------------------------------------------------
// Target tests: building small IR packages, rendering one target, reviewing the result.
// ---------------------------------------------------------------------------------------

use cloudgen::backends::{ArtifactContent, Target};
use cloudgen::diag::SourceRef;
use cloudgen::ir::{ObjectType, Package, PackageBuilder, Property, Token, TypeDef, TypeRef, Usage};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A source reference into the (imaginary) fixture file of a hand-built package.
pub fn src(p: &str) -> SourceRef {
    SourceRef::new("fixture.json", p)
}

/// A named object type of a hand-built package (no alias, usage left to `finish`).
pub fn object(token: Token, docs: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef::Object(ObjectType {
        token,
        module: String::new(),
        docs: docs.map(str::to_string),
        properties: properties.into(),
        usage: Usage::default(),
        alias_of: None,
        language: Default::default(),
        extra: Default::default(),
        source: src("/types"),
    })
}

/// An optional property with every flag off.
pub fn prop(wire: &str, ty: TypeRef) -> Property {
    Property::new(wire, ty, src(&format!("/p/{wire}")))
}

/// The same property, required.
pub fn req(mut p: Property) -> Property {
    p.required = true;
    p
}

pub fn tok(pkg: &str, module: &str, name: &str) -> Token {
    Token::new(pkg, module, name)
}

/// Finishes a hand-built package; a fixture that does not finish is a test bug.
pub fn finish(b: PackageBuilder) -> Package {
    match b.finish() {
        Ok(f) => f.package,
        Err(d) => panic!("fixture does not finish:\n{d:?}"),
    }
}

/// Plans and renders `pkg` for one target with the embedded templates (parsed once per
/// test binary): relative path → contents.
pub fn render(target: &dyn Target, pkg: &Package) -> BTreeMap<String, String> {
    static TERA: OnceLock<tera::Tera> = OnceLock::new();
    let tera = TERA.get_or_init(|| cloudgen::templates::load(None).expect("templates load"));
    let mut out = BTreeMap::new();
    for a in target.plan(pkg).expect("plan") {
        let text = match a.content {
            ArtifactContent::Template { template, model } => {
                let ctx = tera::Context::from_value(model).expect("model is an object");
                tera.render(template, &ctx).unwrap_or_else(|e| panic!("{template}: {}", cloudgen::templates::error_chain(&e)))
            }
            ArtifactContent::Bytes(b) => String::from_utf8(b).expect("utf-8"),
        };
        assert!(out.insert(a.path.clone(), text).is_none(), "duplicate path {}", a.path);
    }
    out
}

/// All files of a rendered package as one reviewable text (what the snapshots hold).
pub fn bundle(files: &BTreeMap<String, String>) -> String {
    let mut s = String::new();
    for (path, text) in files {
        s.push_str(&format!("=== {path} ===\n{text}"));
        if !text.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Invariants of every generated tree: safe relative paths, no host paths, and the
/// generated-code header on every file for which `header` names one.
pub fn check_invariants(files: &BTreeMap<String, String>, header: impl Fn(&str) -> Option<&'static str>) {
    for (path, text) in files {
        assert!(cloudgen::fileset::is_safe_relative_path(path), "unsafe path {path}");
        if let Some(h) = header(path) {
            assert!(text.starts_with(h), "{path} lacks the header");
        }
        assert!(!text.contains("/work/") && !text.contains("/tmp/"), "{path} leaks a host path");
    }
}

// ---------------------------------------------------------------------------------------
// Real Terraform providers (scripts/setup-terraform-providers.sh)
// ---------------------------------------------------------------------------------------

/// The providers the shim tests drive, built by scripts/setup-terraform-providers.sh.
pub const TF_PROVIDERS: &[&str] = &["random", "tls", "local", "time"];

/// The binary of Terraform provider `name` from `CLOUDGEN_TF_PROVIDERS_DIR` (exported by
/// scripts/test.sh; else `${CLOUDGEN_TOOLS_DIR:-~/.cache/cloudgen-tools}/tf-providers`), or
/// `None` after printing why (panics in CI).
pub fn tf_provider(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("CLOUDGEN_TF_PROVIDERS_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let tools = std::env::var_os("CLOUDGEN_TOOLS_DIR").filter(|d| !d.is_empty()).map(PathBuf::from).unwrap_or_else(|| {
                std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default().join(".cache/cloudgen-tools")
            });
            tools.join("tf-providers/bin")
        });
    let bin = dir.join(format!("terraform-provider-{name}"));
    if bin.is_file() {
        return Some(bin);
    }
    skip(&format!(
        "terraform-provider-{name} is not at {} (run scripts/setup-terraform-providers.sh, or scripts/test.sh which does)",
        bin.display()
    ));
    None
}

// ---------------------------------------------------------------------------------------
// Generated READMEs: their first programs are compiled by each language's toolchain test.
// ---------------------------------------------------------------------------------------

/// The packages in `generated/<lang>/` (the example schemas' committed output).
pub fn generated_packages(lang: &str) -> Vec<(String, PathBuf)> {
    let dir = repo_root().join("generated").join(lang);
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    out.sort();
    out
}

/// Every file under `dir`, relative path → text.
pub fn read_tree(dir: &Path) -> std::collections::BTreeMap<String, String> {
    files_with(dir, &[""])
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(dir).expect("under dir").to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (rel, text)
        })
        .collect()
}

/// The program under a README's "## A first program" heading: the first block fenced
/// with `fence`. Panics when the README has none (every example schema has one).
pub fn readme_program(readme: &str, fence: &str) -> String {
    let section = readme
        .split_once("## A first program")
        .unwrap_or_else(|| panic!("the README has no first program:\n{readme}"))
        .1;
    let open = format!("```{fence}\n");
    let start = section.find(&open).unwrap_or_else(|| panic!("no ```{fence} block in:\n{section}")) + open.len();
    let end = section[start..].find("\n```").expect("the block is closed");
    format!("{}\n", &section[start..start + end])
}
