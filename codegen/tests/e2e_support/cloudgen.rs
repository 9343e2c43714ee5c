//! The cloudgen side of the end-to-end pipeline, all through the built `cloudgen` binary:
//! `import-schema` from each provider binary, `generate` the TypeScript and Python SDKs,
//! `shim` the provider plugins, and `cargo build` of the generated plugin crates (into a
//! target dir kept between runs, beside the workspace's own).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::run::{run_bounded, run_ok, step_timeout};

/// What one generation produced, per provider package.
pub struct Generated {
    /// `<out>/typescript/<pkg>` for each package.
    pub typescript: Vec<PathBuf>,
    /// `<out>/python/<pkg>` (the distribution dirs holding `pulumi_<pkg>/`).
    pub python: Vec<PathBuf>,
    /// The directory holding the `pulumi-resource-<pkg>` plugins.
    pub plugins: PathBuf,
}

fn cloudgen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cloudgen"))
}

/// True when this cloudgen has the `import-schema` and `shim` commands (the provider shim,
/// issue 5 part 1); the caller skips (fails in CI) when not.
pub fn has_shim_commands(logs: &Path) -> bool {
    ["import-schema", "shim"].iter().all(|sub| {
        let mut cmd = cloudgen();
        cmd.args([sub, "--help"]);
        run_bounded(&format!("cloudgen {sub} --help"), cmd, logs, step_timeout(60)).status.success()
    })
}

/// Imports each provider's schema from its binary, generates both SDKs and the shim
/// plugins, and builds the plugins.
pub fn generate(label: &str, providers: &[&str], tf_dir: &Path, scratch: &Path, logs: &Path) -> Generated {
    let schemas = scratch.join("schemas");
    std::fs::create_dir_all(&schemas).expect("mkdir schemas");
    let mut schema_files = Vec::new();
    for p in providers {
        let out = schemas.join(format!("{p}.json"));
        let mut cmd = cloudgen();
        cmd.arg("import-schema").arg("--provider").arg(tf_dir.join(format!("terraform-provider-{p}"))).arg("-o").arg(&out);
        run_ok(&format!("{label}: cloudgen import-schema {p}"), cmd, logs, step_timeout(300));
        assert!(out.is_file(), "[{label}] import-schema wrote no {}", out.display());
        schema_files.push(out);
    }

    let sdk = scratch.join("sdk");
    let mut cmd = cloudgen();
    cmd.arg("generate").args(&schema_files).args(["--lang", "typescript,python", "--quiet", "--out"]).arg(&sdk);
    run_ok(&format!("{label}: cloudgen generate"), cmd, logs, step_timeout(300));

    // One plugin crate per package, depending on this checkout's shim crate by path.
    let shim = scratch.join("shim");
    let shim_crate = super::repo_root().join("shim");
    for (p, schema) in providers.iter().zip(&schema_files) {
        let mut cmd = cloudgen();
        cmd.arg("shim").arg(schema).arg("-o").arg(&shim).arg("--shim-crate").arg(&shim_crate);
        run_ok(&format!("{label}: cloudgen shim {p}"), cmd, logs, step_timeout(300));
    }

    let plugins = build_plugins(label, &shim, logs);
    for p in providers {
        let exe = plugins.join(format!("pulumi-resource-{p}"));
        assert!(exe.is_file(), "[{label}] no plugin {} after building {}", exe.display(), shim.display());
    }
    Generated {
        typescript: providers.iter().map(|p| sdk.join("typescript").join(p)).collect(),
        python: providers.iter().map(|p| sdk.join("python").join(p)).collect(),
        plugins,
    }
}

/// `cargo build` of every crate `cloudgen shim` wrote under `shim`, into
/// target/e2e-plugins (kept between runs: the shim's dependencies build once); returns
/// the directory with the binaries.
fn build_plugins(label: &str, shim: &Path, logs: &Path) -> PathBuf {
    let target = super::repo_root().join("target/e2e-plugins");
    let mut manifests = Vec::new();
    let mut stack = vec![shim.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read shim output").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if e.file_name() == "Cargo.toml" {
                manifests.push(p);
            }
        }
    }
    manifests.sort();
    assert!(!manifests.is_empty(), "[{label}] cloudgen shim wrote no Cargo.toml under {}", shim.display());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let lock = super::repo_root().join("Cargo.lock");
    for m in &manifests {
        // The workspace's lock file: the plugins build with exactly the dependency versions
        // the shim was tested with, and without a fresh resolution per run.
        std::fs::copy(&lock, m.with_file_name("Cargo.lock")).expect("copy Cargo.lock");
        // A first build compiles the shim's gRPC stack; later ones only the generated crate.
        // On the shared development box /dev/null was at times a regular file with other
        // processes' output in it, which cargo's rustc probe reads as source and fails on
        // ("failed to run `rustc` to learn about target-specific information"); that one
        // failure, and only that, is retried.
        for attempt in 1..=3 {
            let mut cmd = Command::new(&cargo);
            cmd.args(["build", "--quiet", "--manifest-path"]).arg(m).env("CARGO_TARGET_DIR", &target);
            let step = format!("{label}: cargo build {} (attempt {attempt})", m.display());
            let ran = run_bounded(&step, cmd, logs, step_timeout(1800));
            if ran.status.success() {
                break;
            }
            let probe_failed = ran.stderr.contains("to learn about target-specific information");
            assert!(probe_failed && attempt < 3, "[{step}] failed\n{}", ran.show());
        }
    }
    target.join("debug")
}
