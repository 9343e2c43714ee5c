//! Integration tests of the Java target (ARCHITECTURE.md §8, layers 2, 4, 5 and 7):
//!
//! - insta snapshots of the rendered SDK for small hand-built packages and for random;
//!   invariants every generated file must satisfy; determinism;
//! - toolchain: every generated project (schemas/*, random, tls, the fixtures and a
//!   ~600-property resource that must stay within JVM limits) compiles with javac against
//!   the published `com.pulumi:pulumi`, and the generated `pom.xml` builds with `mvn -q
//!   compile`;
//! - runtime: tests/runtime/java/<pkg>/ programs run under `com.pulumi.test` mocks;
//! - parity: tests/parity/java/<pkg>/ programs (written to the official SDKs' surface)
//!   compile against our SDK, and against the official jar when it is in ~/.m2;
//! - corpus: every corpus Pulumi schema that loads generates Java that compiles.
//!
//! The classpath is resolved once with `mvn dependency:build-classpath` on
//! tests/toolchains/java/pom.xml and cached next to the test binaries; all projects of a
//! test are compiled in one JVM by tests/toolchains/java/BatchJavac.java (javax.tools, the
//! same compiler as `javac -d OUT -cp CP @sources`). Missing `java`/`javac`/`mvn` prints why
//! the test skipped; with CI=true or CLOUDGEN_REQUIRE_TOOLS=1 it fails instead.

mod common;

use cloudgen::backends::{java::Java, ArtifactContent, Target};
use cloudgen::diag::SourceRef;
use cloudgen::ir::{
    Alias, DefaultValue, EnumType, EnumValue, Function, FunctionResult, Ident, ObjectShape,
    ObjectType, Package, PackageBuilder, Primitive, Property, Resource, Token, TypeDef, TypeRef,
    Usage,
};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

fn src(p: &str) -> SourceRef {
    SourceRef::new("fixture.json", p)
}

fn prop(wire: &str, ty: TypeRef) -> Property {
    Property::new(wire, ty, src(&format!("/p/{wire}")))
}

fn req(mut p: Property) -> Property {
    p.required = true;
    p
}

fn tok(pkg: &str, module: &str, name: &str) -> Token {
    Token::new(pkg, module, name)
}

fn object(token: Token, docs: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef::Object(ObjectType {
        token,
        module: String::new(),
        docs: docs.map(str::to_string),
        properties,
        usage: Usage::default(),
        language: Default::default(),
        extra: Default::default(),
        source: src("/types"),
    })
}

fn enumeration(
    token: Token,
    primitive: Primitive,
    values: Vec<(Option<&str>, serde_json::Value, Option<&str>)>,
) -> TypeDef {
    TypeDef::Enum(EnumType {
        token,
        module: String::new(),
        docs: Some("Colours */ with a comment closer.".into()),
        primitive,
        values: values
            .into_iter()
            .map(|(name, value, docs)| EnumValue {
                name: name.map(str::to_string),
                ident: Ident::new(
                    name.map(str::to_string)
                        .unwrap_or_else(|| value.to_string()),
                ),
                value,
                docs: docs.map(str::to_string),
                deprecation: None,
                extra: Default::default(),
            })
            .collect(),
        usage: Usage::default(),
        language: Default::default(),
        extra: Default::default(),
        source: src("/types"),
    })
}

fn finish(b: PackageBuilder) -> Package {
    match b.finish() {
        Ok(f) => f.package,
        Err(d) => panic!("fixture does not finish:\n{d:?}"),
    }
}

/// Plans and renders `pkg` with the embedded templates: path → contents.
fn render(pkg: &Package) -> BTreeMap<String, String> {
    static TERA: OnceLock<tera::Tera> = OnceLock::new();
    let tera = TERA.get_or_init(|| cloudgen::templates::load(None).expect("templates load"));
    let artifacts = Java.plan(pkg).expect("plan");
    let mut out = BTreeMap::new();
    for a in artifacts {
        let text = match a.content {
            ArtifactContent::Template { template, model } => {
                let ctx = tera::Context::from_value(model).expect("model is an object");
                tera.render(template, &ctx).unwrap_or_else(|e| {
                    panic!("{template}: {}", cloudgen::templates::error_chain(&e))
                })
            }
            ArtifactContent::Bytes(b) => String::from_utf8(b).expect("utf-8"),
        };
        assert!(
            out.insert(a.path.clone(), text).is_none(),
            "duplicate path {}",
            a.path
        );
    }
    out
}

fn bundle(files: &BTreeMap<String, String>) -> String {
    let mut s = String::new();
    for (path, text) in files {
        s.push_str(&format!("=== {path} ===\n{text}"));
        if !text.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Invariants of every generated tree: header first, safe and case-unique paths, no host
/// paths, one public top-level class per file named like the file.
fn check_invariants(files: &BTreeMap<String, String>) {
    let mut lower = std::collections::BTreeSet::new();
    for (path, text) in files {
        assert!(
            cloudgen::fileset::is_safe_relative_path(path),
            "unsafe path {path}"
        );
        assert!(
            lower.insert(path.to_lowercase()),
            "{path} differs from another path only by case"
        );
        if path.ends_with(".java") {
            assert!(
                text.starts_with("// Code generated by cloudgen. DO NOT EDIT."),
                "{path} lacks the header"
            );
            let stem = path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .trim_end_matches(".java");
            let declares = [
                format!("public class {stem} "),
                format!("public final class {stem} "),
                format!("public enum {stem} "),
            ];
            assert!(
                declares.iter().any(|d| text.contains(d.as_str())),
                "{path} does not declare {stem}"
            );
        }
        if path == "pom.xml" {
            assert!(
                text.starts_with("<!-- Code generated by cloudgen. DO NOT EDIT. -->"),
                "pom.xml lacks the header"
            );
        }
        assert!(
            !text.contains("/work/") && !text.contains("/tmp/"),
            "{path} leaks a host path"
        );
    }
}

fn write_tree(dir: &Path, files: &BTreeMap<String, String>) {
    for (p, text) in files {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

/// The kitchen sink: modules, enums of every primitive, unions, plain inputs, secrets,
/// defaults of every kind, constants, deprecations, Java keywords and reserved member names,
/// classes that would shadow `java.lang`/runtime names, and hostile docs.
fn kitchen() -> Package {
    let p = "kitchen";
    let mut b = PackageBuilder::new(p, src(""));
    b.set_version(Some("1.2.3-alpha.4".into()));
    b.meta_mut().description = Some("A kitchen sink.\nSecond line.".into());
    b.meta_mut().license = Some("Apache-2.0".into());
    b.meta_mut().homepage = Some("https://example.com/?a=1&b=<2>".into());

    let mut region = prop("region", TypeRef::string());
    region.docs =
        Some("The region. Tries to close: */ and a unicode escape \\u002a/ and @param.".into());
    region.default = Some(DefaultValue {
        value: Some(json!("us-east-1")),
        environment: vec!["KITCHEN_REGION".into()],
        extra: Default::default(),
    });
    b.add_config(region);
    let mut skip = prop("skipChecks", TypeRef::boolean());
    skip.default = Some(DefaultValue {
        value: None,
        environment: vec!["KITCHEN_SKIP".into()],
        extra: Default::default(),
    });
    b.add_config(skip);
    b.add_config(prop(
        "proxy",
        TypeRef::named(tok(p, "index", "ProviderProxy")),
    ));
    let mut token = req(prop("apiToken", TypeRef::string()));
    token.secret = true;
    b.add_config(token);
    b.add_config(prop("class", TypeRef::integer()));
    b.add_config(prop("retries", TypeRef::map(TypeRef::number())));

    b.add_type(object(
        tok(p, "index", "ProviderProxy"),
        Some("Proxy settings."),
        vec![
            prop("url", TypeRef::string()),
            prop("fromEnv", TypeRef::boolean()),
        ],
    ));
    b.add_type(enumeration(
        tok(p, "index", "Color"),
        Primitive::String,
        vec![
            (None, json!("red"), Some("Red.")),
            (None, json!("Microsoft.Batch"), None),
            (None, json!("8.3"), None),
            (None, json!("*"), None),
            (Some("Red"), json!("RED"), None),
        ],
    ));
    b.add_type(enumeration(
        tok(p, "index", "Level"),
        Primitive::Integer,
        vec![
            (Some("Low"), json!(1), None),
            (Some("High"), json!(10), None),
        ],
    ));
    b.add_type(enumeration(
        tok(p, "index", "Ratio"),
        Primitive::Number,
        vec![
            (Some("Half"), json!(0.5), None),
            (Some("Whole"), json!(1), None),
        ],
    ));
    let mut nested_name = req(prop("name", TypeRef::string()));
    nested_name.docs = Some("Name \\ with backslash.".into());
    let mut deep = prop("deepValue", TypeRef::named(tok(p, "sub", "Deep")));
    deep.deprecation = Some("Use \"name\" */ instead.".into());
    let mut count = prop("count", TypeRef::integer());
    count.default = Some(DefaultValue {
        value: Some(json!(3)),
        environment: vec![],
        extra: Default::default(),
    });
    b.add_type(object(
        tok(p, "index", "Nested"),
        Some("A nested object."),
        vec![
            nested_name,
            prop("class", TypeRef::string()),
            prop("toString", TypeRef::string()),
            prop("builder", TypeRef::boolean()),
            prop("fooBar", TypeRef::integer()),
            prop("foo-bar", TypeRef::integer()),
            prop("values", TypeRef::array(TypeRef::number())),
            prop("color", TypeRef::named(tok(p, "index", "Color"))),
            deep,
            count,
            prop("self", TypeRef::named(tok(p, "index", "Nested"))),
        ],
    ));
    b.add_type(object(
        tok(p, "sub", "Deep"),
        None,
        vec![
            req(prop("podCIDRs", TypeRef::array(TypeRef::string()))),
            prop("any", TypeRef::Any),
            prop("_resultValue", TypeRef::string()),
        ],
    ));
    // Types whose names would shadow java.lang and runtime classes in their packages.
    b.add_type(object(
        tok(p, "index", "String"),
        None,
        vec![prop("value", TypeRef::string())],
    ));
    b.add_type(object(
        tok(p, "index", "Output"),
        None,
        vec![
            prop("value", TypeRef::string()),
            prop("list", TypeRef::array(TypeRef::string())),
        ],
    ));
    b.add_type(object(
        tok(p, "index", "Builder"),
        None,
        vec![prop("value", TypeRef::string())],
    ));

    let mut w = Resource::new(tok(p, "index", "Widget"), src("/resources/widget"));
    w.docs = Some("A widget.\n\n{{% examples %}}\n```typescript\nnew Widget();\n```\n```java\nvar w = new Widget(\"w\");\n```\n{{% /examples %}}\nEnds with a closer */".into());
    let mut size = req(prop("size", TypeRef::integer()));
    size.replace_on_changes = true;
    size.docs = Some("The size.".into());
    let mut password = prop("password", TypeRef::string());
    password.secret = true;
    password.default = Some(DefaultValue {
        value: None,
        environment: vec!["KITCHEN_PASSWORD".into()],
        extra: Default::default(),
    });
    let mut old = prop("oldName", TypeRef::string());
    old.deprecation = Some("Use size.".into());
    let mut greeting = prop("greeting", TypeRef::string());
    greeting.default = Some(DefaultValue {
        value: Some(json!("hi \"there\"\\\n\u{e9}")),
        environment: vec![],
        extra: Default::default(),
    });
    let mut kind = prop("kind", TypeRef::string());
    kind.const_value = Some(json!("widget"));
    let mut shade_color = prop("shadeColor", TypeRef::named(tok(p, "index", "Color")));
    shade_color.default = Some(DefaultValue {
        value: Some(json!("red")),
        environment: vec![],
        extra: Default::default(),
    });
    let mut ratio = prop("ratio", TypeRef::number());
    ratio.default = Some(DefaultValue {
        value: Some(json!(2)),
        environment: vec![],
        extra: Default::default(),
    });
    let mut settings = prop("settings", TypeRef::Any);
    settings.default = Some(DefaultValue {
        value: Some(json!({"a": [1, "b"]})),
        environment: vec![],
        extra: Default::default(),
    });
    let mut plain_nested = prop("plainNested", TypeRef::named(tok(p, "index", "Nested")));
    plain_nested.plain = true;
    let union = TypeRef::Union {
        types: vec![TypeRef::string(), TypeRef::named(tok(p, "index", "Color"))],
        discriminator: None,
        primitive: Some(Primitive::String),
    };
    let wide = TypeRef::Union {
        types: vec![TypeRef::string(), TypeRef::integer(), TypeRef::boolean()],
        discriminator: None,
        primitive: None,
    };
    let mut shade = prop("shade", union.clone());
    shade.default = Some(DefaultValue {
        value: Some(json!("blue")),
        environment: vec![],
        extra: Default::default(),
    });
    let inputs = vec![
        size.clone(),
        prop("name", TypeRef::string()),
        prop("options", TypeRef::string()),
        prop("class", TypeRef::boolean()),
        prop("Empty", TypeRef::boolean()),
        prop("$x", TypeRef::string()),
        prop("com", TypeRef::string()),
        prop("tags", TypeRef::map(TypeRef::string())),
        prop("nested", TypeRef::named(tok(p, "index", "Nested"))),
        prop(
            "nestedList",
            TypeRef::array(TypeRef::named(tok(p, "index", "Nested"))),
        ),
        plain_nested,
        shade,
        prop("wide", wide.clone()),
        prop("level", TypeRef::named(tok(p, "index", "Level"))),
        prop("ratioEnum", TypeRef::named(tok(p, "index", "Ratio"))),
        shade_color,
        ratio,
        settings,
        password.clone(),
        old.clone(),
        greeting.clone(),
        kind.clone(),
        prop("source", TypeRef::Asset),
        prop("bundle", TypeRef::Archive),
        prop("json", TypeRef::Json),
        prop("shadow", TypeRef::named(tok(p, "index", "String"))),
        prop("out", TypeRef::named(tok(p, "index", "Output"))),
        prop("built", TypeRef::named(tok(p, "index", "Builder"))),
        prop(
            "matrix",
            TypeRef::array(TypeRef::map(TypeRef::array(TypeRef::integer()))),
        ),
    ];
    w.inputs = inputs.clone();
    let mut outputs: Vec<Property> = inputs
        .iter()
        .filter(|p| p.name.wire != "options")
        .cloned()
        .collect();
    for o in &mut outputs {
        o.default = None;
        o.const_value = None;
        o.plain = false;
    }
    let mut arn = req(prop("arn", TypeRef::string()));
    arn.docs = Some("The ARN.".into());
    outputs.push(arn);
    outputs.push(prop("urn", TypeRef::string()));
    outputs.push(prop("id", TypeRef::string()));
    outputs.push(prop("getUrn", TypeRef::string()));
    outputs.push(prop("hashCode", TypeRef::string()));
    outputs.push(prop("pulumiResourceName", TypeRef::string()));
    outputs.push(prop("get", TypeRef::string()));
    w.outputs = outputs.clone();
    w.state_inputs = Some(
        outputs
            .iter()
            .filter(|p| p.name.wire != "urn" && p.name.wire != "id")
            .cloned()
            .collect(),
    );
    w.aliases = vec![
        Alias {
            name: None,
            project: None,
            ty: Some("kitchen:index:OldWidget".into()),
        },
        Alias {
            name: Some("x\"y".into()),
            project: Some("p".into()),
            ty: None,
        },
    ];
    b.add_resource(w);

    let mut t = Resource::new(tok(p, "sub", "Thing"), src("/resources/thing"));
    t.deprecation = Some("Thing is old.".into());
    t.inputs = vec![
        prop(
            "widget",
            TypeRef::Resource {
                token: tok(p, "index", "Widget"),
            },
        ),
        req(prop("deep", TypeRef::named(tok(p, "sub", "Deep")))),
        prop("color", TypeRef::named(tok(p, "index", "Color"))),
    ];
    t.outputs = vec![
        prop("deep", TypeRef::named(tok(p, "sub", "Deep"))),
        prop("nested", TypeRef::named(tok(p, "index", "Nested"))),
    ];
    b.add_resource(t);

    let mut c = Resource::new(tok(p, "index", "Comp"), src("/resources/comp"));
    c.is_component = true;
    c.inputs = vec![prop("count", TypeRef::integer())];
    c.outputs = vec![req(prop("names", TypeRef::array(TypeRef::string())))];
    b.add_resource(c);

    // A resource whose class name equals a Java keyword once lower-cased, and a Config one.
    let mut k = Resource::new(tok(p, "index", "default"), src("/resources/default"));
    k.outputs = vec![prop("x", TypeRef::string())];
    b.add_resource(k);

    let mut f = Function::new(tok(p, "index", "getWidget"), src("/functions/getWidget"));
    f.docs = Some("Looks a widget up.".into());
    f.inputs = Some(ObjectShape {
        docs: None,
        properties: vec![
            req(prop("name", TypeRef::string())),
            prop("options", TypeRef::string()),
            prop("filter", TypeRef::named(tok(p, "index", "Nested"))),
        ],
        extra: Default::default(),
    });
    f.outputs = Some(FunctionResult::Object {
        shape: ObjectShape {
            docs: None,
            properties: vec![
                req(prop("id", TypeRef::string())),
                prop("size", TypeRef::integer()),
                prop("nested", TypeRef::named(tok(p, "index", "Nested"))),
                prop("tags", TypeRef::map(TypeRef::string())),
            ],
            extra: Default::default(),
        },
    });
    b.add_function(f);
    let mut g = Function::new(tok(p, "sub", "listThings"), src("/functions/listThings"));
    g.deprecation = Some("Do not list.".into());
    g.outputs = Some(FunctionResult::Value {
        ty: TypeRef::array(TypeRef::string()),
        extra: Default::default(),
    });
    b.add_function(g);
    let mut h = Function::new(tok(p, "index", "doIt"), src("/functions/doIt"));
    h.inputs = Some(ObjectShape {
        docs: None,
        properties: vec![prop("lambda", TypeRef::boolean())],
        extra: Default::default(),
    });
    b.add_function(h);
    // A type that takes the function result's name: the result becomes `…InvokeResult`.
    b.add_type(object(
        tok(p, "index", "GetWidgetResult"),
        None,
        vec![prop("v", TypeRef::string())],
    ));
    let mut r2 = Resource::new(tok(p, "index", "UsesResult"), src("/resources/usesResult"));
    r2.outputs = vec![prop(
        "r",
        TypeRef::named(tok(p, "index", "GetWidgetResult")),
    )];
    b.add_resource(r2);
    finish(b)
}

/// A tiny package with `language.java` overrides and a hyphenated name.
fn overrides() -> Package {
    let p = "my-pkg";
    let mut b = PackageBuilder::new(p, src(""));
    b.meta_mut().language.insert(
        "java".into(),
        json!({"basePackage": "org.example", "packages": {"my-pkg": "mypkg", "some/module": "some.module"}, "dependencies": {"org.example:extra": "1.0.0"}}),
    );
    let mut r = Resource::new(tok(p, "some/module", "thing"), src("/r"));
    let mut weird = prop("weirdName", TypeRef::string());
    weird
        .language
        .insert("java".into(), json!({"name": "niceName"}));
    r.inputs = vec![
        weird,
        prop("cfg", TypeRef::named(tok(p, "some/module", "Cfg"))),
    ];
    r.outputs = r.inputs.clone();
    b.add_resource(r);
    b.add_type(object(
        tok(p, "some/module", "Cfg"),
        None,
        vec![prop("a", TypeRef::string())],
    ));
    let mut f = Function::new(tok(p, "some/module", "getCfg"), src("/f"));
    f.outputs = Some(FunctionResult::Object {
        shape: ObjectShape {
            docs: None,
            properties: vec![prop("cfg", TypeRef::named(tok(p, "some/module", "Cfg")))],
            extra: Default::default(),
        },
    });
    b.add_function(f);
    finish(b)
}

/// A resource with `n` input and output properties of mixed types (JVM limits: 255 method
/// parameters, 64 KB per method, the constant pool), plus an object type just as wide.
fn wide(n: usize) -> Package {
    let p = "wide";
    let mut b = PackageBuilder::new(p, src(""));
    let kinds = [
        TypeRef::string(),
        TypeRef::integer(),
        TypeRef::boolean(),
        TypeRef::number(),
        TypeRef::array(TypeRef::string()),
        TypeRef::map(TypeRef::string()),
    ];
    let props: Vec<Property> = (0..n)
        .map(|i| {
            let mut q = prop(
                &format!("property{i:03}Value"),
                kinds[i % kinds.len()].clone(),
            );
            q.required = i % 7 == 0;
            if i % 11 == 0 {
                q.default = Some(DefaultValue {
                    value: None,
                    environment: vec![format!("WIDE_{i}")],
                    extra: Default::default(),
                });
            }
            q.docs = Some(format!("Property number {i}."));
            q
        })
        .collect();
    b.add_type(object(tok(p, "index", "WideObject"), None, props.clone()));
    let mut r = Resource::new(tok(p, "index", "Huge"), src("/r"));
    r.inputs = props.clone();
    r.inputs.push(prop(
        "object",
        TypeRef::named(tok(p, "index", "WideObject")),
    ));
    r.outputs = props.clone();
    r.outputs.push(prop(
        "object",
        TypeRef::named(tok(p, "index", "WideObject")),
    ));
    b.add_resource(r);
    finish(b)
}

#[test]
fn kitchen_sink_snapshot() {
    let files = render(&kitchen());
    check_invariants(&files);
    let keys: Vec<&String> = files.keys().collect();
    for want in [
        "src/main/java/com/pulumi/kitchen/Widget.java",
        "src/main/java/com/pulumi/kitchen/inputs/NestedArgs.java",
        "src/main/java/com/pulumi/kitchen/inputs/Nested.java",
        "src/main/java/com/pulumi/kitchen/outputs/Nested.java",
        "src/main/java/com/pulumi/kitchen/outputs/GetWidgetInvokeResult.java",
        "src/main/java/com/pulumi/kitchen/enums/Color.java",
        "src/main/java/com/pulumi/kitchen/sub/SubFunctions.java",
        "src/main/java/com/pulumi/kitchen/KitchenFunctions.java",
        "src/main/java/com/pulumi/kitchen/Config.java",
        "src/main/java/com/pulumi/kitchen/inputs/ProviderProxy.java",
        "src/main/resources/com/pulumi/kitchen/plugin.json",
    ] {
        assert!(files.contains_key(want), "missing {want}: {keys:?}");
    }
    insta::assert_snapshot!("kitchen", bundle(&files));
}

#[test]
fn overrides_snapshot() {
    let files = render(&overrides());
    check_invariants(&files);
    assert!(
        files.contains_key("src/main/java/org/example/mypkg/some/module/Thing.java"),
        "{:?}",
        files.keys().collect::<Vec<_>>()
    );
    let thing = &files["src/main/java/org/example/mypkg/some/module/ThingArgs.java"];
    assert!(
        thing.contains("public Builder niceName(") && thing.contains("@Import(name=\"weirdName\")"),
        "{thing}"
    );
    insta::assert_snapshot!("overrides", bundle(&files));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(render(&kitchen()), render(&kitchen()));
}

#[test]
fn wide_resource_uses_builders_not_giant_signatures() {
    let files = render(&wide(600));
    check_invariants(&files);
    // No generated method may take more than a handful of parameters.
    for (path, text) in &files {
        for line in text.lines().filter(|l| {
            l.trim_start().starts_with("public ") || l.trim_start().starts_with("private ")
        }) {
            if let Some(open) = line.find('(') {
                let params = line[open..].matches(',').count();
                assert!(params < 8, "{path}: too many parameters in `{line}`");
            }
        }
    }
}

/// Loads a schema file through the frontends (None when it does not load).
fn load_schema(path: &Path) -> Result<Vec<Package>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match cloudgen::frontends::load_bytes(&bytes, &name, None, &Default::default()) {
        Ok(v) => Ok(v.into_iter().map(|f| f.package).collect()),
        Err(d) => Err(d
            .iter()
            .map(|x| x.message.clone())
            .next()
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect()),
    }
}

fn corpus_package(name: &str) -> Option<Package> {
    let dir = common::corpus()?;
    match load_schema(&dir.join("pulumi").join(name)) {
        Ok(mut v) if !v.is_empty() => Some(v.remove(0)),
        Ok(_) => None,
        Err(e) => panic!("{name} does not load: {e}"),
    }
}

#[test]
fn corpus_random_snapshot() {
    let Some(pkg) = corpus_package("random-4.21.1.schema.json") else {
        return;
    };
    let files = render(&pkg);
    check_invariants(&files);
    insta::assert_snapshot!("corpus_random", bundle(&files));
}

// ---------------------------------------------------------------------------------------
// Toolchain
// ---------------------------------------------------------------------------------------

/// Print why a test cannot run, or panic when skipping is not allowed (CI).
fn skip(why: &str) {
    if common::required() {
        panic!("{why}\n(CI=true or CLOUDGEN_REQUIRE_TOOLS=1: a missing tool is a failure)");
    }
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

fn tool_ok(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn toolchain_dir() -> PathBuf {
    common::repo_root().join("tests/toolchains/java")
}

/// The classpath of tests/toolchains/java/pom.xml, resolved once per pom content and cached
/// beside the test binaries (offline first, so a warm ~/.m2 needs no network).
fn classpath() -> Option<PathBuf> {
    static CP: OnceLock<Option<PathBuf>> = OnceLock::new();
    CP.get_or_init(|| {
        for (tool, arg) in [("java", "-version"), ("javac", "-version"), ("mvn", "-v")] {
            if !tool_ok(tool, arg) {
                skip(&format!("`{tool}` is not available (the Java toolchain needs a JDK 11+ and Maven)"));
                return None;
            }
        }
        let pom = toolchain_dir().join("pom.xml");
        let content = std::fs::read(&pom).ok()?;
        let key = content.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3));
        let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("java-classpath-{key:016x}.txt"));
        if let Ok(cp) = std::fs::read_to_string(&cache) {
            if !cp.trim().is_empty() && cp.trim().split(':').all(|j| Path::new(j).is_file()) {
                return Some(cache);
            }
        }
        let tmp = cache.with_extension("tmp");
        for offline in [true, false] {
            let mut cmd = Command::new("mvn");
            cmd.current_dir(toolchain_dir()).args(["-q", "-B"]);
            if offline {
                cmd.arg("-o");
            }
            cmd.args(["dependency:build-classpath", &format!("-Dmdep.outputFile={}", tmp.display())]);
            if cmd.output().is_ok_and(|o| o.status.success()) && std::fs::rename(&tmp, &cache).is_ok() {
                return Some(cache);
            }
        }
        skip("cannot resolve com.pulumi:pulumi with `mvn dependency:build-classpath` (no network and no warm ~/.m2)");
        None
    })
    .clone()
}

/// Compiles each `(source_dir, out_dir)` in one JVM; returns (dir, ok, millis, diagnostics).
fn batch_javac(cp: &Path, projects: &[(PathBuf, PathBuf)]) -> Vec<(String, bool, u64, String)> {
    let mut cmd = Command::new("java");
    // C1 only and the serial collector: javac runs are short, and CI machines have 2 cores.
    cmd.args(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"])
        .arg(toolchain_dir().join("BatchJavac.java"))
        .arg(cp);
    for (s, o) in projects {
        cmd.arg(s).arg(o);
    }
    let out = cmd.output().expect("run java");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut results: Vec<(String, bool, u64, String)> = Vec::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(tag @ ("OK" | "FAIL")), Some(dir), Some(ms))
                if ms.chars().all(|c| c.is_ascii_digit()) =>
            {
                results.push((
                    dir.to_string(),
                    tag == "OK",
                    ms.parse().unwrap_or(0),
                    String::new(),
                ));
            }
            _ => {
                if let Some(last) = results.last_mut() {
                    last.3.push_str(line);
                    last.3.push('\n');
                }
            }
        }
    }
    assert_eq!(
        results.len(),
        projects.len(),
        "BatchJavac did not report every project:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    results
}

fn read_cp(cp: &Path) -> String {
    std::fs::read_to_string(cp)
        .expect("classpath file")
        .trim()
        .to_string()
}

fn example_packages() -> Vec<(String, Package)> {
    let mut v = Vec::new();
    for f in ["schemas/blobstore.schema.json", "schemas/minidns.tf.json"] {
        for pkg in load_schema(&common::repo_root().join(f)).unwrap_or_else(|e| panic!("{f}: {e}"))
        {
            v.push((pkg.name.clone(), pkg));
        }
    }
    for name in ["random-4.21.1.schema.json", "tls-4.10.0.schema.json"] {
        if let Some(pkg) = corpus_package(name) {
            v.push((pkg.name.clone(), pkg));
        }
    }
    v
}

#[test]
fn generated_java_compiles() {
    let Some(cp) = classpath() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut pkgs = example_packages();
    pkgs.push(("kitchen".into(), kitchen()));
    pkgs.push(("overrides".into(), overrides()));
    pkgs.push(("wide600".into(), wide(600)));
    let mut projects = Vec::new();
    for (label, pkg) in &pkgs {
        let root = dir.path().join(label);
        write_tree(&root, &render(pkg));
        projects.push((
            root.join("src/main/java"),
            dir.path().join("classes").join(label),
        ));
    }
    let start = Instant::now();
    let results = batch_javac(&cp, &projects);
    let mut failures = Vec::new();
    for ((label, _), (_, ok, ms, diag)) in pkgs.iter().zip(&results) {
        println!(
            "javac {label:<12} {} {ms:>6} ms",
            if *ok { "ok  " } else { "FAIL" }
        );
        if !ok {
            failures.push(format!("{label}:\n{diag}"));
        }
    }
    println!("total {:?}", start.elapsed());
    assert!(
        failures.is_empty(),
        "generated Java does not compile:\n{}",
        failures.join("\n")
    );
}

#[test]
fn generated_pom_builds_with_maven() {
    let Some(_) = classpath() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let pkg = load_schema(&common::repo_root().join("schemas/blobstore.schema.json"))
        .expect("loads")
        .remove(0);
    write_tree(dir.path(), &render(&pkg));
    let mut last = String::new();
    for offline in [true, false] {
        let mut cmd = Command::new("mvn");
        cmd.current_dir(dir.path()).args(["-q", "-B"]);
        if offline {
            cmd.arg("-o");
        }
        let out = cmd.arg("compile").output().expect("run mvn");
        if out.status.success() {
            assert!(dir
                .path()
                .join("target/classes/com/pulumi/blobstore/Bucket.class")
                .is_file());
            return;
        }
        last = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    panic!("mvn -q compile failed on the generated pom:\n{last}");
}

/// Compiles programs (with their SDK sources) and runs each main class.
#[test]
fn java_runtime_programs() {
    let Some(cp) = classpath() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let runtime = common::repo_root().join("tests/runtime/java");
    let mut projects = Vec::new();
    let mut mains = Vec::new();
    for (name, pkg) in example_packages()
        .into_iter()
        .filter(|(n, _)| n == "blobstore" || n == "minidns")
    {
        let work = dir.path().join(&name);
        write_tree(&work.join("sdk"), &render(&pkg));
        std::fs::copy(runtime.join("Harness.java"), work.join("Harness.java"))
            .expect("copy harness");
        for f in common::files_with(&runtime.join(&name), &[".java"]) {
            let file = f.file_name().expect("file name").to_owned();
            std::fs::copy(&f, work.join(&file)).expect("copy program");
            mains.push((
                name.clone(),
                file.to_string_lossy().trim_end_matches(".java").to_string(),
            ));
        }
        projects.push((work.clone(), dir.path().join("classes").join(&name)));
    }
    assert_eq!(
        projects.len(),
        2,
        "both example schemas have a runtime program"
    );
    for (p, (_, ok, _, diag)) in projects.iter().zip(batch_javac(&cp, &projects)) {
        assert!(
            ok,
            "runtime program {} does not compile:\n{diag}",
            p.0.display()
        );
    }
    let base_cp = read_cp(&cp);
    for (name, main) in mains {
        let classpath = format!(
            "{}:{}:{base_cp}",
            dir.path().join("classes").join(&name).display(),
            dir.path()
                .join(&name)
                .join("sdk/src/main/resources")
                .display()
        );
        let out = Command::new("java")
            .args(["-cp", &classpath, &main])
            .output()
            .expect("run java");
        let stdout = String::from_utf8_lossy(&out.stdout);
        println!("{stdout}");
        assert!(
            out.status.success(),
            "runtime program {name}/{main} failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The parity programs compile against our SDK (and the official jar, when present).
#[test]
fn java_parity() {
    let Some(cp) = classpath() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let parity = common::repo_root().join("tests/parity/java");
    let m2 = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default()
        .join(".m2/repository/com/pulumi");
    let mut projects = Vec::new();
    let mut official = Vec::new();
    for (schema, name, version) in [
        ("random-4.21.1.schema.json", "random", "4.21.1"),
        ("tls-4.10.0.schema.json", "tls", "4.10.0"),
    ] {
        let Some(pkg) = corpus_package(schema) else {
            return;
        };
        let work = dir.path().join(name);
        write_tree(&work.join("sdk"), &render(&pkg));
        for f in common::files_with(&parity.join(name), &[".java"]) {
            std::fs::copy(&f, work.join(f.file_name().expect("name"))).expect("copy");
        }
        projects.push((work.clone(), dir.path().join("classes").join(name)));
        let jar = m2
            .join(name)
            .join(version)
            .join(format!("{name}-{version}.jar"));
        if jar.is_file() {
            official.push((name, jar));
        } else {
            let _ = writeln!(std::io::stderr(), "parity: official com.pulumi:{name}:{version} is not in ~/.m2; only our side is checked");
        }
    }
    for (p, (_, ok, _, diag)) in projects.iter().zip(batch_javac(&cp, &projects)) {
        assert!(
            ok,
            "parity program {} does not compile against our SDK:\n{diag}",
            p.0.display()
        );
    }
    // The other side: the same program against the official jar only.
    for (name, jar) in official {
        let prog = dir.path().join(format!("official-{name}"));
        std::fs::create_dir_all(&prog).expect("mkdir");
        for f in common::files_with(&parity.join(name), &[".java"]) {
            std::fs::copy(&f, prog.join(f.file_name().expect("name"))).expect("copy");
        }
        let cpfile = dir.path().join(format!("cp-{name}.txt"));
        std::fs::write(&cpfile, format!("{}:{}", read_cp(&cp), jar.display())).expect("write cp");
        let r = batch_javac(
            &cpfile,
            &[(
                prog.clone(),
                dir.path().join(format!("official-classes-{name}")),
            )],
        );
        assert!(
            r[0].1,
            "parity program {name} does not compile against the official jar:\n{}",
            r[0].3
        );
    }
}

/// Every corpus Pulumi schema that loads generates Java that compiles.
#[test]
fn java_corpus_compiles() {
    let Some(cp) = classpath() else { return };
    let Some(corpus) = common::corpus() else {
        return;
    };
    let mut inputs = common::files_with(&corpus.join("pulumi"), &[".json", ".yaml"]);
    inputs.extend(common::files_with(
        &corpus.join("pulumi-codegen-tests"),
        &[".json", ".yaml"],
    ));
    let dir = tempfile::tempdir().expect("tempdir");
    let mut projects = Vec::new();
    let mut labels = Vec::new();
    let mut not_loaded = Vec::new();
    for path in &inputs {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        match load_schema(path) {
            Ok(pkgs) => {
                for (i, pkg) in pkgs.iter().enumerate() {
                    let label = format!("{name}#{i}");
                    let root = dir.path().join(format!("p{}", projects.len()));
                    write_tree(&root, &render(pkg));
                    projects.push((root.join("src/main/java"), root.join("classes")));
                    labels.push(label);
                }
            }
            Err(e) => not_loaded.push(format!("{name}: {e}")),
        }
    }
    let start = Instant::now();
    let results = batch_javac(&cp, &projects);
    let mut failures = Vec::new();
    for (label, (_, ok, ms, diag)) in labels.iter().zip(&results) {
        if !ok {
            failures.push(format!(
                "{label}:\n{}",
                diag.chars().take(3000).collect::<String>()
            ));
        } else if *ms > 5000 {
            println!("slow: {label} {ms} ms");
        }
    }
    println!(
        "java corpus: {} schema(s) found, {} project(s) generated, {} compile, {} do not load (external references or other frontends' limits), {:?}",
        inputs.len(),
        projects.len(),
        projects.len() - failures.len(),
        not_loaded.len(),
        start.elapsed()
    );
    for n in &not_loaded {
        println!("  not loaded: {}", n.lines().next().unwrap_or(""));
    }
    assert!(
        failures.is_empty(),
        "{} corpus project(s) do not compile:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `CLOUDGEN_JAVA_DUMP=dir cargo test -p cloudgen --test java_target dump -- --ignored`
/// writes the fixtures' output for manual inspection.
#[test]
#[ignore]
fn dump() {
    let Ok(dir) = std::env::var("CLOUDGEN_JAVA_DUMP") else {
        return;
    };
    let dir = PathBuf::from(dir);
    write_tree(&dir.join("kitchen"), &render(&kitchen()));
    write_tree(&dir.join("overrides"), &render(&overrides()));
    write_tree(&dir.join("wide"), &render(&wide(600)));
}
