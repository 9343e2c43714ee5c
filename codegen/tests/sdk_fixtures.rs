//! One shared SDK fixture corpus, rendered, snapshotted and compiled for every language.
//!
//! Each directory of tests/fixtures/sdk/ holds one small Pulumi package schema about one
//! feature every SDK must get right (resources, nested types, enums, functions, methods,
//! modules, provider config, keywords, docs, defaults). [`sdk_fixtures!`] lists them and
//! the languages once and makes, per fixture × language, a test `<fixture>::<language>` that renders the
//! fixture in process, checks the invariants of every generated tree (generated-code
//! header, safe and case-distinct paths, no host paths, no carriage returns, the same bytes
//! when loaded and rendered twice) and snapshots the whole package with insta
//! (`snapshots/sdk_fixtures__<fixture>__<language>.snap`).
//!
//! Then ONE compile test per language (not per fixture: CI time) generates every fixture
//! with the built binary into one temp dir and runs the real toolchain over all of them:
//! - TypeScript: one `tsc --strict --noEmit` program made of every package's tsconfig
//!   `files` (which must cover every generated `.ts` file), with their common options;
//! - Python: one `mypy` (tests/toolchains/python/mypy.ini) over every import package, then
//!   every module of every package imported;
//! - Go: `gofmt -l`, then `go build` and `go vet` over every module through one go.work;
//! - Java: one JVM compiling every project against the published com.pulumi:pulumi
//!   (tests/toolchains/java/BatchJavac.java, as java_target.rs does).
//!
//! A fixture that shows a real bug in a language is listed in [`KNOWN_FAILURES`] with the
//! tool's words and the reason; the test fails on any other error, and also when a listed
//! failure no longer happens (so the list shrinks as bugs are fixed). A missing tool prints
//! why the test skipped; with CI=true or CLOUDGEN_REQUIRE_TOOLS=1 it fails instead.
//! CLOUDGEN_KEEP_TEMP=1 keeps the generated trees.

mod common;
// `tests/toolchains/` cannot be a plain `mod` beside the `toolchains.rs` test target.
#[path = "toolchains/mod.rs"]
mod toolchains;

use cloudgen::ir::Package;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use toolchains::Scratch;

/// Lists every language and every fixture (module name: directory under
/// tests/fixtures/sdk/) once, and makes one snapshot test per fixture × language,
/// `<fixture>::<language>`. [`LANGUAGES`] and [`FIXTURES`] are the same lists for the other
/// tests. A new language is one more name in `languages` (and its compile test below).
macro_rules! sdk_fixtures {
    (languages: $langs:tt; fixtures: { $($module:ident: $dir:literal,)* }) => {
        /// Every language, by its `--lang` name.
        const LANGUAGES: &[&str] = sdk_fixtures!(@names $langs);
        /// Every fixture directory under tests/fixtures/sdk/.
        const FIXTURES: &[&str] = &[$($dir),*];
        $(
            mod $module {
                sdk_fixtures!(@tests $dir $langs);
            }
        )*
    };
    (@names [$($lang:ident),*]) => {
        &[$(stringify!($lang)),*]
    };
    (@tests $dir:literal [$($lang:ident),*]) => {
        $(
            #[test]
            fn $lang() {
                super::snapshot($dir, stringify!($lang));
            }
        )*
    };
}

sdk_fixtures! {
    languages: [typescript, python, go, java];
    fixtures: {
        resources: "resources",
        nested_types: "nested-types",
        enums: "enums",
        functions: "functions",
        methods: "methods",
        modules: "modules",
        provider_config: "provider-config",
        keywords: "keywords",
        docs: "docs",
        defaults: "defaults",
        split_packages: "split-packages",
    }
}

/// A fixture × language that the real toolchain rejects today: a generator bug, recorded
/// instead of fixed here. Every diagnostic line the tool attributes to the fixture must
/// contain all of `needles` for one entry, and every entry must still match a line.
struct KnownFailure {
    fixture: &'static str,
    lang: &'static str,
    needles: &'static [&'static str],
    why: &'static str,
}

const KNOWN_FAILURES: &[KnownFailure] = &[
    // Empty: the three the fixtures found (Java `yield` setters, Python redundant None tests on
    // defaulted provider inputs, Go doc comments with `''`) are fixed in the backends.
];

// ---------------------------------------------------------------------------------------
// The fixtures
// ---------------------------------------------------------------------------------------

fn fixtures_dir() -> PathBuf {
    common::repo_root().join("tests/fixtures/sdk")
}

fn schema(fixture: &str) -> PathBuf {
    fixtures_dir().join(fixture).join("schema.json")
}

fn schemas() -> Vec<PathBuf> {
    FIXTURES.iter().map(|f| schema(f)).collect()
}

/// The package name of each fixture (its schema's `name`: the directory every language
/// generates it into) → the fixture.
fn fixture_by_package() -> BTreeMap<String, &'static str> {
    let mut m = BTreeMap::new();
    for f in FIXTURES {
        let text = std::fs::read_to_string(schema(f)).unwrap_or_else(|e| panic!("{}: {e}", schema(f).display()));
        let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
        let name = json["name"].as_str().unwrap_or_else(|| panic!("{f}: the schema has no name")).to_string();
        assert!(m.insert(name.clone(), *f).is_none(), "two fixtures are package `{name}`");
    }
    m
}

/// Loads one fixture through the driver (errors fail the test; warnings are returned).
fn load(fixture: &str) -> (Package, Vec<String>) {
    let overrides = cloudgen::overrides::Overrides::default();
    let loaded = cloudgen::driver::load_all(&[cloudgen::driver::Input::new(schema(fixture))], None, &overrides, false)
        .unwrap_or_else(|d| panic!("fixture {fixture} does not load: {d:?}"));
    let warnings = loaded.warnings.iter().map(|d| format!("{d:?}")).collect();
    let mut packages = loaded.packages;
    assert_eq!(packages.len(), 1, "fixture {fixture}: one package expected");
    (packages.remove(0), warnings)
}

/// Renders one fixture for one language: relative path → text.
fn render(fixture: &str, lang: &str) -> BTreeMap<String, String> {
    let target = cloudgen::backends::target_by_name(lang).unwrap_or_else(|| panic!("no target {lang}"));
    common::render(target.as_ref(), &load(fixture).0)
}

/// The generated-code header each language starts its files with (None: no header).
fn header(lang: &str, path: &str) -> Option<&'static str> {
    let ext = |e: &[&str]| e.iter().any(|x| path.ends_with(x));
    match lang {
        "typescript" => ext(&[".ts"]).then_some("// Code generated by cloudgen. DO NOT EDIT."),
        "python" => ext(&[".py", ".pyi", ".toml"]).then_some("# Code generated by cloudgen. DO NOT EDIT."),
        "go" => (ext(&[".go"]) || path == "go.mod").then_some("// Code generated by cloudgen. DO NOT EDIT.\n"),
        "java" if ext(&[".java"]) => Some("// Code generated by cloudgen. DO NOT EDIT."),
        "java" if path == "pom.xml" => Some("<!-- Code generated by cloudgen. DO NOT EDIT. -->"),
        _ => None,
    }
}

/// The per fixture × language test: invariants, determinism, snapshot.
fn snapshot(fixture: &str, lang: &str) {
    let files = render(fixture, lang);
    assert!(!files.is_empty(), "{fixture}/{lang}: nothing rendered");
    common::check_invariants(&files, |p| header(lang, p));
    let mut lower = BTreeSet::new();
    for (path, text) in &files {
        // A checkout on a case-insensitive file system (macOS, Windows) would lose one.
        assert!(lower.insert(path.to_lowercase()), "{fixture}/{lang}: {path} differs from another path only by case");
        assert!(!text.contains('\r'), "{fixture}/{lang}: {path} has a carriage return");
    }
    assert!(files == render(fixture, lang), "{fixture}/{lang}: loading and rendering twice gives different output");
    insta::assert_snapshot!(format!("{fixture}__{lang}"), common::bundle(&files));
}

#[test]
fn every_fixture_and_language_is_listed() {
    let on_disk: BTreeSet<String> =
        toolchains::subdirs(&fixtures_dir()).iter().map(|d| d.file_name().expect("name").to_string_lossy().into_owned()).collect();
    let listed: BTreeSet<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    assert_eq!(on_disk, listed, "tests/fixtures/sdk/ and the sdk_fixtures! list differ");
    for f in FIXTURES {
        assert!(schema(f).is_file(), "{} is missing", schema(f).display());
    }
    // A language the CLI's `--lang all` generates must be rendered and compiled here too.
    assert_eq!(LANGUAGES, cloudgen::backends::ALL_LANGUAGES, "the sdk_fixtures! languages and backends::ALL_LANGUAGES differ");
    for k in KNOWN_FAILURES {
        assert!(FIXTURES.contains(&k.fixture) && LANGUAGES.contains(&k.lang), "KNOWN_FAILURES names {}/{}", k.fixture, k.lang);
    }
}

/// Every fixture loads, and no language has anything to say about it: no warnings today
/// (a new one is a change to review, not noise).
#[test]
fn fixtures_load_without_warnings() {
    let targets = cloudgen::backends::all_targets();
    for f in FIXTURES {
        let (pkg, mut warnings) = load(f);
        warnings.extend(cloudgen::driver::target_warnings(std::slice::from_ref(&pkg), &targets).iter().map(|d| format!("{d:?}")));
        assert!(warnings.is_empty(), "fixture {f} has warnings:\n{}", warnings.join("\n"));
    }
}

/// The CLI accepts every fixture at once for every language (`--lang all`) and writes
/// exactly what the snapshots hold.
#[test]
fn cli_generates_every_fixture_for_all_languages() {
    let scratch = Scratch::new("sdk-fixtures-all");
    let out = scratch.path().join("out");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloudgen"));
    cmd.arg("generate").args(schemas()).args(["--lang", "all", "--out"]).arg(&out).current_dir(scratch.path());
    toolchains::run("sdk-fixtures-all", cmd);
    let packages = fixture_by_package();
    for lang in LANGUAGES {
        let dirs: BTreeSet<String> =
            toolchains::subdirs(&out.join(lang)).iter().map(|d| d.file_name().expect("name").to_string_lossy().into_owned()).collect();
        assert_eq!(dirs, packages.keys().cloned().collect::<BTreeSet<_>>(), "{lang}: one package per fixture");
        for (pkg, fixture) in &packages {
            let written = common::read_tree(&out.join(lang).join(pkg));
            let rendered = render(fixture, lang);
            let differ: Vec<&String> =
                written.keys().chain(rendered.keys()).collect::<BTreeSet<_>>().into_iter().filter(|p| written.get(*p) != rendered.get(*p)).collect();
            assert!(differ.is_empty(), "{fixture}/{lang}: the CLI writes other files than the library renders: {differ:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Judging a toolchain's diagnostics against KNOWN_FAILURES
// ---------------------------------------------------------------------------------------

/// What a toolchain said, attributed to fixtures where it names a fixture's file.
#[derive(Default)]
struct Findings {
    /// (fixture, one diagnostic with its continuation lines)
    by_fixture: Vec<(&'static str, String)>,
    /// Failures no fixture can be blamed for (a tool that failed without naming a file).
    other: Vec<String>,
}

impl Findings {
    fn add(&mut self, fixture: &'static str, line: impl Into<String>) {
        self.by_fixture.push((fixture, line.into()));
    }
    /// Appends a continuation line to the last diagnostic.
    fn extend_last(&mut self, line: &str) {
        if let Some((_, d)) = self.by_fixture.last_mut() {
            d.push('\n');
            d.push_str(line);
        }
    }
}

/// Panics unless every finding is a known failure of `lang` and every known failure of
/// `lang` was found.
fn verdict(lang: &str, findings: Findings, started: Instant) {
    let known: Vec<&KnownFailure> = KNOWN_FAILURES.iter().filter(|k| k.lang == lang).collect();
    let mut seen = vec![false; known.len()];
    let mut unexpected: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (fixture, diag) in &findings.by_fixture {
        let first = diag.lines().next().unwrap_or_default();
        match known.iter().position(|k| k.fixture == *fixture && k.needles.iter().all(|n| first.contains(n))) {
            Some(i) => seen[i] = true,
            None => unexpected.entry(*fixture).or_default().push(diag.clone()),
        }
    }
    let mut msg = String::new();
    for (fixture, diags) in &unexpected {
        msg.push_str(&format!("fixture {fixture} ({lang}): {} unexpected error(s):\n", diags.len()));
        for d in diags.iter().take(40) {
            msg.push_str(&format!("  {}\n", d.replace('\n', "\n    ")));
        }
    }
    for o in &findings.other {
        msg.push_str(&format!("{lang}: {o}\n"));
    }
    for (k, s) in known.iter().zip(&seen) {
        if *s {
            eprintln!("[sdk-fixtures-{lang}] known failure, still failing: {}: {}", k.fixture, k.why);
        } else {
            msg.push_str(&format!(
                "fixture {} ({lang}) no longer fails with {:?}: remove it from KNOWN_FAILURES (it was: {})\n",
                k.fixture, k.needles, k.why
            ));
        }
    }
    eprintln!("[sdk-fixtures-{lang}] {} fixtures, wall time {:.1}s", FIXTURES.len(), started.elapsed().as_secs_f64());
    assert!(msg.is_empty(), "{msg}");
}

/// The fixture whose package directory starts `path` (relative to the language's output
/// directory, optionally with a leading `./`).
fn owner(packages: &BTreeMap<String, &'static str>, path: &str) -> Option<&'static str> {
    let path = path.trim_start_matches("./");
    let first = path.split(['/', '\\']).next()?;
    packages.get(first).copied()
}

/// Generates every fixture for `lang` into `scratch/out/<lang>/`; returns that directory.
fn generate_all(label: &str, lang: &str, scratch: &Scratch) -> PathBuf {
    let out = scratch.path().join("out");
    let dirs = toolchains::generate(label, &schemas(), lang, &out);
    assert_eq!(dirs.len(), FIXTURES.len(), "[{label}] one package per fixture: {dirs:?}");
    out.join(lang)
}

fn strip_jsonc_comments(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn files_ending(dir: &Path, ext: &str) -> Vec<PathBuf> {
    common::files_with(dir, &[ext]).into_iter().filter(|p| !p.components().any(|c| c.as_os_str() == "node_modules")).collect()
}

// ---------------------------------------------------------------------------------------
// The compile tests: one per language over every fixture
// ---------------------------------------------------------------------------------------

/// One `tsc` program over every package: the union of their tsconfig `files`, compiled
/// with the options they share plus every strict flag.
#[test]
fn typescript_fixtures_typecheck() {
    let label = "sdk-fixtures-typescript";
    let Some(nm) = toolchains::typescript::node_modules() else { return };
    let started = Instant::now();
    let scratch = Scratch::new(label);
    let root = generate_all(label, "typescript", &scratch);
    let packages = fixture_by_package();
    let mut findings = Findings::default();
    let mut files: Vec<String> = Vec::new();
    let mut options: Option<serde_json::Value> = None;
    for (pkg, fixture) in &packages {
        let dir = root.join(pkg);
        let text = std::fs::read_to_string(dir.join("tsconfig.json")).unwrap_or_else(|e| panic!("{pkg}/tsconfig.json: {e}"));
        let config: serde_json::Value = serde_json::from_str(&strip_jsonc_comments(&text)).unwrap_or_else(|e| panic!("{pkg}/tsconfig.json: {e}"));
        let listed: Vec<String> = config["files"].as_array().map(|a| a.iter().filter_map(|f| f.as_str().map(str::to_string)).collect()).unwrap_or_default();
        // The package's tsconfig decides what `npm run build` compiles: a generated file it
        // leaves out would be neither checked here nor shipped.
        for f in files_ending(&dir, ".ts") {
            let rel = f.strip_prefix(&dir).expect("under dir").to_string_lossy().replace('\\', "/");
            if !listed.contains(&rel) {
                findings.add(*fixture, format!("{pkg}/tsconfig.json does not list {rel}"));
            }
        }
        files.extend(listed.iter().map(|f| format!("{pkg}/{f}")));
        match &options {
            None => options = Some(config["compilerOptions"].clone()),
            Some(o) if *o != config["compilerOptions"] => {
                findings.add(*fixture, format!("{pkg}/tsconfig.json: compilerOptions differ from the other packages': {}", config["compilerOptions"]))
            }
            Some(_) => {}
        }
    }
    let mut options = options.expect("at least one package");
    options["noEmit"] = true.into();
    // Declaration files are @pulumi/pulumi's and @types/node's only: not ours to check.
    options["skipLibCheck"] = true.into();
    let program = serde_json::json!({ "compilerOptions": options, "files": files });
    std::fs::write(root.join("tsconfig.json"), serde_json::to_string_pretty(&program).expect("json")).expect("write tsconfig.json");
    toolchains::symlink(&nm, &root.join("node_modules"));

    let mut tsc = toolchains::typescript::tsc(&nm, &root);
    tsc.args(["-p", ".", "--pretty", "false"]).args(toolchains::typescript::TSC_STRICT);
    let out = toolchains::output(&format!("{label}: tsc --strict --noEmit ({} files)", files.len()), tsc);
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let mut attributed = false;
    for line in text.lines() {
        if line.starts_with(char::is_whitespace) {
            if attributed {
                findings.extend_last(line);
            }
            continue;
        }
        attributed = false;
        if let Some(fixture) = owner(&packages, line) {
            findings.add(fixture, line);
            attributed = true;
        }
    }
    if !out.status.success() && findings.by_fixture.is_empty() {
        findings.other.push(format!("tsc failed without naming a fixture's file:\n{}", toolchains::show(&out)));
    }
    verdict("typescript", findings, started);
}

/// One `mypy` over every import package of every fixture, then every module imported.
#[test]
fn python_fixtures_typecheck() {
    let label = "sdk-fixtures-python";
    let Some(python) = toolchains::python::venv_python() else { return };
    let started = Instant::now();
    let scratch = Scratch::new(label);
    let root = generate_all(label, "python", &scratch);
    let packages = fixture_by_package();
    let mut findings = Findings::default();
    let mut imports: Vec<String> = Vec::new();
    let mut dists: Vec<PathBuf> = Vec::new();
    for (pkg, fixture) in &packages {
        let dist = root.join(pkg);
        let tops: Vec<String> = toolchains::subdirs(&dist)
            .into_iter()
            .filter(|d| d.join("__init__.py").is_file())
            .map(|d| d.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        if tops.is_empty() {
            findings.add(*fixture, format!("{pkg}: no import package (a directory with __init__.py)"));
        }
        for t in &tops {
            // PEP 561: without the marker, users' type checkers ignore the annotations.
            if !dist.join(t).join("py.typed").is_file() {
                findings.add(*fixture, format!("{pkg}/{t}/py.typed is missing"));
            }
        }
        imports.extend(tops);
        dists.push(dist);
    }
    let search = std::env::join_paths(&dists).expect("join paths");

    let mut mypy = Command::new(&python);
    mypy.args(["-m", "mypy", "--config-file"])
        .arg(toolchains::python::mypy_ini())
        .arg("--cache-dir")
        .arg(scratch.path().join("mypy-cache"))
        .arg("--no-error-summary");
    for i in &imports {
        mypy.args(["-p", i]);
    }
    // Run from the output directory so every reported path starts with the package's dir.
    mypy.current_dir(&root).env("MYPYPATH", &search).env("PYTHONDONTWRITEBYTECODE", "1");
    let out = toolchains::output(&format!("{label}: mypy ({} packages)", imports.len()), mypy);
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    for line in text.lines() {
        match owner(&packages, line) {
            // Notes explain the error before them.
            Some(_) if line.contains(": note: ") => findings.extend_last(line),
            Some(fixture) => findings.add(fixture, line),
            None => {}
        }
    }
    if !out.status.success() && findings.by_fixture.is_empty() {
        findings.other.push(format!("mypy failed without naming a fixture's file:\n{}", toolchains::show(&out)));
    }

    let mut import = Command::new(&python);
    import.arg("-c").arg(toolchains::python::IMPORT_ALL).args(&imports).current_dir(&root).env("PYTHONPATH", &search).env("PYTHONDONTWRITEBYTECODE", "1");
    let out = toolchains::output(&format!("{label}: import every module"), import);
    if !out.status.success() {
        findings.other.push(format!("importing every module failed:\n{}", toolchains::show(&out)));
    }
    verdict("python", findings, started);
}

/// `gofmt -l`, `go build` and `go vet` over every module at once, through one go.work.
#[test]
fn go_fixtures_build() {
    let label = "sdk-fixtures-go";
    if !toolchains::go::have_go() {
        return;
    }
    let started = Instant::now();
    let scratch = Scratch::new(label);
    let root = generate_all(label, "go", &scratch);
    let packages = fixture_by_package();
    let mut findings = Findings::default();

    // The Go version and the Pulumi SDK the generated go.mod files ask for.
    let go_mod = std::fs::read_to_string(root.join(packages.keys().next().expect("a package")).join("go.mod")).expect("go.mod");
    let go_version = go_mod.lines().find_map(|l| l.strip_prefix("go ")).expect("a go line in go.mod").trim().to_string();
    let sdk = "github.com/pulumi/pulumi/sdk/v3";
    let sdk_version = go_mod
        .lines()
        .find_map(|l| l.trim().strip_prefix(sdk).map(|v| v.trim().to_string()))
        .unwrap_or_else(|| panic!("go.mod does not require {sdk}:\n{go_mod}"));
    if !toolchains::go::go_module_reachable(scratch.path(), sdk, &sdk_version) {
        return;
    }

    let mut work = format!("go {go_version}\n\nuse (\n");
    for pkg in packages.keys() {
        work.push_str(&format!("\t./{pkg}\n"));
    }
    work.push_str(")\n");
    std::fs::write(root.join("go.work"), work).expect("write go.work");

    let mut gofmt = Command::new("gofmt");
    gofmt.arg("-l").args(packages.keys()).current_dir(&root);
    let out = toolchains::output(&format!("{label}: gofmt -l"), gofmt);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        match owner(&packages, line) {
            Some(fixture) => findings.add(fixture, format!("gofmt -l lists {line}")),
            None => findings.other.push(format!("gofmt -l lists {line}")),
        }
    }
    if !out.status.success() {
        findings.other.push(format!("gofmt failed:\n{}", toolchains::show(&out)));
    }

    let patterns: Vec<String> = packages.keys().map(|p| format!("./{p}/...")).collect();
    let mut built = true;
    for step in ["build", "vet"] {
        if !built {
            break;
        }
        let mut cmd = Command::new("go");
        // Workspace mode (GOFLAGS=-mod=mod is not allowed there; go.work.sum takes the sums).
        // -trimpath: the compiled packages (the SDK's and ours) are cached without the temp
        // dir in their keys, so a run whose generated code did not change is ~5 s, not ~1 min.
        cmd.arg(step).arg("-trimpath").args(&patterns).current_dir(&root).env("GOWORK", root.join("go.work")).env("GOFLAGS", "");
        let out = toolchains::output(&format!("{label}: go {step} ({} modules)", patterns.len()), cmd);
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        let before = findings.by_fixture.len();
        for line in text.lines() {
            if line.starts_with('#') || line.starts_with("go: downloading") {
                continue;
            }
            if line.starts_with(char::is_whitespace) {
                findings.extend_last(line);
            } else if let Some(fixture) = owner(&packages, line) {
                findings.add(fixture, format!("go {step}: {line}"));
            }
        }
        if !out.status.success() {
            built = false;
            if findings.by_fixture.len() == before {
                findings.other.push(format!("go {step} failed without naming a fixture's file:\n{}", toolchains::show(&out)));
            }
        }
    }
    verdict("go", findings, started);
}

/// Every fixture's Java project compiled against the published SDK, in one JVM.
#[test]
fn java_fixtures_compile() {
    let label = "sdk-fixtures-java";
    let Some(cp) = toolchains::java::java_classpath() else { return };
    let started = Instant::now();
    let scratch = Scratch::new(label);
    let root = generate_all(label, "java", &scratch);
    let packages = fixture_by_package();
    let mut findings = Findings::default();
    let projects: Vec<(PathBuf, PathBuf)> =
        packages.keys().map(|p| (root.join(p).join("src/main/java"), scratch.path().join("classes").join(p))).collect();
    let javac_start = Instant::now();
    let results = toolchains::java::batch_javac(&cp, &projects);
    eprintln!("[{label}] javac of {} projects in {:.1}s", projects.len(), javac_start.elapsed().as_secs_f64());
    for ((pkg, fixture), r) in packages.iter().zip(&results) {
        eprintln!("[{label}] {pkg:<16} {} {:>6} ms", if r.ok { "ok  " } else { "FAIL" }, r.millis);
        if r.ok {
            continue;
        }
        let before = findings.by_fixture.len();
        for line in r.diagnostics.lines() {
            if line.contains(": error: ") {
                findings.add(*fixture, line.strip_prefix(root.to_string_lossy().as_ref()).unwrap_or(line).trim_start_matches('/'));
            } else if findings.by_fixture.len() > before && line.starts_with(char::is_whitespace) {
                findings.extend_last(line);
            }
        }
        if findings.by_fixture.len() == before {
            findings.add(*fixture, format!("javac failed: {}", r.diagnostics));
        }
    }
    verdict("java", findings, started);
}
