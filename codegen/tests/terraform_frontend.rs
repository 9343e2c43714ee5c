//! Terraform frontend: IR snapshots of the small feature fixtures in
//! `tests/fixtures/terraform/<feature>/` (with that fixture's `overrides.yaml`, if any),
//! the whole Terraform corpus lowering without errors, and name compatibility with the
//! official pulumi-random package.

mod common;

use cloudgen::frontends::terraform;
use cloudgen::ir::builder::Finished;
use cloudgen::overrides::Overrides;
use std::collections::BTreeSet;

/// Lowers and finishes one fixture; panics (this is a test) on any error.
fn lower_fixture(feature: &str) -> Vec<Finished> {
    let dir = common::repo_root()
        .join("tests/fixtures/terraform")
        .join(feature);
    let bytes = std::fs::read(dir.join("schema.json")).expect("fixture schema.json");
    let ov_path = dir.join("overrides.yaml");
    let overrides = if ov_path.is_file() {
        let bytes = std::fs::read(&ov_path).expect("overrides");
        Overrides::from_slice(
            &bytes,
            &format!("tests/fixtures/terraform/{feature}/overrides.yaml"),
        )
        .expect("valid overrides")
    } else {
        Overrides::default()
    };
    let display = format!("tests/fixtures/terraform/{feature}/schema.json");
    let builders = terraform::lower(&display, &bytes, &overrides)
        .unwrap_or_else(|d| panic!("{feature}: lower failed:\n{d}"));
    builders
        .into_iter()
        .map(|b| {
            b.finish()
                .unwrap_or_else(|d| panic!("{feature}: finish failed:\n{d}"))
        })
        .collect()
}

/// One snapshot of the IR and one of the warnings per fixture.
fn snapshot(feature: &str) {
    let finished = lower_fixture(feature);
    assert_eq!(finished.len(), 1, "{feature}: one provider per fixture");
    let f = &finished[0];
    insta::assert_json_snapshot!(
        format!("{feature}.ir"),
        serde_json::to_value(&f.package).expect("IR serializes")
    );
    let warnings: Vec<String> = f.warnings.iter().map(|d| d.to_string()).collect();
    insta::assert_json_snapshot!(format!("{feature}.warnings"), warnings);
}

macro_rules! fixtures {
    ($($test:ident => $feature:literal),* $(,)?) => {
        $(#[test] fn $test() { snapshot($feature); })*
    };
}

fixtures! {
    primitives => "primitives",
    nested_blocks => "nested-blocks",
    max_items_one => "max-items-one",
    maps_sets => "maps-sets",
    secrets => "secrets",
    deprecations => "deprecations",
    keywords => "keywords",
    collisions => "collisions",
    docs_escaping => "docs-escaping",
    modules => "modules",
    unsupported => "unsupported",
}

/// Lowering is deterministic: the same input gives byte-identical IR JSON.
#[test]
fn lowering_is_deterministic() {
    let a = serde_json::to_string(&lower_fixture("nested-blocks")[0].package).unwrap();
    let b = serde_json::to_string(&lower_fixture("nested-blocks")[0].package).unwrap();
    assert_eq!(a, b);
}

/// Every Terraform schema in the shared corpus lowers and finishes with no error.
#[test]
fn corpus_lowers_without_errors() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let dir = corpus.join("terraform");
    if !dir.is_dir() {
        common::skip(&format!("no terraform/ in the corpus at {}", corpus.display()));
        return;
    }
    let mut failures = Vec::new();
    println!(
        "{:<60} {:<14} {:>6} {:>6} {:>6} {:>6}",
        "file", "package", "res", "fns", "types", "warn"
    );
    for path in common::files_with(&dir, &[".json"]) {
        let display = path
            .strip_prefix(&corpus)
            .unwrap_or(&path)
            .to_string_lossy()
            .to_string();
        let bytes = std::fs::read(&path).expect("read corpus file");
        let started = std::time::Instant::now();
        let builders = match terraform::lower(&display, &bytes, &Overrides::default()) {
            Ok(b) => b,
            Err(d) => {
                failures.push(format!("{display}:\n{d}"));
                continue;
            }
        };
        for b in builders {
            match b.finish() {
                Ok(f) => {
                    println!(
                        "{display:<60} {:<14} {:>6} {:>6} {:>6} {:>6}  ({} ms)",
                        f.package.name,
                        f.package.resources.len(),
                        f.package.functions.len(),
                        f.package.types.len(),
                        f.warnings.len(),
                        started.elapsed().as_millis()
                    );
                    for w in f.warnings.iter().take(12) {
                        println!("    {}", w.to_string().lines().next().unwrap_or_default());
                    }
                }
                Err(d) => failures.push(format!("{display}:\n{d}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus file(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// With pulumi-random's module strategy (one module, prefix kept), our tokens and input
/// property names for hashicorp/random match the published pulumi-random schema.
#[test]
fn random_matches_pulumi_random() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let tf = corpus.join("terraform/random.json");
    let pulumi = corpus.join("pulumi/random-4.21.1.schema.json");
    if !tf.is_file() || !pulumi.is_file() {
        common::skip("random schemas are not in the corpus");
        return;
    }
    let ov = Overrides::from_slice(
        b"terraform:\n  random:\n    modules: { strategy: single, keep_prefix: true }\n",
        "o.yaml",
    )
    .unwrap();
    let builders = terraform::lower("random.json", &std::fs::read(&tf).unwrap(), &ov).unwrap();
    let pkg = builders
        .into_iter()
        .next()
        .unwrap()
        .finish()
        .unwrap_or_else(|d| panic!("{d}"))
        .package;
    let official: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&pulumi).unwrap()).unwrap();
    assert!(!pkg.resources.is_empty());
    for r in &pkg.resources {
        let token = r.token.to_string();
        let spec = official["resources"]
            .get(&token)
            .unwrap_or_else(|| panic!("pulumi-random has no resource `{token}`"));
        let theirs: BTreeSet<&str> = spec["inputProperties"]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for p in &r.inputs {
            assert!(
                theirs.contains(p.name.wire.as_str()),
                "{token}: input `{}` is not in pulumi-random ({theirs:?})",
                p.name.wire
            );
        }
    }
    assert_eq!(
        official["meta"]["moduleFormat"],
        pkg.meta.module_format.as_str()
    );
}

/// A wrong-shaped overrides entry fails with a pointer into the overrides file.
#[test]
fn overrides_typos_point_into_the_file() {
    let e = Overrides::from_slice(
        b"terraform:\n  aws:\n    modules: { strategy: known, knwon: [s3] }\n",
        "ov.yaml",
    )
    .unwrap_err();
    assert_eq!(
        e.0[0].source.to_string(),
        "ov.yaml#/terraform/aws/modules/knwon",
        "{e}"
    );
}
