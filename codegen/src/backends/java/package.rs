//! The package files: `Utilities.java`, the resources the runtime reads back
//! (`version.txt`, `plugin.json`), the Maven `pom.xml` and the README.

use super::docs::xml_text;
use super::layout::{self, path_of, split};
use super::model::{Dependency, FileHead, Pom, UtilitiesFile};
use super::values::java_str;
use super::Java;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::sdk::manifest::plugin_json;
use crate::backends::sdk::{Cx, MemberId};
use crate::backends::{readme, Artifact};
use std::collections::BTreeMap;

/// The `com.pulumi:pulumi` release the generated projects compile against (Maven Central).
pub const PULUMI_JAVA_VERSION: &str = "1.36.1";

/// Utilities imports: a fixed set (none of these names is referenced unqualified anywhere
/// else in the file, so same-package classes cannot clash).
const UTILITIES_IMPORTS: &[&str] = &[
    "com.pulumi.core.internal.Environment",
    "com.pulumi.deployment.InvokeOptions",
    "com.pulumi.deployment.InvokeOutputOptions",
    "java.io.BufferedReader",
    "java.io.InputStreamReader",
    "java.nio.charset.StandardCharsets",
    "java.util.Optional",
    "java.util.stream.Collectors",
    "javax.annotation.Nullable",
];

/// The package files.
pub fn files(cx: &Cx<Java>) -> Vec<Artifact> {
    let pkg = cx.pkg();
    let imports = UTILITIES_IMPORTS.iter().map(|i| format!("import {i};")).collect();
    let util = UtilitiesFile {
        head: FileHead { generated: GENERATED_HEADER.into(), package: cx.names.root.clone(), imports },
        version_resource_lit: java_str(&format!("{}/version.txt", layout::resource_dir(&pkg.name))),
    };
    let version = pkg.version.clone().unwrap_or_else(|| "0.0.0".into());
    let group = cx.settings.group_id.clone().unwrap_or_else(|| layout::base_package(cx.settings));
    let readme = readme::render(pkg, &readme_of(cx, &group, &version));
    vec![
        Artifact::template(path_of(&cx.names.utilities), "java/utilities.java.tera", &util),
        Artifact::bytes(layout::resource_path(&pkg.name, "version.txt"), format!("{version}\n")),
        Artifact::bytes(layout::resource_path(&pkg.name, "plugin.json"), plugin_json(pkg, pkg.version.as_deref(), 2)),
        Artifact::template("pom.xml", "java/pom.xml.tera", &pom(cx, &group, &version)),
        Artifact::bytes("README.md", readme),
    ]
}

/// Dependencies: the runtime (pinned by us: the generated code needs its current API), gson
/// and jsr305 (referenced directly), then whatever `language.java` adds.
fn dependencies(cx: &Cx<Java>) -> Vec<Dependency> {
    let mut deps: BTreeMap<String, String> = BTreeMap::new();
    deps.insert("com.google.code.findbugs:jsr305".into(), "3.0.2".into());
    deps.insert("com.google.code.gson:gson".into(), "2.10".into());
    for (k, v) in &cx.settings.dependencies {
        deps.insert(k.clone(), v.clone());
    }
    deps.insert("com.pulumi:pulumi".into(), PULUMI_JAVA_VERSION.into());
    deps.iter()
        .filter_map(|(k, v)| {
            let (g, a) = k.split_once(':')?;
            Some(Dependency { group: xml_text(g), artifact: xml_text(a), version: xml_text(v) })
        })
        .collect()
}

fn pom(cx: &Cx<Java>, group: &str, version: &str) -> Pom {
    let pkg = cx.pkg();
    let meta = &pkg.meta;
    Pom {
        generated: GENERATED_HEADER.into(),
        group: xml_text(group),
        artifact: xml_text(&pkg.name),
        version: xml_text(version),
        name: xml_text(meta.display_name.as_deref().unwrap_or(&pkg.name)),
        description: meta.description.as_deref().and_then(|d| d.lines().next()).filter(|d| !d.trim().is_empty()).map(xml_text),
        url: meta.homepage.as_deref().or(meta.repository.as_deref()).map(xml_text),
        license: meta.license.as_deref().map(xml_text),
        dependencies: dependencies(cx),
    }
}

/// The README's first program, spelled with the planned class and builder names.
fn program(cx: &Cx<Java>) -> Option<readme::Snippet> {
    let pkg = cx.pkg();
    let ex = readme::example(pkg)?;
    let i = pkg.resources.iter().position(|r| std::ptr::eq(r, ex.resource))?;
    let names = cx.names.resources.get(&MemberId::Resource(i))?;
    let (_, class) = split(&names.class);
    let var = &ex.var;
    let mut imports = vec!["com.pulumi.Pulumi".to_string(), names.class.clone()];
    let construct = if ex.inputs.is_empty() {
        format!("new {class}({})", java_str(var))
    } else {
        imports.push(names.args.clone());
        let (_, args) = split(&names.args);
        let setters: BTreeMap<&str, &str> = ex.resource.inputs.iter().map(|p| p.name.wire.as_str()).zip(names.inputs.iter().map(|m| m.accessor.as_str())).collect();
        let calls: String = ex.inputs.iter().map(|p| format!("                .{}({})\n", setters[p.name.wire.as_str()], java_str(readme::PLACEHOLDER))).collect();
        format!("new {class}({}, {args}.builder()\n{calls}                .build())", java_str(var))
    };
    imports.sort();
    let imports: String = imports.iter().map(|i| format!("import {i};\n")).collect();
    Some(readme::Snippet {
        fence: "java",
        code: format!("{imports}\npublic class App {{\n    public static void main(String[] args) {{\n        Pulumi.run(ctx -> {{\n            var {var} = {construct};\n            ctx.export(\"id\", {var}.id());\n        }});\n    }}\n}}\n"),
    })
}

/// Java's part of the README: the Maven and Gradle coordinates, and the first program.
fn readme_of(cx: &Cx<Java>, group: &str, version: &str) -> readme::LanguageReadme {
    let name = &cx.pkg().name;
    let coordinates = format!("{group}:{name}:{version}");
    let maven = format!("<dependency>\n    <groupId>{}</groupId>\n    <artifactId>{}</artifactId>\n    <version>{}</version>\n</dependency>", xml_text(group), xml_text(name), xml_text(version));
    readme::LanguageReadme {
        language: "Java",
        package_ref: coordinates.clone(),
        install: vec![readme::Snippet { fence: "xml", code: maven }, readme::Snippet { fence: "groovy", code: format!("implementation {}", java_str(&coordinates)) }],
        program: program(cx),
        verbatim: None,
    }
}
