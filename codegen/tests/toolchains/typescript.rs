//! TypeScript: the pinned `node_modules` and `tsc` with every strict flag.

use super::{skip, tools_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

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
