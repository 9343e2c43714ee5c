//! Finding what the end-to-end suite drives — the Pulumi engine, the pinned Node and Python
//! runtimes, the Terraform provider binaries — where the setup scripts put them, or saying
//! why the test skips (a failure under CI=true / CLOUDGEN_REQUIRE_TOOLS=1).

use std::path::PathBuf;

use crate::common;
use common::tools_dir;

/// Says why a test cannot run (see [`common::skip`]).
pub fn skip(why: &str) {
    common::skip(why);
}

/// `$VAR` if set, else `$CLOUDGEN_TOOLS_DIR/<fallback>` (the setup scripts' "latest" links).
fn located(var: &str, fallback: &str) -> PathBuf {
    std::env::var_os(var).filter(|d| !d.is_empty()).map(PathBuf::from).unwrap_or_else(|| tools_dir().join(fallback))
}

/// The directory with `pulumi` and the language hosts (scripts/setup-pulumi-engine.sh).
pub fn engine_bin_dir() -> Option<PathBuf> {
    let dir = located("CLOUDGEN_PULUMI_BIN_DIR", "pulumi-engine/bin");
    for exe in ["pulumi", "pulumi-language-nodejs", "pulumi-language-python", "pulumi-language-python-exec"] {
        if !dir.join(exe).is_file() {
            skip(&format!("the Pulumi engine is not built: {} is missing (run scripts/setup-pulumi-engine.sh)", dir.join(exe).display()));
            return None;
        }
    }
    // The real path: the engine looks for its bundled language hosts beside its own
    // resolved executable and warns when PATH names them through a link.
    Some(dir.canonicalize().unwrap_or(dir))
}

/// The pinned `node_modules` with typescript and @pulumi/pulumi's program runner, if
/// installed and `node` runs.
pub fn node_modules() -> Option<PathBuf> {
    common::node_modules(&["typescript/bin/tsc", "@pulumi/pulumi/cmd/run/index.js", "@types/node/package.json"])
}

/// The pinned venv (with the `pulumi` wheel), if installed.
pub fn python_venv() -> Option<PathBuf> {
    let venv = located("CLOUDGEN_PYTHON_VENV", "python/venv");
    if !venv.join("bin/python").is_file() {
        skip(&format!("the Python runtime is not installed: {} is missing (run scripts/setup-tools.sh)", venv.join("bin/python").display()));
        return None;
    }
    Some(venv)
}

/// The directory with the pinned `terraform-provider-<name>` binaries
/// (scripts/setup-terraform-providers.sh), if every one of `names` is there.
pub fn tf_providers_dir(names: &[&str]) -> Option<PathBuf> {
    let dir = located("CLOUDGEN_TF_PROVIDERS_DIR", "tf-providers/bin");
    for name in names {
        let exe = dir.join(format!("terraform-provider-{name}"));
        if !exe.is_file() {
            skip(&format!("the Terraform provider is not built: {} is missing (run scripts/setup-terraform-providers.sh)", exe.display()));
            return None;
        }
    }
    Some(dir)
}
