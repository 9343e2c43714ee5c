//! Toolchain and runtime tests (ARCHITECTURE.md §8, layers 4 and 5): the generated SDKs are
//! type-checked by the real tools against the real, published runtime libraries, and small
//! programs run against them under the runtime's mocks.
//!
//! - TypeScript: `tsc` with every strict flag, `--noEmit`, over each generated package, plus a
//!   check that the package's tsconfig actually covers every generated `.ts` file.
//! - Python: `mypy` with tests/toolchains/python/mypy.ini (strict; relaxations documented
//!   there) over each generated package, `py.typed` present, and every submodule imports.
//! - Runtime: tests/runtime/<lang>/<pkg>/ programs compiled/run against a fresh generation.
//!
//! Inputs: the example schemas in schemas/, three real schemas from ../shared/corpus, and the
//! committed generated/ tree. Every test generates into its own temp dir with the built
//! binary, so tests run in parallel without sharing state and never touch the clone.
//!
//! Tools come from scripts/setup-tools.sh (pinned, cached outside the clone): the exact
//! directories in CLOUDGEN_NODE_MODULES / CLOUDGEN_PYTHON_VENV (exported by scripts/test.sh),
//! else the `node`/`python` links in ${CLOUDGEN_TOOLS_DIR:-~/.cache/cloudgen-tools}. A missing
//! tool or corpus prints why the test skipped; with CI=true or CLOUDGEN_REQUIRE_TOOLS=1 it
//! fails instead. Set CLOUDGEN_KEEP_TEMP=1 to keep (and print) the temp dirs for debugging.

mod common;
#[path = "toolchains/mod.rs"]
mod toolchains;

use toolchains::python::{mypy_ini, venv_python, IMPORT_ALL};
use toolchains::typescript::{node_modules, tsc, TSC_STRICT};
use toolchains::{generate, run, show, skip, subdirs, symlink, tools_dir, Scratch};

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

// ---------------------------------------------------------------------------------------
// Locating the tools
// ---------------------------------------------------------------------------------------

/// A schema from ../shared/corpus (beside the clone; CI provides it).
fn corpus_file(rel: &str) -> Option<PathBuf> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")).join(rel);
    if path.is_file() {
        return Some(path);
    }
    skip(&format!("the shared corpus file {} is missing", path.display()));
    None
}

// ---------------------------------------------------------------------------------------
// Running things
// ---------------------------------------------------------------------------------------

fn files_under(dir: &Path, pred: &dyn Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let ft = e.file_type().expect("file type");
            if ft.is_dir() {
                if e.file_name() != "node_modules" && e.file_name() != "__pycache__" {
                    stack.push(p);
                }
            } else if ft.is_file() && pred(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())).flatten() {
        let name = e.file_name();
        if name == "node_modules" || name == "__pycache__" || name == ".mypy_cache" {
            continue;
        }
        let (src, dst) = (e.path(), to.join(&name));
        if e.file_type().expect("file type").is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copy {} -> {}: {e}", src.display(), dst.display()));
        }
    }
}

fn has_ext(p: &Path, ext: &str) -> bool {
    p.file_name().and_then(OsStr::to_str).is_some_and(|n| n.ends_with(ext))
}

// ---------------------------------------------------------------------------------------
// TypeScript
// ---------------------------------------------------------------------------------------

fn tsc_check_package(label: &str, pkg: &Path, nm: &Path) {
    let tsconfig = pkg.join("tsconfig.json");
    assert!(tsconfig.is_file(), "[{label}] the generated package has no tsconfig.json: {}", pkg.display());
    symlink(nm, &pkg.join("node_modules"));
    let sources = files_under(pkg, &|p| has_ext(p, ".ts"));
    assert!(!sources.is_empty(), "[{label}] no .ts files in {}", pkg.display());

    // skipLibCheck skips only declaration files, i.e. @pulumi/pulumi and @types/node here
    // (not ours to fix, and most of the time); a package that ships its own .d.ts gets
    // them checked. --listFiles (printed on success) feeds the coverage check below.
    let ships_dts = sources.iter().any(|s| has_ext(s, ".d.ts"));
    let mut check = tsc(nm, pkg);
    check.args(["-p", ".", "--noEmit", "--pretty", "false", "--listFiles"]).args(TSC_STRICT);
    if !ships_dts {
        check.arg("--skipLibCheck");
    }
    let out = run(&format!("{label}: tsc --strict --noEmit ({} files)", sources.len()), check);

    // The package's tsconfig decides what `npm run build` compiles; a generated file it
    // leaves out would be neither checked here nor shipped to users.
    let listed: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| std::fs::canonicalize(l.trim()).unwrap_or_else(|_| PathBuf::from(l.trim())))
        .collect();
    let missing: Vec<String> = sources
        .iter()
        .filter(|s| !listed.contains(&std::fs::canonicalize(s).expect("canonicalize")))
        .map(|s| s.strip_prefix(pkg).unwrap_or(s).display().to_string())
        .collect();
    assert!(missing.is_empty(), "[{label}] tsconfig.json leaves {} generated file(s) unchecked: {}", missing.len(), missing.join(", "));
}

/// Generate `inputs` as TypeScript and type-check every package produced.
fn typescript_typechecks(label: &str, inputs: &[PathBuf]) {
    let Some(nm) = node_modules() else { return };
    let scratch = Scratch::new(label);
    for pkg in generate(label, inputs, "typescript", &scratch.path().join("out")) {
        tsc_check_package(label, &pkg, &nm);
    }
}

// ---------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------

/// The import packages (directories with `__init__.py`) in one generated distribution.
fn python_import_packages(label: &str, dist: &Path) -> Vec<String> {
    let pkgs: Vec<String> = subdirs(dist)
        .into_iter()
        .filter(|d| d.join("__init__.py").is_file())
        .map(|d| d.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert!(!pkgs.is_empty(), "[{label}] no Python package (a directory with __init__.py) in {}", dist.display());
    pkgs
}

/// mypy over one generated Python distribution (`<out>/python/<pkg>/`, holding
/// pyproject.toml and the import package), then import every submodule: mypy does not run
/// module-level code, and lazy imports or import cycles only break at import time.
fn mypy_check_dist(label: &str, dist: &Path, python: &Path, cache: &Path) {
    let pkgs = python_import_packages(label, dist);
    for p in &pkgs {
        // PEP 561: without the marker, users' type checkers ignore the annotations.
        assert!(dist.join(p).join("py.typed").is_file(), "[{label}] {p}/py.typed is missing");
    }
    let mut mypy = Command::new(python);
    mypy.args(["-m", "mypy", "--config-file"]).arg(mypy_ini()).arg("--cache-dir").arg(cache).arg("--no-error-summary");
    for p in &pkgs {
        mypy.args(["-p", p]);
    }
    mypy.current_dir(dist).env("PYTHONDONTWRITEBYTECODE", "1").env_remove("MYPYPATH");
    run(&format!("{label}: mypy"), mypy);

    let mut import = Command::new(python);
    import.arg("-c").arg(IMPORT_ALL).args(&pkgs).current_dir(dist).env("PYTHONPATH", dist).env("PYTHONDONTWRITEBYTECODE", "1");
    run(&format!("{label}: import every module"), import);
}

/// Generate `inputs` as Python and check every distribution produced.
fn python_typechecks(label: &str, inputs: &[PathBuf]) {
    let Some(python) = venv_python() else { return };
    let scratch = Scratch::new(label);
    let cache = scratch.path().join("mypy-cache");
    for dist in generate(label, inputs, "python", &scratch.path().join("out")) {
        mypy_check_dist(label, &dist, &python, &cache);
    }
}

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

fn schema(name: &str) -> PathBuf {
    let p = common::repo_root().join("schemas").join(name);
    assert!(p.is_file(), "example schema {} is missing", p.display());
    p
}

const MINIDNS: &str = "minidns.tf.json";
const BLOBSTORE: &str = "blobstore.schema.json";
const CORPUS_TF_RANDOM: &str = "terraform/random.json";
const CORPUS_TF_DIGITALOCEAN: &str = "terraform/digitalocean.json";
const CORPUS_PULUMI_RANDOM: &str = "pulumi/random-4.21.1.schema.json";

// ---------------------------------------------------------------------------------------
// Layer 4: toolchains, one test per language × input so a failure names its package
// ---------------------------------------------------------------------------------------

#[test]
fn typescript_minidns_typechecks() {
    typescript_typechecks("ts-minidns", &[schema(MINIDNS)]);
}

#[test]
fn typescript_blobstore_typechecks() {
    typescript_typechecks("ts-blobstore", &[schema(BLOBSTORE)]);
}

#[test]
fn typescript_corpus_terraform_random_typechecks() {
    let Some(input) = corpus_file(CORPUS_TF_RANDOM) else { return };
    typescript_typechecks("ts-tf-random", &[input]);
}

#[test]
fn typescript_corpus_terraform_digitalocean_typechecks() {
    let Some(input) = corpus_file(CORPUS_TF_DIGITALOCEAN) else { return };
    typescript_typechecks("ts-tf-digitalocean", &[input]);
}

#[test]
fn typescript_corpus_pulumi_random_typechecks() {
    let Some(input) = corpus_file(CORPUS_PULUMI_RANDOM) else { return };
    typescript_typechecks("ts-pulumi-random", &[input]);
}

#[test]
fn python_minidns_typechecks() {
    python_typechecks("py-minidns", &[schema(MINIDNS)]);
}

#[test]
fn python_blobstore_typechecks() {
    python_typechecks("py-blobstore", &[schema(BLOBSTORE)]);
}

#[test]
fn python_corpus_terraform_random_typechecks() {
    let Some(input) = corpus_file(CORPUS_TF_RANDOM) else { return };
    python_typechecks("py-tf-random", &[input]);
}

#[test]
fn python_corpus_terraform_digitalocean_typechecks() {
    let Some(input) = corpus_file(CORPUS_TF_DIGITALOCEAN) else { return };
    python_typechecks("py-tf-digitalocean", &[input]);
}

#[test]
fn python_corpus_pulumi_random_typechecks() {
    let Some(input) = corpus_file(CORPUS_PULUMI_RANDOM) else { return };
    python_typechecks("py-pulumi-random", &[input]);
}

/// The committed generated/ tree is what users read and copy; it must type-check as
/// committed, not only as freshly generated (the goldens test keeps the two equal, this
/// one keeps both honest if that test is ever skipped or stale).
#[test]
fn typescript_committed_generated_typechecks() {
    let Some(nm) = node_modules() else { return };
    let committed = common::repo_root().join("generated/typescript");
    let pkgs = subdirs(&committed);
    assert!(!pkgs.is_empty(), "no committed TypeScript packages under {} (run `cargo run -- generate`)", committed.display());
    let scratch = Scratch::new("ts-committed");
    for pkg in pkgs {
        let name = pkg.file_name().expect("name").to_string_lossy().into_owned();
        let copy = scratch.path().join(&name);
        copy_tree(&pkg, &copy);
        tsc_check_package(&format!("ts-committed-{name}"), &copy, &nm);
    }
}

#[test]
fn python_committed_generated_typechecks() {
    let Some(python) = venv_python() else { return };
    let committed = common::repo_root().join("generated/python");
    let dists = subdirs(&committed);
    assert!(!dists.is_empty(), "no committed Python packages under {} (run `cargo run -- generate`)", committed.display());
    let scratch = Scratch::new("py-committed");
    let cache = scratch.path().join("mypy-cache");
    for dist in dists {
        let name = dist.file_name().expect("name").to_string_lossy().into_owned();
        let copy = scratch.path().join(&name);
        copy_tree(&dist, &copy);
        mypy_check_dist(&format!("py-committed-{name}"), &copy, &python, &cache);
    }
}

// ---------------------------------------------------------------------------------------
// Layer 5: runtime programs under the runtime's mocks
// ---------------------------------------------------------------------------------------

fn runtime_dir(lang: &str) -> PathBuf {
    common::repo_root().join("tests/runtime").join(lang)
}

/// Copy the files (not directories) directly in `from` into `to`: the shared harness and
/// config in tests/runtime/<lang>/, and the program in tests/runtime/<lang>/<pkg>/.
fn copy_files(from: &Path, to: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())).flatten() {
        if e.file_type().expect("file type").is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy runtime file");
            n += 1;
        }
    }
    n
}

/// Count a runner's "passed" tally so a program that silently ran zero tests fails.
fn count_after(text: &str, marker: &str) -> usize {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(marker))
        .filter_map(|rest| rest.split_whitespace().next()?.parse::<usize>().ok())
        .sum()
}

/// tests/runtime/typescript/<pkg>/*.test.ts, compiled together with the freshly generated
/// SDK (imported as "./sdk") and the shared harness by tsc --strict, run by `node --test`.
fn typescript_runtime(pkg: &str, schema_file: &str) {
    let label = format!("ts-runtime-{pkg}");
    let Some(nm) = node_modules() else { return };
    let program = runtime_dir("typescript").join(pkg);
    assert!(program.is_dir(), "no runtime program at {}", program.display());
    let scratch = Scratch::new(&label);
    let gen = generate(&label, &[schema(schema_file)], "typescript", &scratch.path().join("out"));
    let sdk = gen.iter().find(|p| p.ends_with(pkg)).unwrap_or_else(|| panic!("[{label}] no package named {pkg} in {gen:?}"));

    let work = scratch.path().join("work");
    copy_tree(sdk, &work.join("sdk"));
    copy_files(&runtime_dir("typescript"), &work);
    copy_files(&program, &work);
    symlink(&nm, &work.join("node_modules"));
    let tests: Vec<PathBuf> = files_under(&work, &|p| has_ext(p, ".test.ts") && p.parent() == Some(work.as_path()));
    assert!(!tests.is_empty(), "[{label}] no *.test.ts in {}", program.display());

    let mut build = tsc(&nm, &work);
    build.args(["-p", "tsconfig.json", "--pretty", "false"]).args(TSC_STRICT);
    run(&format!("{label}: tsc"), build);
    // The SDK may read its own package.json (e.g. for the plugin version) at run time.
    for f in files_under(&work.join("sdk"), &|p| !has_ext(p, ".ts")) {
        let rel = f.strip_prefix(&work).expect("under work");
        let dst = work.join("out").join(rel);
        std::fs::create_dir_all(dst.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&f, &dst).expect("copy sdk asset");
    }

    let mut node = Command::new("node");
    // TAP explicitly: the default reporter differs between node versions and TTYs, and
    // the pass/fail tally below reads TAP's "# pass N" lines.
    node.args(["--test", "--test-reporter=tap"]).current_dir(&work);
    for t in &tests {
        let js = t.file_name().expect("name").to_string_lossy().replace(".test.ts", ".test.js");
        node.arg(Path::new("out").join(js));
    }
    let out = run(&format!("{label}: node --test"), node);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (pass, fail) = (count_after(&stdout, "# pass"), count_after(&stdout, "# fail"));
    assert!(pass > 0 && fail == 0, "[{label}] expected passing tests and no failures, got pass={pass} fail={fail}\n{}", show(&out));
    eprintln!("[{label}] {pass} runtime test(s) passed");
}

/// tests/runtime/python/<pkg>/test_*.py with the freshly generated SDK on PYTHONPATH:
/// mypy (the program is typed user code against the SDK), then pytest.
fn python_runtime(pkg: &str, schema_file: &str) {
    let label = format!("py-runtime-{pkg}");
    let Some(python) = venv_python() else { return };
    let program = runtime_dir("python").join(pkg);
    assert!(program.is_dir(), "no runtime program at {}", program.display());
    let scratch = Scratch::new(&label);
    let gen = generate(&label, &[schema(schema_file)], "python", &scratch.path().join("out"));
    let sdk = gen.iter().find(|p| p.ends_with(pkg)).unwrap_or_else(|| panic!("[{label}] no package named {pkg} in {gen:?}"));

    let work = scratch.path().join("work");
    std::fs::create_dir_all(&work).expect("mkdir work");
    copy_files(&runtime_dir("python"), &work);
    copy_files(&program, &work);
    let programs: Vec<PathBuf> = files_under(&work, &|p| has_ext(p, ".py"));
    assert!(programs.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("test_"))), "[{label}] no test_*.py in {}", program.display());

    let mut mypy = Command::new(&python);
    mypy.args(["-m", "mypy", "--config-file"]).arg(mypy_ini()).arg("--cache-dir").arg(scratch.path().join("mypy-cache")).arg("--no-error-summary");
    // follow-imports=silent: the SDK's own types are still used, but its internal errors
    // are the *_typechecks tests' to report; here only the program's use of it counts.
    mypy.arg("--follow-imports=silent");
    mypy.args(&programs).current_dir(&work).env("MYPYPATH", sdk).env("PYTHONDONTWRITEBYTECODE", "1");
    run(&format!("{label}: mypy"), mypy);

    let mut pytest = Command::new(&python);
    pytest.args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", "."]).current_dir(&work).env("PYTHONPATH", sdk).env("PYTHONDONTWRITEBYTECODE", "1");
    let out = run(&format!("{label}: pytest"), pytest);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let passed = stdout.lines().filter(|l| l.starts_with("PASSED ")).count();
    assert!(passed > 0, "[{label}] pytest reported no passed test\n{}", show(&out));
    eprintln!("[{label}] {passed} runtime test(s) passed");
}

#[test]
fn typescript_runtime_minidns() {
    typescript_runtime("minidns", MINIDNS);
}

#[test]
fn typescript_runtime_blobstore() {
    typescript_runtime("blobstore", BLOBSTORE);
}

#[test]
fn python_runtime_minidns() {
    python_runtime("minidns", MINIDNS);
}

#[test]
fn python_runtime_blobstore() {
    python_runtime("blobstore", BLOBSTORE);
}

// ---------------------------------------------------------------------------------------
// Parity (Python): a program written against the official SDK type-checks against it and,
// with only the dependency swapped, against cloudgen's SDK from the same schema.
// ---------------------------------------------------------------------------------------

/// The official pulumi-random/pulumi-tls, installed beside the venv by setup-tools.sh.
fn python_parity_site() -> Option<PathBuf> {
    let site = std::env::var_os("CLOUDGEN_PYTHON_PARITY_SITE")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| tools_dir().join("python/parity"));
    if !site.join("pulumi_random").is_dir() || !site.join("pulumi_tls").is_dir() {
        skip(&format!("the official Python SDKs for parity are not installed in {}", site.display()));
        return None;
    }
    Some(site)
}

/// mypy (strict, tests/toolchains/python/mypy.ini) over one program, with `search` as the
/// only place its SDK import can come from. Imported packages are analysed but their own
/// findings silenced, as for an installed package: the program is what is under test.
fn mypy_program(label: &str, python: &Path, program: &Path, search: &Path, cache: &Path) {
    let mut mypy = Command::new(python);
    mypy.args(["-m", "mypy", "--config-file"])
        .arg(mypy_ini())
        .arg("--cache-dir")
        .arg(cache)
        .args(["--follow-imports=silent", "--no-error-summary"])
        .arg(program)
        .env("MYPYPATH", search)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(program.parent().expect("program has a parent"));
    run(label, mypy);
}

#[test]
fn python_parity_programs_typecheck_against_official_and_generated() {
    let Some(python) = venv_python() else { return };
    let Some(site) = python_parity_site() else { return };
    for (name, schema_file) in [("random", "pulumi/random-4.21.1.schema.json"), ("tls", "pulumi/tls-4.10.0.schema.json")] {
        let Some(schema) = corpus_file(schema_file) else { return };
        let label = format!("py-parity-{name}");
        let scratch = Scratch::new(&label);
        let program = scratch.path().join(format!("{name}_program.py"));
        std::fs::copy(common::repo_root().join(format!("tests/parity/python/{name}_program.py")), &program).expect("copy program");
        mypy_program(&format!("{label}: official pulumi-{name}"), &python, &program, &site, &scratch.path().join("cache-official"));
        let dists = generate(&label, &[schema], "python", &scratch.path().join("out"));
        assert_eq!(dists.len(), 1, "[{label}] one distribution expected: {dists:?}");
        mypy_program(&format!("{label}: generated pulumi_{name}"), &python, &program, &dists[0], &scratch.path().join("cache-ours"));
    }
}

// ---------------------------------------------------------------------------------------
// Hostile inputs: the feature fixtures (keywords, collisions, comment terminators in docs,
// defaults with quotes/backslashes/newlines/unicode, …) must yield SDKs the real
// toolchains accept — escaping is proven by the compilers, not by string matching.
// ---------------------------------------------------------------------------------------

fn fixture_schemas() -> Vec<PathBuf> {
    let root = common::repo_root().join("tests/fixtures");
    let mut v = Vec::new();
    for frontend in ["pulumi", "terraform"] {
        for dir in subdirs(&root.join(frontend)) {
            for name in ["schema.json", "schema.yaml"] {
                if dir.join(name).is_file() {
                    v.push(dir.join(name));
                }
            }
        }
    }
    assert!(v.len() >= 15, "expected the feature fixtures under tests/fixtures, found {}", v.len());
    v
}

#[test]
fn typescript_feature_fixtures_typecheck() {
    for f in fixture_schemas() {
        let label = format!("ts-fixture-{}", f.parent().and_then(|p| p.file_name()).unwrap_or_default().to_string_lossy());
        typescript_typechecks(&label, std::slice::from_ref(&f));
    }
}

#[test]
fn python_feature_fixtures_typecheck() {
    let Some(python) = venv_python() else { return };
    // One mypy cache for all fixtures: analysing `pulumi` itself dominates a cold run.
    let shared = Scratch::new("py-fixtures");
    let cache = shared.path().join("mypy-cache");
    for (i, f) in fixture_schemas().iter().enumerate() {
        let label = format!("py-fixture-{}", f.parent().and_then(|p| p.file_name()).unwrap_or_default().to_string_lossy());
        let out = shared.path().join(format!("out{i}")).join("out");
        std::fs::create_dir_all(out.parent().expect("parent")).expect("mkdir");
        for dist in generate(&label, std::slice::from_ref(f), "python", &out) {
            mypy_check_dist(&label, &dist, &python, &cache);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Cloud API models (OpenAPI / Swagger): the SDKs of the named corpus specs type-check.
// ---------------------------------------------------------------------------------------

const OPENAPI_SPECS: &[&str] = &[
    "openapi/powerdns/authoritative-api-swagger.yaml",
    "openapi/oxide-nexus/nexus.json",
    "openapi/azure-apis-guru/storage.json",
    "openapi/azure-apis-guru/compute.json",
    "openapi/azure-apis-guru/containerinstance-containerInstance.json",
    "openapi/digitalocean/specification/DigitalOcean-public.v2.yaml",
    "openapi/kubernetes/swagger.json",
];

#[test]
fn typescript_corpus_openapi_typechecks() {
    for spec in OPENAPI_SPECS {
        let Some(path) = corpus_file(spec) else { return };
        let label = format!("ts-{}", spec.replace('/', "-"));
        typescript_typechecks(&label, &[path]);
    }
}

#[test]
fn python_corpus_openapi_typechecks() {
    let Some(python) = venv_python() else { return };
    let shared = Scratch::new("py-openapi");
    let cache = shared.path().join("mypy-cache");
    for (i, spec) in OPENAPI_SPECS.iter().enumerate() {
        let Some(path) = corpus_file(spec) else { return };
        let label = format!("py-{}", spec.replace('/', "-"));
        let out = shared.path().join(format!("out{i}")).join("out");
        std::fs::create_dir_all(out.parent().expect("parent")).expect("mkdir");
        for dist in generate(&label, &[path], "python", &out) {
            mypy_check_dist(&label, &dist, &python, &cache);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Schemas read straight from real provider binaries (`cloudgen import-schema`)
// ---------------------------------------------------------------------------------------

/// `cloudgen import-schema` for every provider of scripts/setup-terraform-providers.sh,
/// into `dir`; `None` when a provider is missing (and skipping is allowed).
fn imported_schemas(label: &str, dir: &Path) -> Option<Vec<PathBuf>> {
    let mut out = Vec::new();
    for name in common::TF_PROVIDERS {
        let bin = common::tf_provider(name)?;
        let file = dir.join(format!("{name}.json"));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloudgen"));
        cmd.arg("import-schema").arg("--provider").arg(&bin).arg("-o").arg(&file);
        run(&format!("{label}: import-schema {name}"), cmd);
        out.push(file);
    }
    Some(out)
}

#[test]
fn typescript_imported_provider_schemas_typecheck() {
    if node_modules().is_none() {
        return;
    }
    let scratch = Scratch::new("ts-imported");
    let Some(inputs) = imported_schemas("ts-imported", scratch.path()) else { return };
    typescript_typechecks("ts-imported", &inputs);
}

#[test]
fn python_imported_provider_schemas_typecheck() {
    if venv_python().is_none() {
        return;
    }
    let scratch = Scratch::new("py-imported");
    let Some(inputs) = imported_schemas("py-imported", scratch.path()) else { return };
    python_typechecks("py-imported", &inputs);
}
