//! Go: `go` and `gofmt` from PATH, and the module proxy.

use super::show;
use crate::common;
use std::path::Path;
use std::process::Command;

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
