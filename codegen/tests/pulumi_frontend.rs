//! Tests of the Pulumi package schema frontend and the Pulumi-schema writer: IR snapshots
//! of small feature-named fixtures (`tests/fixtures/pulumi/<feature>/`), a snapshot of the
//! writer's output, bad-input diagnostics, and the lossless round trip over the real
//! schemas in `../shared/corpus`.

use cloudgen::backends::pulumi_schema::{to_schema_bytes, to_schema_value};
use cloudgen::diag::Diagnostics;
use cloudgen::frontends::{load_bytes, to_json_bytes, Format};
use cloudgen::ir::builder::Finished;
use cloudgen::overrides::Overrides;
use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::repo_root;

fn fixture_path(feature: &str) -> PathBuf {
    let dir = repo_root().join("tests/fixtures/pulumi").join(feature);
    for name in ["schema.json", "schema.yaml"] {
        if dir.join(name).exists() {
            return dir.join(name);
        }
    }
    panic!("no schema.json or schema.yaml in {}", dir.display());
}

fn load(display: &str, bytes: &[u8]) -> Result<Finished, Diagnostics> {
    let mut pkgs = load_bytes(bytes, display, Some(Format::Pulumi), &Overrides::default())?;
    assert_eq!(pkgs.len(), 1);
    Ok(pkgs.remove(0))
}

fn load_fixture(feature: &str) -> Finished {
    let path = fixture_path(feature);
    let bytes = std::fs::read(&path).unwrap();
    let display = format!("{feature}/{}", path.file_name().unwrap().to_string_lossy());
    match load(&display, &bytes) {
        Ok(f) => f,
        Err(d) => panic!("{feature} did not load:\n{d}"),
    }
}

fn errors_of(display: &str, text: &str) -> Diagnostics {
    match load(display, text.as_bytes()) {
        Ok(_) => panic!("expected errors for {display}"),
        Err(d) => d,
    }
}

/// The first place where two JSON values differ, as a JSON pointer with both sides.
fn first_difference(want: &Value, got: &Value, at: &str) -> Option<String> {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            for k in a.keys().chain(b.keys()) {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                match (a.get(k), b.get(k)) {
                    (Some(x), Some(y)) => {
                        if let Some(d) = first_difference(x, y, &p) {
                            return Some(d);
                        }
                    }
                    (Some(x), None) => {
                        return Some(format!("{p}: missing in output (input has {x})"))
                    }
                    (None, Some(y)) => return Some(format!("{p}: only in output ({y})")),
                    (None, None) => {}
                }
            }
            None
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, &format!("{at}/{i}"))),
        _ if want == got => None,
        _ => Some(format!("{at}: input {want} != output {got}")),
    }
}

/// Frontend → finish → writer, compared with the input as a JSON value.
fn assert_round_trip(display: &str, bytes: &[u8]) -> Result<(), Diagnostics> {
    let (json, _) = to_json_bytes(bytes, display)?;
    let input: Value = serde_json::from_slice(&json).unwrap();
    let finished = load(display, bytes)?;
    let output = to_schema_value(&finished.package);
    if let Some(d) = first_difference(&input, &output, "") {
        panic!("{display}: round trip differs at {d}");
    }
    Ok(())
}

#[test]
fn corpus_round_trips() {
    let corpus = repo_root().join("../shared/corpus");
    let mut files = Vec::new();
    for dir in ["pulumi", "pulumi-codegen-tests"] {
        let d = corpus.join(dir);
        let Ok(entries) = std::fs::read_dir(&d) else {
            common::skip(&format!("the corpus directory {} is absent", d.display()));
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".json") || name.ends_with(".yaml") {
                files.push((format!("{dir}/{name}"), p));
            }
        }
    }
    files.sort();
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for (display, path) in &files {
        let bytes = std::fs::read(path).unwrap();
        match assert_round_trip(display, &bytes) {
            Ok(()) => ok.push(display.clone()),
            Err(d) => failed.push((display.clone(), d)),
        }
    }
    println!("{} of {} corpus schemas round-trip", ok.len(), files.len());
    // The cases that do not finish may only fail for references this package cannot
    // resolve on its own (another package's schema, or a local `$ref` naming a type of
    // another package); anything else is a regression.
    for (display, d) in &failed {
        println!("does not finish: {display} ({} errors)", d.errors());
        for e in d
            .iter()
            .filter(|e| e.severity == cloudgen::diag::Severity::Error)
        {
            let expected = e.message.contains("cannot be resolved offline")
                || e.message.contains("names no type of this schema");
            assert!(expected, "{display}: unexpected error: {e}");
        }
    }
    assert!(
        ok.len() >= 60,
        "only {} corpus schemas round-trip",
        ok.len()
    );
}

// ---------------------------------------------------------------------------------------
// IR snapshots of the feature fixtures; each fixture also round-trips.

macro_rules! ir_snapshot {
    ($test:ident, $feature:literal) => {
        #[test]
        fn $test() {
            let finished = load_fixture($feature);
            insta::assert_json_snapshot!(
                concat!("ir_", $feature),
                serde_json::to_value(&finished.package).unwrap()
            );
            let path = fixture_path($feature);
            assert_round_trip($feature, &std::fs::read(path).unwrap()).unwrap();
        }
    };
}

ir_snapshot!(ir_primitives, "primitives");
ir_snapshot!(ir_enums, "enums");
ir_snapshot!(ir_unions, "unions");
ir_snapshot!(ir_secrets, "secrets");
ir_snapshot!(ir_deprecations, "deprecations");
ir_snapshot!(ir_keywords, "keywords");
ir_snapshot!(ir_collisions, "collisions");
ir_snapshot!(ir_docs_escaping, "docs-escaping");
ir_snapshot!(ir_functions, "functions");
ir_snapshot!(ir_yaml_anchors, "yaml-anchors");

#[test]
fn writer_output_snapshot() {
    let finished = load_fixture("secrets");
    let bytes = to_schema_bytes(&finished.package);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.ends_with("}\n"), "trailing newline");
    insta::assert_snapshot!("writer_secrets", text);
}

#[test]
fn writer_is_deterministic() {
    let a = to_schema_bytes(&load_fixture("primitives").package);
    let b = to_schema_bytes(&load_fixture("primitives").package);
    assert_eq!(a, b);
}

#[test]
fn lowering_facts() {
    use cloudgen::ir::{FunctionResult, Primitive, TypeDef, TypeRef};
    let pkg = load_fixture("primitives").package;
    let kitchen = &pkg.resources[0];
    let input = |n: &str| kitchen.inputs.iter().find(|p| p.name.wire == n).unwrap();
    assert_eq!(
        input("untypedMap").ty,
        TypeRef::map(TypeRef::string()),
        "an object without additionalProperties is a map of strings"
    );
    assert!(
        matches!(input("viaProvider").ty, TypeRef::Resource { ref token } if token.to_string() == "pulumi:providers:prims")
    );
    assert!(input("aBoolean").plain);
    assert!(input("aString").required && input("inner").required && !input("strings").required);
    assert_eq!(
        input("innerWithType").extra.get("type"),
        Some(&serde_json::json!("object")),
        "a `type` next to `$ref` is kept raw"
    );

    let enums = load_fixture("enums").package;
    let TypeDef::Enum(color) = enums
        .types
        .values()
        .find(|t| t.token().name == "Color")
        .unwrap()
    else {
        panic!("Color is an enum")
    };
    assert_eq!(color.primitive, Primitive::String);
    assert_eq!(
        color.values[1].ident.words,
        vec!["green", "light"],
        "unnamed members are named from their value"
    );

    let fns = load_fixture("functions").package;
    let f = |n: &str| fns.functions.iter().find(|f| f.token.name == n).unwrap();
    assert!(matches!(
        &f("getPlainNumber").outputs,
        Some(FunctionResult::Value {
            ty: TypeRef::Primitive {
                primitive: Primitive::Number
            },
            ..
        })
    ));
    assert!(matches!(
        &f("getObject").outputs,
        Some(FunctionResult::Object { .. })
    ));
    assert!(f("noArgsNoResult").inputs.is_none() && f("noArgsNoResult").outputs.is_none());
    assert_eq!(f("getPlainNumber").multi_argument_inputs, vec!["a", "b"]);
}

// ---------------------------------------------------------------------------------------
// Bad input: every diagnostic points at the offending JSON.

#[test]
fn malformed_json_is_reported_with_a_position() {
    let d = errors_of("bad.json", r#"{"name": "x", "resources": {"#);
    assert!(d.to_string().contains("line 1 column"), "{d}");
}

#[test]
fn wrongly_typed_value_has_a_pointer() {
    let d = errors_of(
        "bad.json",
        r#"{"name": "x", "resources": {"x:index:R": {"inputProperties": {"a": {"type": "string", "secret": "yes"}}}}}"#,
    );
    let text = d.to_string();
    assert!(
        text.contains("bad.json#/resources/x:index:R/inputProperties/a/secret"),
        "{text}"
    );
}

#[test]
fn dangling_ref_has_the_ref_pointer() {
    let d = errors_of(
        "bad.json",
        r##"{"name": "x", "resources": {"x:index:R": {"properties": {"a": {"type": "array", "items": {"$ref": "#/types/x:index:Missing"}}}}}}"##,
    );
    assert_eq!(d.errors(), 1, "{d}");
    let text = d.to_string();
    assert!(
        text.contains("bad.json#/resources/x:index:R/properties/a/items/$ref"),
        "{text}"
    );
    assert!(text.contains("x:index:Missing"), "{text}");
}

#[test]
fn duplicate_token_is_reported_at_the_duplicate() {
    let d = errors_of(
        "bad.json",
        r#"{"name": "x", "types": {"x:index:T": {"type": "object"}, "x:index:T": {"type": "object"}}}"#,
    );
    let text = d.to_string();
    assert!(text.contains("bad.json#/types/x:index:T"), "{text}");
    assert!(text.contains("duplicate key `x:index:T`"), "{text}");
}

#[test]
fn one_error_per_distinct_external_ref() {
    let schema = r##"{
      "name": "x",
      "resources": {
        "x:index:R": {
          "inputProperties": {
            "a": {"$ref": "/aws/v5.4.0/schema.json#/resources/aws:ec2%2FsecurityGroup:SecurityGroup"},
            "b": {"type": "array", "items": {"$ref": "/aws/v5.4.0/schema.json#/resources/aws:ec2%2FsecurityGroup:SecurityGroup"}},
            "c": {"$ref": "https://example.com/schema.json#/types/other:index:T"}
          }
        }
      }
    }"##;
    let d = errors_of("ext.json", schema);
    assert_eq!(d.errors(), 2, "{d}");
    let text = d.to_string();
    assert!(
        text.contains("ext.json#/resources/x:index:R/inputProperties/a/$ref"),
        "{text}"
    );
    assert!(text.contains("`/aws/v5.4.0/schema.json#/resources/aws:ec2%2FsecurityGroup:SecurityGroup` (and 1 more place)"), "{text}");
    assert!(
        text.contains("ext.json#/resources/x:index:R/inputProperties/c/$ref"),
        "{text}"
    );
    assert!(
        text.contains("https://example.com/schema.json#/types/other:index:T"),
        "{text}"
    );
    assert!(text.contains("help: "), "{text}");
}

#[test]
fn bad_types_are_errors_not_panics() {
    for (schema, needle) in [
        (
            r#"{"name": "x", "types": {"x:index:T": {"type": "object", "properties": {"a": {"type": "array"}}}}}"#,
            "/types/x:index:T/properties/a/type",
        ),
        (
            r#"{"name": "x", "types": {"x:index:T": {"type": "object", "properties": {"a": {"type": "tuple"}}}}}"#,
            "unknown type `tuple`",
        ),
        (
            r#"{"name": "x", "types": {"x:index:T": {"type": "object", "properties": {"a": {}}}}}"#,
            "no `type`, `$ref` or `oneOf`",
        ),
        (
            r#"{"name": "x", "types": {"x:index:E": {"type": "integer", "enum": [{"value": "one"}]}}}"#,
            "/types/x:index:E/enum/0/value",
        ),
        (
            r#"{"name": "x", "types": {"x:index:E": {"type": "string"}}}"#,
            "but no `enum`",
        ),
        (
            r#"{"name": "x", "types": {"not-a-token": {"type": "object"}}}"#,
            "not a valid type token",
        ),
        (
            r##"{"name": "x", "types": {"x:index:T": {"type": "object", "properties": {"a": {"$ref": "#/nowhere"}}}}}"##,
            "unsupported `$ref`",
        ),
        (r#"{"types": {}}"#, "missing field `name`"),
    ] {
        let d = errors_of("bad.json", schema);
        assert!(d.to_string().contains(needle), "want {needle:?} in:\n{d}");
    }
}

// ---------------------------------------------------------------------------------------
// The writer on IR that did not come from a Pulumi schema (as `cloudgen schema` does for
// a Terraform provider): plain, valid, and a fixpoint through the Pulumi frontend.

#[test]
fn writer_handles_ir_from_other_frontends() {
    use cloudgen::diag::SourceRef;
    use cloudgen::ir::{InlineObject, PackageBuilder, Property, Resource, Token, TypeRef};
    let src = |p: &str| SourceRef::new("tf.json", p);
    let mut b = PackageBuilder::new("mini", src(""));
    b.meta_mut().module_format = "(.*)(?:/[^/]*)".into();
    let mut region = Property::new("region", TypeRef::string(), src("/config/region"));
    region.required = true;
    b.add_config(region);
    let mut r = Resource::new(Token::new("mini", "dns/record", "Record"), src("/r"));
    let ttl = Property::new("ttl", TypeRef::integer(), src("/r/ttl"));
    let block = TypeRef::inline(InlineObject {
        name_hint: None,
        docs: Some("Settings.".into()),
        properties: vec![ttl],
        source: src("/r/s"),
    });
    r.inputs.push(Property::new(
        "settings",
        TypeRef::array(block.clone()),
        src("/r/i"),
    ));
    r.outputs.push(Property::new(
        "settings",
        TypeRef::array(block),
        src("/r/o"),
    ));
    b.add_resource(r);
    let pkg = b.finish().map_err(|d| d.to_string()).unwrap().package;

    let v = to_schema_value(&pkg);
    let ty = &v["types"]["mini:dns/RecordSettings:RecordSettings"];
    assert_eq!(ty["type"], "object", "{v:#}");
    assert_eq!(
        v["resources"]["mini:dns/record:Record"]["inputProperties"]["settings"]["items"]["$ref"],
        "#/types/mini:dns/RecordSettings:RecordSettings"
    );
    assert_eq!(
        v["provider"]["inputProperties"]["region"]["type"], "string",
        "provider comes from config"
    );
    assert_eq!(
        v["provider"]["requiredInputs"],
        serde_json::json!(["region"])
    );
    assert_eq!(v["config"]["required"], serde_json::json!(["region"]));
    assert_eq!(v["meta"]["moduleFormat"], "(.*)(?:/[^/]*)");
    insta::assert_json_snapshot!("writer_from_builder", v);

    // Read back through the Pulumi frontend: it loads, and writes the same schema again.
    let bytes = to_schema_bytes(&pkg);
    let again = load("written.json", &bytes).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(to_schema_value(&again.package), v);
}
