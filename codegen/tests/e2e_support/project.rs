//! Turning a program under tests/e2e/programs/ plus freshly generated SDKs into a Pulumi
//! project the engine can run:
//!
//! - TypeScript: program and SDKs (copied to `sdk/<pkg>/`, imported as `"./sdk/<pkg>"`)
//!   compiled together by the pinned `tsc` with the strict flags into `out/`; the project
//!   runs `out/index.js` with `typescript: false`, so no ts-node and no second compiler.
//!   `node_modules` links the pinned tools, so the program and every SDK load one
//!   `@pulumi/pulumi`.
//! - Python: `__main__.py` runs in the pinned venv (`virtualenv` runtime option); each
//!   generated distribution directory (the one holding `pulumi_<pkg>/`) goes on PYTHONPATH.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::{run_ok, step_timeout};

/// tests/e2e/programs/<name>/<lang>/.
pub fn program_dir(name: &str, lang: &str) -> PathBuf {
    let dir = super::repo_root().join("tests/e2e/programs").join(name).join(lang);
    assert!(dir.is_dir(), "no e2e program at {}", dir.display());
    dir
}

/// Copies the regular files directly in `from` into `to`.
fn copy_files(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read program dir").flatten() {
        if e.file_type().expect("file type").is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy program file");
        }
    }
}

/// Copies the tree `from` into `to`, keeping only files `keep` accepts.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) {
    for e in std::fs::read_dir(from).expect("read sdk dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_tree(&p, &to.join(e.file_name()), keep);
        } else if keep(&p) {
            std::fs::create_dir_all(to).expect("mkdir");
            std::fs::copy(&p, to.join(e.file_name())).expect("copy sdk file");
        }
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// The flags every TypeScript program and SDK must compile under: type safety, not lint
/// (the toolchain tests hold the SDKs to the same `--strict`).
const TSC_STRICT: &[&str] = &["--strict", "--noImplicitReturns", "--noFallthroughCasesInSwitch", "--forceConsistentCasingInFileNames"];

/// Builds a TypeScript project in `work` from `program` and the generated SDK directories
/// `sdks` (each `<out>/typescript/<pkg>`); returns `work`, ready for `pulumi`.
pub fn typescript(label: &str, work: &Path, program: &Path, sdks: &[PathBuf], node_modules: &Path, logs: &Path) -> PathBuf {
    copy_files(program, work);
    for sdk in sdks {
        let pkg = sdk.file_name().expect("sdk dir name");
        copy_tree(sdk, &work.join("sdk").join(pkg), &|_| true);
    }
    std::os::unix::fs::symlink(node_modules, work.join("node_modules")).expect("link node_modules");
    // A package.json marks the project root for @pulumi/pulumi's entry-point search.
    write(&work.join("package.json"), "{\n  \"name\": \"cloudgen-e2e\",\n  \"private\": true\n}\n");

    let mut tsc = Command::new("node");
    tsc.arg(node_modules.join("typescript/bin/tsc")).args(["-p", "tsconfig.json", "--pretty", "false"]).args(TSC_STRICT).current_dir(work);
    run_ok(&format!("{label}: tsc"), tsc, logs, step_timeout(600));
    // The SDKs read their own package.json (the plugin version) at run time.
    for sdk in sdks {
        let pkg = sdk.file_name().expect("sdk dir name");
        copy_tree(sdk, &work.join("out/sdk").join(pkg), &|p| p.extension().is_none_or(|e| e != "ts"));
    }
    assert!(work.join("out/index.js").is_file(), "[{label}] tsc did not produce out/index.js");
    write(
        &work.join("Pulumi.yaml"),
        &format!(
            "name: {}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: out/index.js\n",
            project_name(label)
        ),
    );
    work.to_path_buf()
}

/// Builds a Python project in `work` from `program`, run by the venv at `venv`, and
/// type-checks the program against the SDKs with mypy (tests/toolchains/python/mypy.ini);
/// returns the PYTHONPATH that makes the generated distributions `sdks` importable.
pub fn python(label: &str, work: &Path, program: &Path, sdks: &[PathBuf], venv: &Path, logs: &Path) -> std::ffi::OsString {
    copy_files(program, work);
    assert!(work.join("__main__.py").is_file(), "[{label}] the program has no __main__.py");
    let pythonpath = std::env::join_paths(sdks).expect("PYTHONPATH entries");
    let mut mypy = Command::new(venv.join("bin/python"));
    mypy.args(["-m", "mypy", "--no-incremental", "--config-file"])
        .arg(super::repo_root().join("tests/toolchains/python/mypy.ini"))
        .arg("__main__.py")
        .current_dir(work)
        .env("MYPYPATH", &pythonpath)
        .env("PYTHONPATH", &pythonpath);
    run_ok(&format!("{label}: mypy"), mypy, logs, step_timeout(600));
    write(
        &work.join("Pulumi.yaml"),
        &format!(
            "name: {}\nruntime:\n  name: python\n  options:\n    toolchain: pip\n    virtualenv: {}\n",
            project_name(label),
            venv.display()
        ),
    );
    pythonpath
}

/// A valid Pulumi project name for a test label.
fn project_name(label: &str) -> String {
    let name: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("cloudgen-{name}")
}
