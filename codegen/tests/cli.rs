//! The CLI as users run it: goldens (`generated/` is current), exit codes, diagnostics on
//! bad input with nothing written, and `check` diffs.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn cloudgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudgen")).current_dir(dir).args(args).output().expect("cloudgen runs")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn golden_generated_dir_is_current() {
    let o = cloudgen(&common::repo_root(), &["check", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "generated/ is stale; run `cargo run -- generate`:\n{}", text(&o));
}

#[test]
fn check_reports_drift_missing_and_extra_files_with_a_diff() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::repo_root();
    let schema = root.join("schemas/blobstore.schema.json");
    let out = tmp.path().join("out");
    let s = schema.to_str().unwrap();
    let o = cloudgen(tmp.path(), &["generate", s, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("written"), "summary line: {}", text(&o));
    let o = cloudgen(tmp.path(), &["check", s, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));

    // Drift: change one file, delete one, add one.
    let pkg = out.join("python/blobstore");
    std::fs::write(pkg.join("pyproject.toml"), "changed\n").unwrap();
    std::fs::write(pkg.join("stale.txt"), "old\n").unwrap();
    let ts = out.join("typescript/blobstore/package.json");
    std::fs::remove_file(&ts).unwrap();
    let o = cloudgen(tmp.path(), &["check", s, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let t = text(&o);
    assert!(t.contains("--- a/python/blobstore/pyproject.toml"), "{t}");
    assert!(t.contains("-changed"), "{t}");
    assert!(t.contains("+++ /dev/null"), "extra file shown as deleted: {t}");
    assert!(t.contains("--- /dev/null\n+++ b/typescript/blobstore/package.json"), "missing file shown as added: {t}");

    // generate repairs it and prunes the stale file; files outside the roots stay.
    std::fs::write(out.join("python/mine.txt"), "keep").unwrap();
    let o = cloudgen(tmp.path(), &["generate", s, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("1 removed"), "{}", text(&o));
    assert!(!pkg.join("stale.txt").exists());
    assert!(out.join("python/mine.txt").exists());
    let o = cloudgen(tmp.path(), &["check", s, "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// Each bad input: exit 2, a diagnostic naming the file (and pointer), nothing written.
#[test]
fn bad_inputs_get_diagnostics_and_write_nothing() {
    let cases: &[(&str, &str, &str)] = &[
        ("malformed.json", "{\"name\": \"x\", ", "malformed JSON at line"),
        ("unknown.json", "{\"hello\": 1}", "unrecognised input format"),
        ("bad.yaml", "a: [1, 2\n", "neither JSON nor YAML"),
        (
            "dangling.json",
            r##"{"name":"x","resources":{"x:index:R":{"inputProperties":{"a":{"$ref":"#/types/x:index:Missing"}}}}}"##,
            "x:index:Missing",
        ),
        (
            "traversal.json",
            r##"{"name":"x","resources":{"x:../../etc:R":{}}}"##,
            "path separator",
        ),
        (
            "symbols.json",
            r##"{"name":"x","resources":{"x:index:R":{"inputProperties":{"$$":{"type":"string"}}}}}"##,
            "no letter or digit",
        ),
        (
            "tf-wrong-shape.json",
            r##"{"format_version":"1.0","provider_schemas":{"registry.terraform.io/x/y":{"resource_schemas":{"y_r":{"block":{"attributes":{"a":{"type":7}}}}}}}}"##,
            "/provider_schemas/registry.terraform.io~1x~1y/resource_schemas/y_r/block/attributes/a",
        ),
    ];
    for (name, body, want) in cases {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(name), body).unwrap();
        let o = cloudgen(tmp.path(), &["generate", name, "--out", "out"]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{name}: {t}");
        assert!(t.contains(name), "{name}: diagnostic names the file: {t}");
        assert!(t.contains(want), "{name}: expected `{want}` in: {t}");
        assert!(!t.contains("panicked"), "{name}: {t}");
        assert!(!tmp.path().join("out").exists(), "{name}: nothing may be written");
    }
}

#[test]
fn unknown_language_and_missing_input_are_clear() {
    let tmp = tempfile::tempdir().unwrap();
    let o = cloudgen(tmp.path(), &["generate", "nope.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("nope.json") && text(&o).contains("cannot read input"), "{}", text(&o));
    let schema = common::repo_root().join("schemas/blobstore.schema.json");
    let o = cloudgen(tmp.path(), &["generate", schema.to_str().unwrap(), "--lang", "cobol"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("unknown language `cobol`"), "{}", text(&o));
}

#[test]
fn explain_ir_and_schema_commands_work() {
    let root = common::repo_root();
    let o = cloudgen(&root, &["explain", "ir", "schemas/minidns.tf.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("IR is JSON");
    assert_eq!(v["name"], "minidns");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("schema.json");
    let o = cloudgen(&root, &["schema", "schemas/minidns.tf.json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["name"], "minidns");
    assert!(v["resources"].as_object().is_some_and(|r| !r.is_empty()), "{v}");
    // The written schema is itself an input cloudgen accepts.
    let o = cloudgen(&root, &["explain", "ir", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// `schema -o` onto something that is not a regular file (a FIFO here; `/dev/null` or
/// `/dev/stdout` in practice) writes through it and leaves it in place: the atomic
/// rename-over would turn the device into a regular file.
#[cfg(unix)]
#[test]
fn schema_output_to_a_fifo_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let root = common::repo_root();
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(&fifo).expect("read the fifo"))
    };
    let o = cloudgen(&root, &["schema", "schemas/minidns.tf.json", "-o", fifo.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Checked before joining: had the fifo been renamed over, its reader would wait forever.
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the fifo was replaced by a regular file");
    let got = reader.join().expect("reader thread");
    let v: serde_json::Value = serde_json::from_slice(&got).expect("the schema came through the fifo");
    assert_eq!(v["name"], "minidns");
}

/// `--templates DIR` overrides embedded templates file by file; a broken override is a
/// clear error, not a panic.
#[test]
fn templates_can_be_overridden() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::repo_root();
    let schema = root.join("schemas/blobstore.schema.json");
    let dir = tmp.path().join("tpl/typescript");
    std::fs::create_dir_all(&dir).unwrap();
    let original = std::fs::read_to_string(root.join("templates/typescript/package.json.tera")).unwrap();
    std::fs::write(dir.join("package.json.tera"), format!("{{# overridden #}}{original}")).unwrap();
    std::fs::write(dir.join("utilities.ts.tera"), "// custom utilities\n").unwrap();
    let out = tmp.path().join("out");
    let o = cloudgen(tmp.path(), &["generate", schema.to_str().unwrap(), "--lang", "typescript", "--templates", "tpl", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(out.join("typescript/blobstore/utilities.ts")).unwrap(), "// custom utilities\n");
    assert!(out.join("typescript/blobstore/package.json").is_file());

    std::fs::write(dir.join("utilities.ts.tera"), "{% if %}\n").unwrap();
    let out2 = tmp.path().join("out2");
    let o = cloudgen(tmp.path(), &["generate", schema.to_str().unwrap(), "--lang", "typescript", "--templates", "tpl", "--out", out2.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("template"), "{}", text(&o));
    assert!(!out2.exists());
}

/// `--help` names every target `--lang` accepts, and an unknown one is refused with the list.
#[test]
fn help_and_errors_list_every_target() {
    let tmp = tempfile::tempdir().unwrap();
    let help = text(&cloudgen(tmp.path(), &["generate", "--help"]));
    for name in cloudgen::backends::TARGET_NAMES {
        assert!(help.contains(name), "`generate --help` does not mention {name}:\n{help}");
        assert!(cloudgen::backends::target_by_name(name).is_some(), "{name} is listed but not a target");
    }
    let schema = common::repo_root().join("schemas/blobstore.schema.json");
    let o = cloudgen(tmp.path(), &["generate", schema.to_str().unwrap(), "--lang", "cobol", "--out", "x"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("pulumi-schema, shim"), "{}", text(&o));
    assert!(!tmp.path().join("x").exists(), "nothing is written on a bad --lang");
}
