//! `cloudgen diff`: one before/after case per rule (every rule in the catalog must be hit by
//! a case), the CLI's formats and exit codes, and real pairs from the corpus whose Markdown
//! reports are snapshots (docker 3.1.0 → 4.0.0-alpha.0; AWS 4.15.1 → 5.100.0, Terraform).

mod common;

use cloudgen::diff::{self, rules, Report};
use cloudgen::ir::Package;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

/// A small Pulumi schema every case edits.
fn base() -> Value {
    json!({
        "name": "shop",
        "version": "1.0.0",
        "config": {
            "variables": { "region": { "type": "string" }, "token": { "type": "string", "secret": true } },
        },
        "types": {
            "shop:index:Size": { "type": "string", "enum": [{ "value": "S" }, { "value": "M" }, { "value": "L" }] },
            "shop:index:Spec": {
                "type": "object",
                "properties": { "color": { "type": "string" }, "weight": { "type": "number" } },
                "required": ["color"],
            },
            "shop:index:Receipt": {
                "type": "object",
                "properties": { "total": { "type": "number" } },
                "required": ["total"],
            },
        },
        "resources": {
            "shop:index:Order": {
                "inputProperties": {
                    "item": { "type": "string" },
                    "count": { "type": "integer" },
                    "size": { "$ref": "#/types/shop:index:Size" },
                    "spec": { "$ref": "#/types/shop:index:Spec" },
                    "notes": { "type": "string" },
                },
                "requiredInputs": ["item"],
                "properties": {
                    "item": { "type": "string" },
                    "count": { "type": "integer" },
                    "size": { "$ref": "#/types/shop:index:Size" },
                    "spec": { "$ref": "#/types/shop:index:Spec" },
                    "notes": { "type": "string" },
                    "receipt": { "$ref": "#/types/shop:index:Receipt" },
                    "status": { "type": "string" },
                },
                "required": ["item", "status", "receipt"],
            },
            "shop:index:Basket": { "inputProperties": { "label": { "type": "string" } }, "properties": { "label": { "type": "string" } } },
        },
        "functions": {
            "shop:index:getOrder": {
                "inputs": { "properties": { "id": { "type": "string" } }, "required": ["id"] },
                "outputs": { "properties": { "item": { "type": "string" } }, "required": ["item"] },
            },
        },
    })
}

fn load(schema: &Value) -> Package {
    let bytes = serde_json::to_vec(schema).expect("JSON");
    let mut finished = cloudgen::frontends::load_bytes(&bytes, "case.json", None, &Default::default())
        .unwrap_or_else(|d| panic!("the case does not load: {d:?}"));
    assert_eq!(finished.len(), 1);
    finished.remove(0).package
}

fn report(edit: impl Fn(&mut Value)) -> Report {
    let old = base();
    let mut new = base();
    edit(&mut new);
    compare(&load(&old), &load(&new))
}

/// The IR comparison and every SDK language's names, as `cloudgen diff` runs them.
fn compare(old: &Package, new: &Package) -> Report {
    let languages: Vec<_> = cloudgen::backends::ALL_LANGUAGES.iter().filter_map(|l| cloudgen::backends::target_by_name(l)).collect();
    diff::compare_with_languages(old, new, &languages).unwrap_or_else(|d| panic!("a language cannot name the case: {d:?}"))
}

/// (rule id, path) of every change.
fn found(r: &Report) -> BTreeSet<(String, String)> {
    r.changes.iter().map(|c| (c.rule.id.to_string(), c.path.clone())).collect()
}

fn order(v: &mut Value) -> &mut Value {
    &mut v["resources"]["shop:index:Order"]
}

/// Each case: a name, an edit of the base schema, and the (rule, path) it must report.
type Case = (&'static str, fn(&mut Value), &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    ("no change", |_| {}, &[]),
    ("resource removed", |v| { v["resources"].as_object_mut().unwrap().remove("shop:index:Basket"); }, &[("resource-removed", "")]),
    ("resource added", |v| { v["resources"]["shop:index:Cart"] = json!({}); }, &[("resource-added", "")]),
    ("resource moved", |v| {
        let b = v["resources"].as_object_mut().unwrap().remove("shop:index:Basket").unwrap();
        v["resources"]["shop:cart:Basket"] = b;
    }, &[("resource-moved", "")]),
    ("function removed", |v| { v["functions"].as_object_mut().unwrap().remove("shop:index:getOrder"); }, &[("function-removed", "")]),
    ("function added", |v| { v["functions"]["shop:index:getBasket"] = json!({}); }, &[("function-added", "")]),
    ("function moved", |v| {
        let f = v["functions"].as_object_mut().unwrap().remove("shop:index:getOrder").unwrap();
        v["functions"]["shop:orders:getOrder"] = f;
    }, &[("function-moved", "")]),
    ("function lost its arguments object", |v| {
        v["functions"]["shop:index:getOrder"].as_object_mut().unwrap().remove("inputs");
    }, &[("function-signature-changed", "args"), ("input-removed", "args.id")]),
    ("a type nothing references is added (backwards: removed)", |v| {
        v["types"]["shop:index:Coupon"] = json!({ "type": "object", "properties": { "code": { "type": "string" } } });
    }, &[("type-added", "")]),
    ("input removed", |v| {
        order(v)["inputProperties"].as_object_mut().unwrap().remove("notes");
    }, &[("input-removed", "inputs.notes")]),
    ("input added, required", |v| {
        order(v)["inputProperties"]["owner"] = json!({ "type": "string" });
        order(v)["requiredInputs"] = json!(["item", "owner"]);
    }, &[("input-added-required", "inputs.owner")]),
    ("input added, optional", |v| { order(v)["inputProperties"]["gift"] = json!({ "type": "boolean" }); }, &[("input-added", "inputs.gift")]),
    ("input became required", |v| { order(v)["requiredInputs"] = json!(["item", "notes"]); }, &[("input-became-required", "inputs.notes")]),
    ("input became optional", |v| { order(v)["requiredInputs"] = json!([]); }, &[("input-became-optional", "inputs.item")]),
    ("output removed", |v| { order(v)["properties"].as_object_mut().unwrap().remove("status"); }, &[("output-removed", "outputs.status")]),
    ("output added", |v| { order(v)["properties"]["eta"] = json!({ "type": "string" }); }, &[("output-added", "outputs.eta")]),
    ("output became optional", |v| { order(v)["required"] = json!(["item", "receipt"]); }, &[("output-became-optional", "outputs.status")]),
    ("output became required", |v| { order(v)["required"] = json!(["item", "status", "receipt", "notes"]); }, &[("output-became-required", "outputs.notes")]),
    ("scalar became a list", |v| {
        order(v)["inputProperties"]["notes"] = json!({ "type": "array", "items": { "type": "string" } });
        order(v)["properties"]["notes"] = json!({ "type": "array", "items": { "type": "string" } });
    }, &[("type-changed", "inputs.notes"), ("type-changed", "outputs.notes")]),
    ("object became a list of it (max-items-one)", |v| {
        order(v)["inputProperties"]["spec"] = json!({ "type": "array", "items": { "$ref": "#/types/shop:index:Spec" } });
    }, &[("type-changed", "inputs.spec")]),
    ("integer became number", |v| { order(v)["inputProperties"]["count"] = json!({ "type": "number" }); }, &[("integer-became-number", "inputs.count")]),
    ("number became integer", |v| {
        v["types"]["shop:index:Spec"]["properties"]["weight"] = json!({ "type": "integer" });
    }, &[("number-became-integer", "weight")]),
    ("type removed (still used by a kept member)", |v| {
        v["types"].as_object_mut().unwrap().remove("shop:index:Receipt");
        order(v)["properties"]["receipt"] = json!({ "type": "string" });
    }, &[("type-removed", ""), ("type-changed", "outputs.receipt")]),
    ("type added and used", |v| {
        v["types"]["shop:index:Gift"] = json!({ "type": "object", "properties": { "note": { "type": "string" } } });
        order(v)["inputProperties"]["gift"] = json!({ "$ref": "#/types/shop:index:Gift" });
    }, &[("type-added", ""), ("input-added", "inputs.gift")]),
    ("type kind changed", |v| {
        v["types"]["shop:index:Size"] = json!({ "type": "object", "properties": { "s": { "type": "string" } } });
    }, &[("type-kind-changed", "")]),
    ("property added to an input type, required", |v| {
        v["types"]["shop:index:Spec"]["properties"]["fabric"] = json!({ "type": "string" });
        v["types"]["shop:index:Spec"]["required"] = json!(["color", "fabric"]);
    }, &[("input-added-required", "fabric")]),
    ("property added to an output type", |v| {
        v["types"]["shop:index:Receipt"]["properties"]["tax"] = json!({ "type": "number" });
    }, &[("output-added", "tax")]),
    ("enum value removed and added", |v| {
        v["types"]["shop:index:Size"]["enum"] = json!([{ "value": "S" }, { "value": "M" }, { "value": "XL" }]);
    }, &[("enum-value-removed", "values.\"L\""), ("enum-value-added", "values.\"XL\"")]),
    ("became secret", |v| {
        order(v)["inputProperties"]["notes"]["secret"] = json!(true);
        order(v)["properties"]["notes"]["secret"] = json!(true);
    }, &[("became-secret", "inputs.notes")]),
    ("no longer secret (config)", |v| { v["config"]["variables"]["token"] = json!({ "type": "string" }); }, &[("no-longer-secret", "token")]),
    ("became replace-on-change", |v| { order(v)["inputProperties"]["item"]["willReplaceOnChanges"] = json!(true); }, &[("became-replace-on-change", "inputs.item")]),
    // Run backwards by `every_rule_is_exercised`: no-longer-replace-on-change.
    ("replace-on-change on a second input", |v| {
        order(v)["inputProperties"]["notes"]["willReplaceOnChanges"] = json!(true);
    }, &[("became-replace-on-change", "inputs.notes")]),
    ("resource deprecated", |v| { order(v)["deprecationMessage"] = json!("use Cart"); }, &[("deprecated", "")]),
    ("property deprecated", |v| {
        order(v)["inputProperties"]["notes"]["deprecationMessage"] = json!("gone soon");
        order(v)["properties"]["notes"]["deprecationMessage"] = json!("gone soon");
    }, &[("deprecated", "inputs.notes")]),
    ("config removed", |v| { v["config"]["variables"].as_object_mut().unwrap().remove("region"); }, &[("config-removed", "region")]),
    ("config added, required", |v| {
        v["config"]["variables"]["account"] = json!({ "type": "string" });
        v["config"]["required"] = json!(["account"]);
    }, &[("config-added-required", "account")]),
    ("config added", |v| { v["config"]["variables"]["retries"] = json!({ "type": "integer" }); }, &[("config-added", "retries")]),
    ("config became required", |v| { v["config"]["required"] = json!(["region"]); }, &[("config-became-required", "region")]),
    ("function argument became required", |v| {
        v["functions"]["shop:index:getOrder"]["inputs"]["properties"]["verbose"] = json!({ "type": "boolean" });
        v["functions"]["shop:index:getOrder"]["inputs"]["required"] = json!(["id", "verbose"]);
    }, &[("input-added-required", "args.verbose")]),
    ("function result lost a field", |v| {
        v["functions"]["shop:index:getOrder"]["outputs"]["properties"].as_object_mut().unwrap().remove("item");
        v["functions"]["shop:index:getOrder"]["outputs"]["required"] = json!([]);
    }, &[("output-removed", "result.item")]),
    // Go keeps types and resources in one namespace: a new resource named like an existing
    // type moves the type to `ReceiptType` there, and nowhere else.
    ("a new resource takes a type's name in one language", |v| {
        v["resources"]["shop:index:Receipt"] = json!({});
    }, &[("resource-added", ""), ("name-changed", "")]),
    ("package renamed", |v| {
        let s = serde_json::to_string(v).unwrap().replace("shop:", "store:").replace("\"shop\"", "\"store\"");
        *v = serde_json::from_str(&s).unwrap();
    }, &[("package-renamed", "")]),
];

#[test]
fn each_case_reports_exactly_its_rules() {
    for (name, edit, expected) in CASES {
        let r = report(edit);
        let got = found(&r);
        let want: BTreeSet<(String, String)> = expected.iter().map(|(r, p)| (r.to_string(), p.to_string())).collect();
        assert_eq!(got, want, "case `{name}`:\n{}", diff::render::text_report(&r, false));
    }
}

/// Every rule of the catalog is exercised by a case above, except the inverse rules a
/// case reaches by swapping old and new (checked here by running the cases backwards).
#[test]
fn every_rule_is_exercised() {
    let mut hit: BTreeSet<&str> = BTreeSet::new();
    for (_, edit, _) in CASES {
        let old = load(&base());
        let mut v = base();
        edit(&mut v);
        let new = load(&v);
        for r in [compare(&old, &new), compare(&new, &old)] {
            hit.extend(r.changes.iter().map(|c| c.rule.id));
        }
    }
    let missing: Vec<&str> = rules::ALL.iter().map(|r| r.id).filter(|id| !hit.contains(id)).collect();
    assert!(missing.is_empty(), "rules no case exercises: {missing:?}");
}

#[test]
fn severities_order_the_exit_status() {
    let r = report(|v| {
        v["resources"].as_object_mut().unwrap().remove("shop:index:Basket");
    });
    assert_eq!(r.worst(), Some(rules::Severity::Breaking));
    assert_eq!(report(|_| {}).worst(), None);
}

// ---------------------------------------------------------------------------------------
// The CLI.
// ---------------------------------------------------------------------------------------

fn cloudgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudgen")).args(args).output().expect("cloudgen runs")
}

fn write(dir: &Path, name: &str, v: &Value) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn cli_exit_codes_and_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let old = write(tmp.path(), "old.json", &base());
    let mut v = base();
    order(&mut v)["inputProperties"].as_object_mut().unwrap().remove("notes");
    order(&mut v)["inputProperties"]["notes2"] = json!({ "type": "string", "secret": true });
    let breaking = write(tmp.path(), "breaking.json", &v);
    let mut w = base();
    order(&mut w)["deprecationMessage"] = json!("use Cart");
    let warning = write(tmp.path(), "warning.json", &w);

    let o = cloudgen(&["diff", &old, &old]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 breaking, 0 warning, 0 info"));

    let o = cloudgen(&["diff", &old, &breaking]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("resource shop:index:Order") && text.contains("input-removed") && text.contains("inputs.notes"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when stdout is not a terminal");
    assert_eq!(cloudgen(&["diff", &old, &breaking, "--fail-on", "never"]).status.code(), Some(0));

    assert_eq!(cloudgen(&["diff", &old, &warning]).status.code(), Some(0));
    assert_eq!(cloudgen(&["diff", &old, &warning, "--fail-on", "warning"]).status.code(), Some(1));

    let o = cloudgen(&["diff", &old, &breaking, "--format", "json"]);
    let j: Value = serde_json::from_slice(&o.stdout).expect("JSON report");
    assert_eq!(j["summary"]["breaking"], 1);
    let rules: Vec<&str> = j["changes"].as_array().unwrap().iter().map(|c| c["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["input-removed", "input-added"], "{j}");
    assert_eq!(j["changes"][0]["severity"], "breaking");

    let o = cloudgen(&["diff", &old, &breaking, "--format", "markdown"]);
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.starts_with("### `shop` 1.0.0 → 1.0.0\n") && md.contains("#### Breaking changes (1)"), "{md}");

    // Bad input: exit 2, a located diagnostic, nothing on stdout.
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "{\"name\": 3}").unwrap();
    let o = cloudgen(&["diff", &old, bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.json"), "{o:?}");
}

/// Across formats: a Terraform schema against the Pulumi schema cloudgen writes from it
/// compares clean (the writer is lossless for everything users see).
#[test]
fn terraform_against_its_own_pulumi_schema_is_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let root = common::repo_root();
    let tf = root.join("schemas/minidns.tf.json");
    let overrides = root.join("schemas/overrides.yaml");
    let schema = tmp.path().join("minidns.json");
    let (tf, overrides, schema) = (tf.to_str().unwrap(), overrides.to_str().unwrap(), schema.to_str().unwrap());
    assert_eq!(cloudgen(&["schema", tf, "--overrides", overrides, "-o", schema]).status.code(), Some(0));
    let o = cloudgen(&["diff", tf, schema, "--overrides", overrides, "--fail-on", "warning"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 breaking, 0 warning, 0 info"));
}

// ---------------------------------------------------------------------------------------
// Real pairs from the corpus.
// ---------------------------------------------------------------------------------------

fn corpus_pair(old: &str, new: &str) -> Option<String> {
    let corpus = common::corpus()?;
    let o = cloudgen(&[
        "diff",
        "--quiet",
        corpus.join(old).to_str().unwrap(),
        corpus.join(new).to_str().unwrap(),
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    Some(String::from_utf8(o.stdout).expect("UTF-8"))
}

#[test]
fn corpus_docker_3_to_4_alpha() {
    let Some(md) = corpus_pair("pulumi/docker-3.1.0.schema.json", "pulumi/docker-4.0.0-alpha.0.schema.json") else { return };
    insta::assert_snapshot!("docker_3.1.0_to_4.0.0-alpha.0", md);
}

#[test]
fn corpus_aws_4_15_to_5_100() {
    let Some(md) = corpus_pair("terraform/aws.json", "terraform/aws-5.100.0.json") else { return };
    assert!(md.len() < 65_536, "the report must fit a pull-request comment: {} bytes", md.len());
    insta::assert_snapshot!("aws_4.15.1_to_5.100.0", md);
}

/// A rename one language suffers names that language, and only it.
#[test]
fn name_changes_name_their_language() {
    let r = report(|v| v["resources"]["shop:index:Receipt"] = json!({}));
    let renamed: Vec<(Option<&str>, &str, &str)> = r.changes.iter().filter(|c| c.rule.id == "name-changed").map(|c| (c.language, c.subject.as_str(), c.detail.as_str())).collect();
    assert_eq!(renamed, [(Some("go"), "shop:index:Receipt", "type Receipt → ReceiptType")]);
    let text = diff::render::text_report(&r, false);
    assert!(text.contains("[go]  type Receipt → ReceiptType"), "{text}");
}
