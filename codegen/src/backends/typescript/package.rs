//! The package files: `utilities.ts`, `package.json`, `pulumi-plugin.json`, `README.md`
//! and `tsconfig.json` (which lists every planned `.ts` file).

use super::model::{JsonEntry, PackageJson, TsConfig, UtilitiesFile};
use super::naming::{sanitize_ident, string_literal};
use super::values::pretty_json;
use super::{header, Cx};
use crate::backends::sdk::manifest::plugin_json;
use crate::backends::{readme, Artifact};
use serde_json::{json, Map, Value};

const T_UTILITIES: &str = "typescript/utilities.ts.tera";
const T_PACKAGE_JSON: &str = "typescript/package.json.tera";
const T_TSCONFIG: &str = "typescript/tsconfig.json.tera";

/// The `@pulumi/pulumi` range generated code needs (`invokeOutput`, `InvokeOutputOptions`).
pub const PULUMI_DEPENDENCY: &str = "^3.142.0";

/// The package files, knowing every other planned file.
pub fn files(cx: &Cx, planned: &[String]) -> Vec<Artifact> {
    let pkg = cx.pkg();
    let extra_defaults = pkg.meta.plugin_download_url.as_ref().map(|u| format!(", pluginDownloadURL: {}", string_literal(u))).unwrap_or_default();
    let mut files: Vec<&str> = planned.iter().map(String::as_str).filter(|p| p.ends_with(".ts")).chain(["utilities.ts"]).collect();
    files.sort();
    vec![
        Artifact::template("utilities.ts", T_UTILITIES, &UtilitiesFile { header: header(), extra_defaults }),
        Artifact::template("package.json", T_PACKAGE_JSON, &package_json(cx)),
        Artifact::bytes("pulumi-plugin.json", plugin_json(pkg, pkg.version.as_deref(), 4)),
        Artifact::bytes("README.md", readme::render(pkg, &readme_of(cx))),
        Artifact::template("tsconfig.json", T_TSCONFIG, &TsConfig { header: header(), files: files.iter().map(|f| string_literal(f)).collect() }),
    ]
}

/// TypeScript's part of the README: `npm install`, and the first program spelled with the
/// layout's own class and namespace names.
fn readme_of(cx: &Cx) -> readme::LanguageReadme {
    let pkg = cx.pkg();
    let npm = cx.settings.npm_name(&pkg.name);
    let alias = sanitize_ident(&pkg.name, false);
    let program = readme::example(pkg).map(|ex| {
        let key = cx.names.key(&ex.resource.module, cx.settings);
        let mut path = vec![alias.clone()];
        path.extend(cx.names.modules.get(&key).map(|n| n.namespace.clone()).unwrap_or_default());
        let class = cx.sdk.members().find(|(_, r)| r.token == ex.resource.token).map(|(id, _)| cx.names.resources[&id].class.clone()).unwrap_or_default();
        path.push(class);
        let args: String = ex.inputs.iter().map(|p| format!("    {}: {},\n", p.name.wire, string_literal(readme::PLACEHOLDER))).collect();
        let args = if args.is_empty() { String::new() } else { format!(", {{\n{args}}}") };
        let code = format!("import * as {alias} from {};\n\nconst {var} = new {}({}{args});\n\nexport const id = {var}.id;\n", string_literal(&npm), path.join("."), string_literal(&ex.var), var = ex.var);
        readme::Snippet { fence: "typescript", code }
    });
    readme::LanguageReadme {
        language: "TypeScript",
        package_ref: npm.clone(),
        install: vec![readme::Snippet { fence: "sh", code: format!("npm install {}", readme::shell_word(&npm)) }],
        program,
        verbatim: cx.settings.readme.clone(),
    }
}

fn package_json(cx: &Cx) -> PackageJson {
    let (pkg, settings) = (cx.pkg(), cx.settings);
    let mut entries = Vec::new();
    let mut push = |k: &str, v: Value| entries.push(JsonEntry { key: string_literal(k), value: pretty_json(&v).replace('\n', "\n    ") });
    push("name", Value::String(settings.npm_name(&pkg.name)));
    push("version", Value::String(pkg.version.clone().filter(|v| !v.is_empty()).unwrap_or_else(|| "0.0.0".into())));
    if let Some(d) = settings.description().map(str::to_string).or_else(|| pkg.meta.description.clone()) {
        push("description", Value::String(d));
    }
    if !pkg.meta.keywords.is_empty() {
        push("keywords", Value::Array(pkg.meta.keywords.iter().cloned().map(Value::String).collect()));
    }
    for (k, v) in [("homepage", &pkg.meta.homepage), ("repository", &pkg.meta.repository), ("license", &pkg.meta.license)] {
        if let Some(v) = v {
            push(k, Value::String(v.clone()));
        }
    }
    push("scripts", json!({ "build": "tsc" }));
    let mut deps: Map<String, Value> = settings.dependencies.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
    // The generated code calls `invokeOutput`; an older floor from the schema would not compile.
    deps.insert("@pulumi/pulumi".into(), Value::String(PULUMI_DEPENDENCY.into()));
    push("dependencies", Value::Object(deps));
    let mut dev = Map::new();
    dev.insert("@types/node".into(), Value::String("^18.0.0".into()));
    dev.insert("typescript".into(), Value::String("^5.0.0".into()));
    for (k, v) in &settings.dev_dependencies {
        dev.insert(k.clone(), Value::String(v.clone()));
    }
    push("devDependencies", Value::Object(dev));
    let mut pulumi = Map::new();
    pulumi.insert("resource".into(), Value::Bool(true));
    pulumi.insert("name".into(), Value::String(pkg.name.clone()));
    if let Some(v) = &pkg.version {
        pulumi.insert("version".into(), Value::String(v.clone()));
    }
    if let Some(u) = &pkg.meta.plugin_download_url {
        pulumi.insert("server".into(), Value::String(u.clone()));
    }
    push("pulumi", Value::Object(pulumi));
    PackageJson { entries }
}
