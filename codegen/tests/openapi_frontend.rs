//! OpenAPI frontend: IR snapshots of the small feature fixtures in
//! `tests/fixtures/openapi/<feature>/` (one per schema-mapping and per inference rule, with
//! that fixture's `overrides.yaml`, if any), a TypeScript rendering of two of them, clear
//! diagnostics for unresolvable references, and the real specs of the shared corpus:
//! each ingests without errors and generates all four SDKs, and the resources
//! that matter (PowerDNS, Kubernetes, DigitalOcean) are inferred with the right operations.

mod common;

use cloudgen::backends::{go::Go, java::Java, python::Python, typescript::TypeScript, Target};
use cloudgen::driver::{self, Input, Options};
use cloudgen::frontends::{self, Format};
use cloudgen::ir::builder::Finished;
use cloudgen::ir::{Lifecycle, Package, Resource};
use cloudgen::overrides::Overrides;
use std::path::{Path, PathBuf};

fn fixture_dir(feature: &str) -> PathBuf {
    common::repo_root().join("tests/fixtures/openapi").join(feature)
}

/// The fixture's spec (`spec.yaml` or `spec.json`) and its display name.
fn spec_of(feature: &str) -> (PathBuf, String) {
    let dir = fixture_dir(feature);
    for name in ["spec.yaml", "spec.json"] {
        if dir.join(name).is_file() {
            return (dir.join(name), format!("tests/fixtures/openapi/{feature}/{name}"));
        }
    }
    panic!("{feature}: no spec.yaml or spec.json");
}

fn overrides_of(feature: &str) -> Overrides {
    let p = fixture_dir(feature).join("overrides.yaml");
    if p.is_file() {
        let bytes = std::fs::read(&p).expect("overrides");
        Overrides::from_slice(&bytes, &format!("tests/fixtures/openapi/{feature}/overrides.yaml")).expect("valid overrides")
    } else {
        Overrides::default()
    }
}

fn load(feature: &str) -> Result<Vec<Finished>, cloudgen::diag::Diagnostics> {
    let (path, display) = spec_of(feature);
    frontends::load(&path, &display, None, &overrides_of(feature))
}

fn lower_fixture(feature: &str) -> Finished {
    let mut v = load(feature).unwrap_or_else(|d| panic!("{feature}: load failed:\n{d}"));
    assert_eq!(v.len(), 1, "{feature}: one package per spec");
    v.remove(0)
}

/// One snapshot of the IR and one of the warnings per fixture.
fn snapshot(feature: &str) {
    let f = lower_fixture(feature);
    insta::assert_json_snapshot!(format!("{feature}.ir"), serde_json::to_value(&f.package).expect("IR serializes"));
    let warnings: Vec<String> = f.warnings.iter().map(|d| d.to_string()).collect();
    insta::assert_json_snapshot!(format!("{feature}.warnings"), warnings);
}

macro_rules! fixtures {
    ($($test:ident => $feature:literal),* $(,)?) => {
        $(#[test] fn $test() { snapshot($feature); })*
    };
}

fixtures! {
    // Schema mapping.
    objects => "objects",
    enums => "enums",
    allof => "allof",
    unions => "unions",
    flags => "flags",
    formats => "formats",
    recursive => "recursive",
    inline_naming => "inline-naming",
    kubernetes => "kubernetes",
    swagger2 => "swagger2",
    openapi31 => "openapi31",
    multi_file => "multi-file",
    // Resource inference.
    collection_post => "collection-post",
    put_create_or_update => "put-create-or-update",
    singleton => "singleton",
    parent_params => "parent-params",
    location_header => "location-header",
    functions => "functions",
    modules => "modules",
    overrides => "overrides",
}

/// The TypeScript SDK of two fixtures, file by file.
#[test]
fn typescript_of_collection_post_and_unions() {
    for feature in ["collection-post", "unions"] {
        let f = lower_fixture(feature);
        let targets: Vec<Box<dyn Target>> = vec![Box::new(TypeScript)];
        let overrides = Overrides::default();
        let opts = Options { from: None, overrides: &overrides, targets: &targets, templates: None, parallel: false, on_file: None };
        let files = driver::render(std::slice::from_ref(&f.package), &opts).unwrap_or_else(|d| panic!("{feature}: render failed:\n{d}"));
        let rendered: std::collections::BTreeMap<String, String> = files.iter().map(|(p, b)| (p.clone(), String::from_utf8_lossy(b).into_owned())).collect();
        insta::assert_yaml_snapshot!(format!("{feature}.typescript"), rendered);
    }
}

/// Unresolvable references are errors naming the file and JSON pointer of the reference.
#[test]
fn unresolvable_references_point_at_file_and_pointer() {
    let d = load("unresolvable").err().expect("errors");
    let text = d.to_string();
    let lines: Vec<String> = d.iter().filter(|d| d.severity == cloudgen::diag::Severity::Error).map(|d| format!("{}: {}", d.source, d.message)).collect();
    assert!(text.contains("unresolvable/spec.yaml#/paths/~1things/get/responses/200/content/application~1json/schema/$ref"), "{text}");
    assert!(text.contains("models/missing.yml"), "{text}");
    assert!(text.contains("spec2.yaml#/nowhere"), "{text}");
    insta::assert_json_snapshot!("unresolvable.errors", lines);
}

/// Without the input's path (bytes only) a relative file reference cannot be followed: it
/// says so instead of guessing.
#[test]
fn references_need_the_input_path() {
    let (path, display) = spec_of("multi-file");
    let bytes = std::fs::read(path).unwrap();
    let d = frontends::load_bytes(&bytes, &display, None, &Overrides::default()).err().expect("errors");
    assert!(d.to_string().contains("relative file references cannot be followed"), "{d}");
}

/// Odd and hostile inputs give diagnostics, never a panic.
#[test]
fn never_panics() {
    let cases: &[&str] = &[
        r##"{"openapi":"3.0.0"}"##,
        r##"{"openapi":"9.0.0","info":{"title":"x","version":"1"},"paths":{}}"##,
        r##"{"swagger":"2.0","paths":{"/a":{"get":{"parameters":[{"in":"body"}],"responses":{"200":{"schema":{"items":[]}}}}}}}"##,
        r##"{"openapi":"3.0.0","info":{"title":"","version":""},"paths":{"/{x}":{"get":{"responses":{"200":{"description":"","content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}},"put":{"responses":{}}}},"components":{"schemas":{"A":{"$ref":"#/components/schemas/A"}}}}"##,
        r##"{"openapi":"3.1.0","info":{"title":"!!","version":""},"paths":{"/":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":["null"],"properties":{"":{"type":"string"},"%":{}}}}}},"responses":{"default":{"description":""}}}}}}"##,
        r##"{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"","content":{"application/json":{"schema":{"type":"object","required":true,"properties":{"n":{"type":"integer","enum":[1,"x"],"minimum":"low"}}}}}}}}}}}"##,
        r##"[]"##,
    ];
    for (i, c) in cases.iter().enumerate() {
        let r = frontends::load_bytes(c.as_bytes(), &format!("case{i}.json"), Some(Format::Openapi), &Overrides::default());
        if let Err(d) = r {
            assert!(!d.is_empty(), "case {i}: an error without diagnostics");
        }
    }
}

/// Same input, byte-identical IR.
#[test]
fn lowering_is_deterministic() {
    for feature in ["multi-file", "kubernetes", "collection-post"] {
        let a = serde_json::to_string(&lower_fixture(feature).package).unwrap();
        let b = serde_json::to_string(&lower_fixture(feature).package).unwrap();
        assert_eq!(a, b, "{feature}");
    }
}

/// The OpenAPI specs of the corpus: every root spec (for DigitalOcean, its one root file).
fn corpus_specs() -> Option<(PathBuf, Vec<PathBuf>)> {
    let c = common::corpus()?;
    let dir = c.join("openapi");
    if !dir.is_dir() {
        common::skip(&format!("no openapi/ in the corpus at {}", c.display()));
        return None;
    }
    let mut specs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).expect("read corpus").flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    entries.sort();
    for d in entries {
        let root = d.join("specification/DigitalOcean-public.v2.yaml");
        if root.is_file() {
            specs.push(root);
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .expect("read corpus dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && ["json", "yaml", "yml"].iter().any(|x| p.extension().is_some_and(|e| e == *x)))
            .collect();
        files.sort();
        specs.extend(files);
    }
    Some((c, specs))
}

fn load_corpus(corpus: &Path, path: &Path) -> Package {
    let display = path.strip_prefix(corpus).unwrap_or(path).to_string_lossy().to_string();
    let mut v = frontends::load(path, &display, None, &Overrides::default()).unwrap_or_else(|d| panic!("{display}:\n{d}"));
    v.remove(0).package
}

#[test]
fn corpus_specs_ingest_and_generate_all_four_sdks() {
    let Some((corpus, specs)) = corpus_specs() else { return };
    let targets: Vec<Box<dyn Target>> = vec![Box::new(TypeScript), Box::new(Python), Box::new(Go), Box::new(Java)];
    let overrides = Overrides::default();
    let opts = Options { from: None, overrides: &overrides, targets: &targets, templates: None, parallel: true, on_file: None };
    let mut failures = Vec::new();
    println!("{:<70} {:>5} {:>5} {:>6} {:>6} {:>7}", "spec", "res", "fns", "types", "warn", "files");
    for path in &specs {
        let display = path.strip_prefix(&corpus).unwrap_or(path).to_string_lossy().to_string();
        let input = Input { path: path.clone(), display: display.clone() };
        let loaded = match driver::load_all(std::slice::from_ref(&input), None, &overrides, true) {
            Ok(l) => l,
            Err(d) => {
                failures.push(format!("{display}:\n{d}"));
                continue;
            }
        };
        let p = &loaded.packages[0];
        match driver::render(&loaded.packages, &opts) {
            Ok(files) => {
                println!("{display:<70} {:>5} {:>5} {:>6} {:>6} {:>7}", p.resources.len(), p.functions.len(), p.types.len(), loaded.warnings.len(), files.len())
            }
            Err(d) => failures.push(format!("{display} (render):\n{d}")),
        }
    }
    assert!(failures.is_empty(), "{} spec(s) failed:\n{}", failures.len(), failures.join("\n"));
}

fn rest_ops(r: &Resource) -> Vec<String> {
    let Some(Lifecycle::Rest { create, read, update, delete, .. }) = &r.lifecycle else { return Vec::new() };
    [("create", create), ("read", read), ("update", update), ("delete", delete)]
        .into_iter()
        .filter_map(|(k, o)| o.as_ref().map(|o| format!("{k} {} {}", o.method, o.path)))
        .collect()
}

fn find<'p>(p: &'p Package, name: &str) -> &'p Resource {
    p.resources
        .iter()
        .find(|r| r.token.name == name)
        .unwrap_or_else(|| panic!("no resource {name}; have {:?}", p.resources.iter().map(|r| r.token.to_string()).collect::<Vec<_>>()))
}

#[test]
fn powerdns_resources_have_the_right_operations() {
    let Some((corpus, _)) = corpus_specs() else { return };
    let p = load_corpus(&corpus, &corpus.join("openapi/powerdns/authoritative-api-swagger.yaml"));
    let zones = "/servers/{server_id}/zones";
    let expect: &[(&str, Vec<String>)] = &[
        (
            "Zone",
            vec![
                format!("create POST {zones}"),
                format!("read GET {zones}/{{zone_id}}"),
                format!("update PUT {zones}/{{zone_id}}"),
                format!("delete DELETE {zones}/{{zone_id}}"),
            ],
        ),
        (
            "Metadata",
            vec![
                format!("create POST {zones}/{{zone_id}}/metadata"),
                format!("read GET {zones}/{{zone_id}}/metadata/{{metadata_kind}}"),
                format!("update PUT {zones}/{{zone_id}}/metadata/{{metadata_kind}}"),
                format!("delete DELETE {zones}/{{zone_id}}/metadata/{{metadata_kind}}"),
            ],
        ),
        (
            "Cryptokey",
            vec![
                format!("create POST {zones}/{{zone_id}}/cryptokeys"),
                format!("read GET {zones}/{{zone_id}}/cryptokeys/{{cryptokey_id}}"),
                format!("update PUT {zones}/{{zone_id}}/cryptokeys/{{cryptokey_id}}"),
                format!("delete DELETE {zones}/{{zone_id}}/cryptokeys/{{cryptokey_id}}"),
            ],
        ),
        (
            "Tsigkey",
            vec![
                "create POST /servers/{server_id}/tsigkeys".into(),
                "read GET /servers/{server_id}/tsigkeys/{tsigkey_id}".into(),
                "update PUT /servers/{server_id}/tsigkeys/{tsigkey_id}".into(),
                "delete DELETE /servers/{server_id}/tsigkeys/{tsigkey_id}".into(),
            ],
        ),
    ];
    for (name, ops) in expect {
        let r = find(&p, name);
        assert_eq!(&rest_ops(r), ops, "{name}");
        assert!(r.inputs.iter().any(|i| i.name.wire == "server_id" && i.required), "{name}: the parent server_id is an input");
    }
    assert!(find(&p, "Metadata").inputs.iter().any(|i| i.name.wire == "zone_id"), "Metadata: the parent zone is an input");
}

#[test]
fn every_kubernetes_kind_with_a_lifecycle_is_a_resource() {
    let Some((corpus, _)) = corpus_specs() else { return };
    let path = corpus.join("openapi/kubernetes/swagger.json");
    let p = load_corpus(&corpus, &path);
    // Kinds with a create (`post`) and a read (`get`) by name, from the spec itself.
    let spec: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut creatable = std::collections::BTreeSet::new();
    let mut readable = std::collections::BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (_, op) in item.as_object().unwrap() {
            let (Some(action), Some(gvk)) = (op.get("x-kubernetes-action").and_then(|a| a.as_str()), op.get("x-kubernetes-group-version-kind")) else {
                continue;
            };
            let g = gvk["group"].as_str().unwrap_or("");
            let group = if g.is_empty() { "core" } else { g.split('.').next().unwrap() };
            let key = format!("{group}/{}:{}", gvk["version"].as_str().unwrap(), gvk["kind"].as_str().unwrap());
            if action == "post" && !path.ends_with('}') {
                creatable.insert((key.clone(), path.clone()));
            }
            if action == "get" && path.ends_with("{name}") {
                readable.insert((key, path.rsplit_once('/').unwrap().0.to_string()));
            }
        }
    }
    let have: std::collections::BTreeSet<String> = p.resources.iter().map(|r| format!("{}:{}", r.token.module, r.token.name)).collect();
    let mut missing = Vec::new();
    for (key, coll) in &creatable {
        if readable.contains(&(key.clone(), coll.clone())) && !have.contains(key) {
            missing.push(key.clone());
        }
    }
    assert!(missing.is_empty(), "kinds without a resource: {missing:?}");
    for must in ["core/v1:Pod", "core/v1:Namespace", "apps/v1:Deployment", "rbac/v1:ClusterRole", "core/v1:Node", "apiextensions/v1:CustomResourceDefinition"] {
        assert!(have.contains(must), "{must}");
    }
    let pod = find(&p, "Pod");
    assert!(pod.inputs.iter().any(|i| i.name.wire == "namespace" && i.required), "namespaced kinds take their namespace");
    assert!(!find(&p, "Namespace").inputs.iter().any(|i| i.name.wire == "namespace"), "cluster-scoped kinds do not");
    assert!(p.resources.iter().all(|r| r.token.module.contains("/v")), "every kind has a group/version module");
}

#[test]
fn digitalocean_core_products_are_resources() {
    let Some((corpus, _)) = corpus_specs() else { return };
    let p = load_corpus(&corpus, &corpus.join("openapi/digitalocean/specification/DigitalOcean-public.v2.yaml"));
    let have: Vec<String> = p.resources.iter().map(|r| r.token.to_string()).collect();
    for (module, name, create) in [
        ("droplets", "Droplet", "POST /v2/droplets"),
        ("blockStorage", "Volume", "POST /v2/volumes"),
        ("domains", "Domain", "POST /v2/domains"),
        ("domainRecords", "Record", "POST /v2/domains/{domain_name}/records"),
        ("firewalls", "Firewall", "POST /v2/firewalls"),
        ("vpcs", "Vpc", "POST /v2/vpcs"),
        ("databases", "Database", "POST /v2/databases"),
    ] {
        let r = p.resources.iter().find(|r| r.token.module == module && r.token.name == name).unwrap_or_else(|| panic!("no {module}:{name} in {have:?}"));
        let ops = rest_ops(r);
        assert_eq!(ops.first().map(String::as_str), Some(format!("create {create}").as_str()), "{name}: {ops:?}");
        assert!(ops.iter().any(|o| o.starts_with("read GET")), "{name}: {ops:?}");
    }
    let droplet = find(&p, "Droplet");
    let Some(Lifecycle::Rest { create: Some(c), id_field, .. }) = &droplet.lifecycle else { panic!() };
    assert_eq!(id_field.as_deref(), Some("id"));
    assert_eq!(serde_json::to_value(&c.id_source).unwrap(), serde_json::json!({"kind": "responseField", "pointer": "/droplet/id"}));
}
