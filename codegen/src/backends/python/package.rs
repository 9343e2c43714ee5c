//! The package files: `_utilities.py`, `py.typed`, `pulumi-plugin.json`, `pyproject.toml`
//! and the README (its first program spelled with the planned names).

use super::layout;
use super::model::*;
use super::naming;
use super::values::py_str;
use super::Cx;
use crate::backends::common::GENERATED_HEADER;
use crate::backends::sdk::manifest::plugin_json;
use crate::backends::{readme, Artifact};
use std::collections::BTreeMap;

/// The package files.
pub fn package_files(cx: &Cx) -> Vec<Artifact> {
    let pkg = cx.pkg();
    let dir = layout::package_dir(&cx.names.package);
    let lit = |s: Option<&str>| s.map(py_str).unwrap_or_else(|| "None".into());
    let util = UtilitiesFile {
        generated: GENERATED_HEADER.into(),
        version_lit: lit(pkg.version.as_deref()),
        plugin_download_url_lit: lit(pkg.meta.plugin_download_url.as_deref()),
    };
    vec![
        Artifact::template(format!("{dir}/_utilities.py"), "python/_utilities.py.tera", &util),
        Artifact::bytes(format!("{dir}/py.typed"), Vec::new()),
        // The schema's version as it is (not PyPI-normalized): what the SDK has always shipped.
        Artifact::bytes(format!("{dir}/pulumi-plugin.json"), plugin_json(pkg, pkg.version.as_deref(), 2)),
        Artifact::bytes("README.md", readme::render(pkg, &readme_of(cx))),
        Artifact::template("pyproject.toml", "python/pyproject.toml.tera", &pyproject(cx)),
    ]
}

/// The `pyproject.toml` view model.
fn pyproject(cx: &Cx) -> Pyproject {
    let pkg = cx.pkg();
    let toml_str = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut requires: BTreeMap<String, String> = BTreeMap::new();
    requires.insert("pulumi".into(), ">=3.231.0,<4.0.0".into());
    requires.insert("semver".into(), ">=2.8.1".into());
    if cx.names.typed_dicts {
        requires.insert("typing-extensions".into(), ">=4.11,<5; python_version < \"3.11\"".into());
    }
    requires.extend(cx.settings.requires.iter().map(|(k, v)| (k.clone(), v.clone())));
    let mut urls = Vec::new();
    if let Some(h) = &pkg.meta.homepage {
        urls.push(("Homepage".to_string(), toml_str(h)));
    }
    if let Some(r) = &pkg.meta.repository {
        urls.push(("Repository".to_string(), toml_str(r)));
    }
    Pyproject {
        generated: GENERATED_HEADER.into(),
        name: toml_str(&cx.names.package),
        version: toml_str(&pkg.version.as_deref().map(pypi_version).unwrap_or_else(|| "0.0.0".into())),
        description: pkg.meta.description.as_deref().and_then(|d| d.lines().next()).map(toml_str),
        license: pkg.meta.license.as_deref().map(toml_str),
        keywords: format!("[{}]", pkg.meta.keywords.iter().map(|k| toml_str(k)).collect::<Vec<_>>().join(", ")),
        requires_python: toml_str(cx.settings.python_requires.as_deref().unwrap_or(">=3.9")),
        dependencies: requires.iter().map(|(k, v)| toml_str(&format!("{k}{v}"))).collect(),
        urls,
        package_key: toml_str(&cx.names.package),
    }
}

/// Python's part of the README: `pip install`, and the first program spelled with the
/// planned class, module and `__init__` parameter names.
fn readme_of(cx: &Cx) -> readme::LanguageReadme {
    let pkg = cx.pkg();
    let package = &cx.names.package;
    let alias = naming::keyword_safe(naming::make_valid_identifier(&pkg.name.replace('-', "_")));
    let program = readme::example(pkg).and_then(|ex| {
        let (id, _) = cx.sdk.members().find(|(_, r)| !r.is_provider && std::ptr::eq(*r, ex.resource))?;
        let rn = cx.names.resources.get(&id)?;
        let mut path = vec![alias.clone()];
        path.extend(rn.module.split('/').filter(|p| !p.is_empty()).map(str::to_string));
        path.push(rn.class.clone());
        let params: BTreeMap<&str, &String> = ex.resource.inputs.iter().map(|p| p.name.wire.as_str()).zip(&rn.init).collect();
        let mut call = vec![py_str(&ex.var)];
        call.extend(ex.inputs.iter().map(|p| format!("{}={}", params[p.name.wire.as_str()], py_str(readme::PLACEHOLDER))));
        let var = ex.var_snake();
        Some(readme::Snippet {
            fence: "python",
            code: format!("import pulumi\nimport {package} as {alias}\n\n{var} = {}({})\n\npulumi.export(\"id\", {var}.id)\n", path.join("."), call.join(", ")),
        })
    });
    readme::LanguageReadme {
        language: "Python",
        package_ref: package.clone(),
        install: vec![readme::Snippet { fence: "sh", code: format!("pip install {}", readme::shell_word(package)) }],
        program,
        verbatim: cx.settings.readme.clone(),
    }
}

/// Semver → PEP 440 (Pulumi's `PypiVersion`): `1.2.3-alpha.4` → `1.2.3a4`, `-dev.N` →
/// `.devN`, `-post.N` → `.postN`; other pre-release and build parts become a local version.
pub fn pypi_version(v: &str) -> String {
    let (core, build) = match v.split_once('+') {
        Some((c, b)) => (c, Some(b)),
        None => (v, None),
    };
    let (nums, pre) = match core.split_once('-') {
        Some((n, p)) => (n, Some(p)),
        None => (core, None),
    };
    let mut pre_parts: Vec<String> = Vec::new();
    if let Some(p) = pre {
        // `alpha.18` is one segment for our purposes.
        let norm = regex::Regex::new(r"(alpha|beta|rc|dev|post)\.(\d+)")
            .map(|re| re.replace_all(p, "${1}${2}").to_string())
            .unwrap_or_else(|_| p.to_string());
        pre_parts = norm.split('.').map(str::to_string).collect();
    }
    let release_re = regex::Regex::new(r"^(a|b|rc)[0-9]+$").ok();
    let is = |re: &str, s: &str| {
        regex::Regex::new(re)
            .map(|r| r.is_match(s))
            .unwrap_or(false)
    };
    let mut idx = 0;
    let mut release = String::new();
    let mut dev = String::new();
    let mut post = String::new();
    if let Some(first) = pre_parts.first() {
        let guess = if let Some(r) = first.strip_prefix("alpha") {
            format!("a{r}")
        } else if let Some(r) = first.strip_prefix("beta") {
            format!("b{r}")
        } else {
            first.clone()
        };
        if release_re.as_ref().is_some_and(|re| re.is_match(&guess)) {
            release = guess;
            idx = 1;
        }
    }
    if let Some(p) = pre_parts.get(idx) {
        if is(r"^dev[0-9]+$", p) {
            dev = format!(".{p}");
            idx += 1;
        }
    }
    if let Some(p) = pre_parts.get(idx) {
        if is(r"^post[0-9]+$", p) {
            post = format!(".{p}");
            idx += 1;
        }
    }
    if !release.is_empty() {
        idx = idx.max(1);
    }
    let mut local: Vec<String> = pre_parts
        .iter()
        .skip(idx)
        .map(|s| s.replace('-', "."))
        .collect();
    if let Some(b) = build {
        local.extend(b.split('.').map(|s| s.replace('-', ".")));
    }
    let local = if local.is_empty() {
        String::new()
    } else {
        format!("+{}", local.join("."))
    };
    format!("{nums}{release}{dev}{post}{local}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pypi_versions() {
        for (i, o) in [
            ("1.2.3", "1.2.3"),
            ("1.2.3+dirty", "1.2.3+dirty"),
            ("1.2.3-alpha123+beta123", "1.2.3a123+beta123"),
            ("1.2.3-rc789", "1.2.3rc789"),
            ("1.2.3-dev321", "1.2.3.dev321"),
            ("1.2.3-post456", "1.2.3.post456"),
            ("1.2.3-posttt456", "1.2.3+posttt456"),
            ("0.0.1-alpha.18", "0.0.1a18"),
            ("0.0.1-beta.18", "0.0.1b18"),
            ("0.0.1-rc.18", "0.0.1rc18"),
            ("1.2.3-dev.20", "1.2.3.dev20"),
            ("1.2.3-post.1", "1.2.3.post1"),
        ] {
            assert_eq!(pypi_version(i), o, "{i}");
        }
    }
}
