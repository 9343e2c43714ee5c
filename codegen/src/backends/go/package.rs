//! The package files: the utilities package, the root package's `doc.go`,
//! `pulumi-plugin.json`, `go.mod` and the README's Go part.

use super::docs::comment;
use super::layout::PULUMI;
use super::model::{DocFile, GoMod, UtilitiesFile};
use super::names::Names;
use super::values::go_str;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::readme;
use crate::backends::sdk::manifest::plugin_json;
use crate::backends::sdk::{MemberId, Sdk};
use crate::backends::Artifact;

/// The Pulumi Go SDK version generated modules require.
pub const PULUMI_SDK_VERSION: &str = "v3.253.0";
/// `github.com/blang/semver`, which the SDK itself uses for versions.
pub const SEMVER_VERSION: &str = "v3.5.1+incompatible";
/// The `go` directive of generated modules (what the pinned SDK requires).
pub const GO_VERSION: &str = "1.25.11";

/// Every package file.
pub fn package_files(sdk: &Sdk, names: &Names) -> Vec<Artifact> {
    let pkg = sdk.pkg;
    let root = names.layout.go.root_package.clone();
    let desc = pkg.meta.description.clone().unwrap_or_else(|| format!("Package {root} exports types, functions, subpackages for provisioning {} resources.", pkg.name));
    let doc = DocFile { generated: GENERATED_HEADER.into(), docs: comment(Some(&desc), None, ""), package: root };
    let gomod = GoMod {
        generated: GENERATED_HEADER.into(),
        module: names.layout.go.module.clone(),
        go_version: GO_VERSION.into(),
        requires: vec![("github.com/blang/semver".into(), SEMVER_VERSION.into()), ("github.com/pulumi/pulumi/sdk/v3".into(), PULUMI_SDK_VERSION.into())],
    };
    vec![
        utilities_file(sdk, names),
        Artifact::template(names.layout.path("", "doc.go"), "go/doc.go.tera", &doc),
        Artifact::bytes(names.layout.path("", "pulumi-plugin.json"), plugin_json(pkg, pkg.version.as_deref(), 2)),
        Artifact::template("go.mod", "go/go.mod.tera", &gomod),
        Artifact::bytes("README.md", readme::render(pkg, &readme_of(sdk, names))),
    ]
}

fn utilities_file(sdk: &Sdk, names: &Names) -> Artifact {
    let dir = &names.layout.util_dir;
    let version = sdk.pkg.version.clone().unwrap_or_default();
    let module_major = names.layout.go.module.rsplit('/').next().and_then(|l| l.strip_prefix('v')).and_then(|n| n.parse::<u64>().ok());
    let version_major = version.trim_start_matches('v').split('.').next().and_then(|n| n.parse::<u64>().ok());
    let std: &[&str] = if version.is_empty() { &["os", "reflect", "strconv"] } else { &["fmt", "os", "reflect", "strconv"] };
    let model = UtilitiesFile {
        head: names.layout.head(dir, std, vec![PULUMI.into(), "\"github.com/blang/semver\"".into()], Vec::new()),
        version_lit: go_str(&version),
        has_version: !version.is_empty(),
        plugin_download_url_lit: sdk.pkg.meta.plugin_download_url.as_ref().map(|u| go_str(u)),
        major: version_major.or(module_major).unwrap_or(1),
    };
    Artifact::template(names.layout.path(dir, "pulumiUtilities.go"), "go/utilities.go.tera", &model)
}

/// Go's part of the README: `go get`, and the first program spelled with the planned
/// package, constructor and field names (laid out as gofmt would).
fn readme_of(sdk: &Sdk, names: &Names) -> readme::LanguageReadme {
    let base = &names.layout.go.import_base;
    readme::LanguageReadme {
        language: "Go",
        package_ref: base.clone(),
        install: vec![readme::Snippet { fence: "sh", code: format!("go get {}", readme::shell_word(base)) }],
        program: program(sdk, names),
        verbatim: None,
    }
}

fn program(sdk: &Sdk, names: &Names) -> Option<readme::Snippet> {
    let pkg = sdk.pkg;
    let ex = readme::example(pkg)?;
    let i = pkg.resources.iter().position(|r| std::ptr::eq(r, ex.resource))?;
    let rn = names.resources.get(&MemberId::Resource(i))?;
    let path = names.layout.import_path(&rn.dir);
    let package = names.layout.package_name(&rn.dir);
    if package == "pulumi" {
        return None; // would shadow the runtime's package in the program
    }
    let import = if path.rsplit('/').next() == Some(package.as_str()) { go_str(&path) } else { format!("{package} {}", go_str(&path)) };
    let mut imports = [import, go_str("github.com/pulumi/pulumi/sdk/v3/go/pulumi")];
    imports.sort();
    let (var, name) = (&ex.var, &rn.name);
    let args = if ex.inputs.is_empty() {
        "nil".to_string()
    } else {
        let fields: Vec<&String> = ex.inputs.iter().filter_map(|p| rn.fields.get(&p.name.wire)).collect();
        let width = fields.iter().map(|f| f.len()).max().unwrap_or(0);
        let lines: String = fields.iter().map(|f| format!("\t\t\t{f}:{:pad$}pulumi.String({}),\n", "", go_str(readme::PLACEHOLDER), pad = width - f.len() + 1)).collect();
        format!("&{package}.{name}Args{{\n{lines}\t\t}}")
    };
    Some(readme::Snippet {
        fence: "go",
        code: format!(
            "package main\n\nimport (\n\t{}\n\t{}\n)\n\nfunc main() {{\n\tpulumi.Run(func(ctx *pulumi.Context) error {{\n\t\t{var}, err := {package}.New{name}(ctx, {}, {args})\n\t\tif err != nil {{\n\t\t\treturn err\n\t\t}}\n\t\tctx.Export(\"id\", {var}.ID())\n\t\treturn nil\n\t}})\n}}\n",
            imports[0],
            imports[1],
            go_str(var),
        ),
    })
}
