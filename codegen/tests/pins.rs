//! `scripts/check-pins.py`, the check scripts/test.sh runs first: it must name a pin the
//! registry refuses, with the registry's answer and a fix, and pass the pins it serves. Run
//! against scratch checkouts (`--repo`) holding one good and one refused pin each, among
//! them the very pin that broke fresh machines (the null provider's pseudo-version, which
//! the Go module proxy answers with 403).

mod common;

use std::path::Path;
use std::process::Command;

/// Runs the check on `repo` for `only`; `None` (after saying why) when the registry could
/// not be reached at all, which is the network's failure, not the pin's.
fn check(repo: &Path, only: &str) -> Option<(i32, String)> {
    let script = common::repo_root().join("scripts/check-pins.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--repo", repo.to_str().unwrap(), "--only", only])
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    if text.contains("no answer") || text.contains("dial tcp") || text.contains("i/o timeout") {
        common::skip(&format!("the {only} registry did not answer:\n{text}"));
        return None;
    }
    Some((out.status.code().unwrap_or(-1), text))
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn a_pypi_pin_the_index_does_not_serve_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "tests/toolchains/python/requirements.txt", "six==1.16.0\nsix==999.0.0\n");
    write(tmp.path(), "tests/toolchains/python/parity-requirements.txt", "");
    let Some((code, text)) = check(tmp.path(), "pypi") else { return };
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("six==999.0.0 (pinned in tests/toolchains/python/requirements.txt) does not resolve"), "{text}");
    assert!(!text.contains("six==1.16.0 ("), "a served pin is flagged:\n{text}");
    assert!(text.contains("fix:"), "{text}");
}

#[test]
fn the_null_provider_pin_that_broke_fresh_machines_is_named_with_the_proxy_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::repo_root();
    write(
        tmp.path(),
        "tests/terraform-providers/providers.txt",
        "# name module version hash release\n\
         null github.com/terraform-providers/terraform-provider-null v1.0.1-0.20260824155049-3827b35ad520 h1:uy+3OPt4yU5HnKymGEBb6wzJGZ2DsnTIhDMVl0W6SKo= v3.3.1\n",
    );
    for f in ["go.mod", "go.sum"] {
        let text = std::fs::read_to_string(root.join("tests/e2e/engine").join(f)).unwrap();
        write(tmp.path(), &format!("tests/e2e/engine/{f}"), &text);
    }
    let Some((code, text)) = check(tmp.path(), "go") else { return };
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("terraform-provider-null@v1.0.1-0.20260824155049-3827b35ad520 (null) (pinned in tests/terraform-providers/providers.txt) does not resolve"), "{text}");
    assert!(text.contains("403") || text.contains("not available"), "the proxy's answer is shown:\n{text}");
    assert!(!text.contains("engine's module graph"), "the engine's pins resolve:\n{text}");
}
