//! Locating and driving the real toolchains (tsc, mypy, go, javac) from an integration test:
//! the same lookup, skip-or-fail rule and command reporting as `toolchains.rs`,
//! `go_target.rs` and `java_target.rs`, as one module a test includes
//! (beside `mod common;`, which it uses) through
//! `#[path = "toolchains/support.rs"] mod toolchains;`.
//!
//! Every locator returns `None` after [`common::skip`] said why (it panics instead under
//! CI=true / CLOUDGEN_REQUIRE_TOOLS=1), so a test reads `let Some(x) = ... else { return };`.
//! Tools come from scripts/setup-tools.sh (TypeScript, Python: the exact directories in
//! CLOUDGEN_NODE_MODULES / CLOUDGEN_PYTHON_VENV, else ${CLOUDGEN_TOOLS_DIR:-~/.cache/cloudgen-tools}),
//! PATH (`go`, `gofmt`, `java`, `javac`, `mvn`) and tests/toolchains/ (mypy.ini, the Java
//! pom whose classpath is resolved once, BatchJavac.java).

#![allow(dead_code)]

use crate::common;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Instant;

/// Says why a test cannot run, pointing at the script that installs what is missing.
pub fn skip(why: &str) {
    common::skip(&format!("{why} (run scripts/setup-tools.sh, or scripts/test.sh which does)"));
}

pub fn tools_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CLOUDGEN_TOOLS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/nonexistent"));
    home.join(".cache/cloudgen-tools")
}

/// tests/toolchains/<lang>/ in the repository.
pub fn config_dir(lang: &str) -> PathBuf {
    common::repo_root().join("tests/toolchains").join(lang)
}

// ---------------------------------------------------------------------------------------
// Scratch directories and commands
// ---------------------------------------------------------------------------------------

/// A temp dir, kept (and printed) when CLOUDGEN_KEEP_TEMP=1 so a failure can be reproduced
/// by hand in the same tree.
pub struct Scratch {
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

// ---------------------------------------------------------------------------------------
// TypeScript
// ---------------------------------------------------------------------------------------

/// Every strict-family flag, spelled out: `--strict` only changes the defaults, so a
/// generated tsconfig that set e.g. `"noImplicitAny": false` would otherwise win.
pub const TSC_STRICT: &[&str] = &[
    "--strict",
    "--noImplicitAny",
    "--strictNullChecks",
    "--strictFunctionTypes",
    "--strictBindCallApply",
    "--strictPropertyInitialization",
    "--strictBuiltinIteratorReturn",
    "--noImplicitThis",
    "--useUnknownInCatchVariables",
    "--alwaysStrict",
];

/// The pinned `node_modules` (typescript, @pulumi/pulumi, @types/node), if installed and
/// `node` runs.
pub fn node_modules() -> Option<PathBuf> {
    let nm = std::env::var_os("CLOUDGEN_NODE_MODULES")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tools_dir().join("node/node_modules"));
    for needed in ["typescript/bin/tsc", "@pulumi/pulumi/package.json", "@types/node/package.json"] {
        if !nm.join(needed).is_file() {
            skip(&format!("the TypeScript toolchain is not installed: {} is missing", nm.join(needed).display()));
            return None;
        }
    }
    match Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => Some(nm),
        _ => {
            skip("`node` is not on PATH");
            None
        }
    }
}

/// `node <nm>/typescript/bin/tsc` in `dir`.
pub fn tsc(nm: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(nm.join("typescript/bin/tsc")).current_dir(dir);
    cmd
}

// ---------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------

/// The pinned venv's python (pulumi, mypy, pytest), if installed.
pub fn venv_python() -> Option<PathBuf> {
    let venv = std::env::var_os("CLOUDGEN_PYTHON_VENV")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tools_dir().join("python/venv"));
    let python = venv.join("bin/python");
    if !python.is_file() {
        skip(&format!("the Python toolchain is not installed: {} is missing", python.display()));
        return None;
    }
    Some(python)
}

/// tests/toolchains/python/mypy.ini: strict, with its relaxations documented there.
pub fn mypy_ini() -> PathBuf {
    config_dir("python").join("mypy.ini")
}

/// Imports every module of every top-level package in `pkgs` (found in `dir`): mypy does
/// not run module-level code, and import cycles only break at import time.
pub const IMPORT_ALL: &str = "import importlib, pkgutil, sys\n\
    n = 0\n\
    for top in sys.argv[1:]:\n\
    \x20   m = importlib.import_module(top)\n\
    \x20   n += 1\n\
    \x20   for info in pkgutil.walk_packages(m.__path__, top + '.'):\n\
    \x20       importlib.import_module(info.name)\n\
    \x20       n += 1\n\
    print(f'imported {n} modules')\n";

// ---------------------------------------------------------------------------------------
// Go
// ---------------------------------------------------------------------------------------

/// True when `go` and `gofmt` run; otherwise skips (or panics in CI).
pub fn have_go() -> bool {
    for (tool, arg) in [("go", "version"), ("gofmt", "-l")] {
        let mut cmd = Command::new(tool);
        if tool == "gofmt" {
            // `gofmt -l` on empty stdin: prints nothing, exits 0.
            cmd.stdin(std::process::Stdio::null());
        }
        if !cmd.arg(arg).output().is_ok_and(|o| o.status.success()) {
            common::skip(&format!("`{tool}` is not on PATH (install Go 1.25+)"));
            return false;
        }
    }
    true
}

/// A `go` command in `dir` (module mode as the environment says; no inherited workspace).
pub fn go(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("go");
    cmd.args(args).current_dir(dir).env("GOWORK", "off");
    cmd
}

/// The module proxy must serve `module@version` for anything to build; skips (or fails in
/// CI) when it does not.
pub fn go_module_reachable(scratch: &Path, module: &str, version: &str) -> bool {
    let dir = scratch.join("probe");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("go.mod"), "module probe\n\ngo 1.25\n").expect("write");
    let mut cmd = go(&dir, &["mod", "download", &format!("{module}@{version}")]);
    cmd.env("GOFLAGS", "-mod=mod");
    let o = cmd.output().unwrap_or_else(|e| panic!("cannot run go: {e}"));
    if !o.status.success() {
        common::skip(&format!("the Go module proxy cannot serve {module}@{version}:\n{}", show(&o)));
        return false;
    }
    true
}

// ---------------------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------------------

fn tool_ok(cmd: &str, arg: &str) -> bool {
    Command::new(cmd).arg(arg).output().is_ok_and(|o| o.status.success())
}

/// The classpath of tests/toolchains/java/pom.xml (the published com.pulumi:pulumi and its
/// dependencies) in a file, resolved once per pom content with `mvn
/// dependency:build-classpath` (offline first, so a warm ~/.m2 needs no network) and cached
/// beside the test binaries under the name java_target.rs uses, so the two share it.
pub fn java_classpath() -> Option<PathBuf> {
    static CP: OnceLock<Option<PathBuf>> = OnceLock::new();
    CP.get_or_init(|| {
        for (tool, arg) in [("java", "-version"), ("javac", "-version"), ("mvn", "-v")] {
            if !tool_ok(tool, arg) {
                common::skip(&format!("`{tool}` is not available (the Java toolchain needs a JDK 11+ and Maven)"));
                return None;
            }
        }
        let pom = config_dir("java").join("pom.xml");
        let content = std::fs::read(&pom).ok()?;
        let key = content.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3));
        let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("java-classpath-{key:016x}.txt"));
        if let Ok(cp) = std::fs::read_to_string(&cache) {
            if !cp.trim().is_empty() && cp.trim().split(':').all(|j| Path::new(j).is_file()) {
                return Some(cache);
            }
        }
        // A name of our own for the temp file: java_target.rs may resolve at the same time.
        let tmp = cache.with_extension(format!("{}.tmp", std::process::id()));
        for offline in [true, false] {
            let mut cmd = Command::new("mvn");
            cmd.current_dir(config_dir("java")).args(["-q", "-B"]);
            if offline {
                cmd.arg("-o");
            }
            cmd.args(["dependency:build-classpath", &format!("-Dmdep.outputFile={}", tmp.display())]);
            if cmd.output().is_ok_and(|o| o.status.success()) && std::fs::rename(&tmp, &cache).is_ok() {
                return Some(cache);
            }
        }
        common::skip("cannot resolve com.pulumi:pulumi with `mvn dependency:build-classpath` (no network and no warm ~/.m2)");
        None
    })
    .clone()
}

/// One project's result from [`batch_javac`].
pub struct Javac {
    pub source: String,
    pub ok: bool,
    pub millis: u64,
    pub diagnostics: String,
}

/// Compiles each `(source_dir, out_dir)` against the classpath in `cp`, all in one JVM
/// (tests/toolchains/java/BatchJavac.java: `javac -encoding UTF-8 -d OUT -cp CP @sources`
/// per project, without the start-up cost each time).
pub fn batch_javac(cp: &Path, projects: &[(PathBuf, PathBuf)]) -> Vec<Javac> {
    let mut cmd = Command::new("java");
    // C1 only and the serial collector: javac runs are short, and CI machines have 2 cores.
    cmd.args(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]).arg(config_dir("java").join("BatchJavac.java")).arg(cp);
    for (s, o) in projects {
        cmd.arg(s).arg(o);
    }
    let out = cmd.output().expect("run java");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut results: Vec<Javac> = Vec::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(tag @ ("OK" | "FAIL")), Some(dir), Some(ms)) if ms.chars().all(|c| c.is_ascii_digit()) => {
                results.push(Javac { source: dir.to_string(), ok: tag == "OK", millis: ms.parse().unwrap_or(0), diagnostics: String::new() });
            }
            _ => {
                if let Some(last) = results.last_mut() {
                    last.diagnostics.push_str(line);
                    last.diagnostics.push('\n');
                }
            }
        }
    }
    assert_eq!(results.len(), projects.len(), "BatchJavac did not report every project:\n{text}\n{}", String::from_utf8_lossy(&out.stderr));
    results
}
