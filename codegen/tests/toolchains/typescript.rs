//! TypeScript: the pinned `node_modules` and `tsc` with every strict flag.

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
    crate::common::node_modules(&["typescript/bin/tsc", "@pulumi/pulumi/package.json", "@types/node/package.json"])
}

/// `node <nm>/typescript/bin/tsc` in `dir`.
pub fn tsc(nm: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new("node");
    cmd.arg(nm.join("typescript/bin/tsc")).current_dir(dir);
    cmd
}
