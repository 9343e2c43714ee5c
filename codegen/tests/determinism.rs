//! Byte determinism: serial and parallel rendering, and inputs whose object keys come in a
//! different order, produce identical files.

mod common;

use cloudgen::backends::all_targets;
use cloudgen::driver::{self, Input, Options};
use cloudgen::fileset::FileSet;
use cloudgen::overrides::Overrides;
use serde_json::Value;
use std::path::Path;

fn generate(inputs: &[Input], parallel: bool) -> FileSet {
    let targets = all_targets();
    let overrides = Overrides::default();
    let opts = Options { from: None, overrides: &overrides, targets: &targets, templates: None, parallel, on_file: None };
    match driver::generate(inputs, &opts) {
        Ok(g) => g.files,
        Err(d) => panic!("generation failed:\n{d}"),
    }
}

/// Writes `v` as JSON with every object's keys in reverse order.
fn write_reversed(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            out.push('{');
            for (i, (k, v)) in m.iter().rev().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                write_reversed(v, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_reversed(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap()),
    }
}

fn reversed_copy(src: &Path, dir: &Path) -> Input {
    let v: Value = serde_json::from_slice(&std::fs::read(src).unwrap()).unwrap();
    let mut s = String::new();
    write_reversed(&v, &mut s);
    let name = src.file_name().unwrap();
    std::fs::write(dir.join(name), s).unwrap();
    // Same display name, so source references in the output are comparable.
    Input { path: dir.join(name), display: Input::new(src).display }
}

fn inputs() -> Vec<Input> {
    let root = common::repo_root();
    let mut v = vec![Input::new(root.join("schemas/minidns.tf.json")), Input::new(root.join("schemas/blobstore.schema.json"))];
    if let Some(c) = common::corpus() {
        v.push(Input::new(c.join("pulumi/random-4.21.1.schema.json")));
        v.push(Input::new(c.join("terraform/digitalocean.json")));
    }
    v
}

#[test]
fn serial_equals_parallel() {
    let inputs = inputs();
    let a = generate(&inputs, false);
    let b = generate(&inputs, true);
    assert!(a.len() > 10);
    assert!(a == b, "serial and parallel output differ");
}

#[test]
fn input_key_order_is_irrelevant() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = inputs();
    let shuffled: Vec<Input> = inputs.iter().map(|i| reversed_copy(&i.path, tmp.path())).collect();
    let a = generate(&inputs, true);
    let b = generate(&shuffled, true);
    for (p, c) in a.iter() {
        assert_eq!(b.get(p), Some(c.as_slice()), "{p} differs when input keys are reordered");
    }
    assert_eq!(a.len(), b.len());
}
