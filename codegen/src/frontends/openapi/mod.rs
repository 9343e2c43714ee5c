//! OpenAPI frontend: OpenAPI 3.0 (read with `openapiv3`), Swagger 2.0 and OpenAPI 3.1
//! (converted to the 3.0 shape first), JSON or YAML, one file or many.
//!
//! - [`load`]: external `$ref`s resolved relative to the file that holds them.
//! - [`convert`]: Swagger 2.0 / 3.1 → 3.0, and repairs of what `openapiv3` rejects.
//! - [`schema`]: schema → IR type mapping.
//! - [`infer`]: which operations form resources, which stay functions.
//! - [`lower`]: resources and functions → IR, with their REST lifecycle.
//! - [`naming`]: package, type, resource, function and module names.
//!
//! The package name comes from `info.title` (`PowerDNS Authoritative HTTP API` →
//! `powerdns`); the overrides file's `openapi` section is keyed by it.

pub mod convert;
pub mod infer;
pub mod load;
pub mod lower;
pub mod naming;
pub mod schema;

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::ir::PackageBuilder;
use crate::overrides::{OpenapiOverrides, Overrides};
use openapiv3::OpenAPI;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

/// A parsed document, converted to OpenAPI 3.0.
pub struct Parsed {
    pub api: OpenAPI,
    pub swagger: bool,
    pub diags: Vec<Diagnostic>,
}

/// Reads, bundles, converts and parses a document. `base` is the input's real path (for
/// relative references to other files).
pub fn parse(display: &str, base: Option<&Path>, json: &[u8]) -> Result<Parsed, Diagnostics> {
    let file = SourceRef::new(display, "");
    let mut doc: Value = serde_json::from_slice(json).map_err(|e| Diagnostics::from(Diagnostic::error(file.clone(), format!("not JSON: {e}"))))?;
    if !doc.is_object() {
        return Err(Diagnostic::error(file, "an OpenAPI document is an object").into());
    }
    let swagger = match (doc.get("swagger"), doc.get("openapi")) {
        (Some(Value::String(v)), _) if v.starts_with('2') => true,
        (_, Some(Value::String(v))) if v.starts_with("3.") => false,
        (Some(v), _) => {
            return Err(Diagnostic::error(file.child("swagger"), format!("unsupported Swagger version {v}"))
                .with_hint("cloudgen reads Swagger 2.0 and OpenAPI 3.0/3.1")
                .into())
        }
        (_, Some(v)) => {
            return Err(Diagnostic::error(file.child("openapi"), format!("unsupported OpenAPI version {v}"))
                .with_hint("cloudgen reads Swagger 2.0 and OpenAPI 3.0/3.1")
                .into())
        }
        _ => {
            return Err(Diagnostic::error(file, "neither `openapi` nor `swagger` is set")
                .with_hint("an OpenAPI document starts with `openapi: 3.x` or `swagger: \"2.0\"`")
                .into())
        }
    };
    let mut diags = load::bundle(&mut doc, display, base, swagger);
    if swagger {
        doc = convert::swagger2(doc);
    } else if let Some(Value::String(v)) = doc.get("openapi") {
        if !v.starts_with("3.0") {
            // 3.1 and later: after normalization the document reads as 3.0.
            doc["openapi"] = Value::String("3.0.3".into());
        }
    }
    convert::normalize_schemas(&mut doc);
    if doc.get("info").is_none() {
        doc["info"] = serde_json::json!({"title": "", "version": ""});
    }
    if doc.get("paths").is_none() {
        doc["paths"] = serde_json::json!({});
    }
    // openapiv3 has a few `expect`s on shapes serde has already accepted; a spec that
    // trips one is reported, never a crash.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| OpenAPI::deserialize(&doc)));
    let api = match parsed {
        Ok(Ok(api)) => api,
        Ok(Err(plain)) => {
            let d = match serde_path_to_error::deserialize::<_, OpenAPI>(&doc) {
                Err(e) => crate::frontends::spec_error(
                    display,
                    e,
                    if swagger { "Swagger 2.0 document (after conversion to OpenAPI 3.0)" } else { "OpenAPI 3.0 document" },
                ),
                Ok(_) => Diagnostic::error(file, format!("not a valid OpenAPI document: {plain}")),
            };
            diags.push(d);
            return Err(Diagnostics(diags).sorted());
        }
        Err(_) => {
            diags.push(Diagnostic::error(file, "the OpenAPI parser failed on this document").with_hint("validate the spec with an OpenAPI linter"));
            return Err(Diagnostics(diags).sorted());
        }
    };
    if diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
        return Err(Diagnostics(diags).sorted());
    }
    Ok(Parsed { api, swagger, diags })
}

/// The package name and its overrides.
fn package<'o>(api: &OpenAPI, overrides: &'o Overrides) -> (String, Option<&'o OpenapiOverrides>, SourceRef) {
    let derived = naming::package_name(&api.info.title);
    let ov = overrides.openapi.get(&derived);
    let name = ov.and_then(|o| o.package.clone()).unwrap_or_else(|| derived.clone());
    (name, ov, overrides.source_ref().child("openapi").child(&derived))
}

/// Lowers an OpenAPI/Swagger document into one package builder.
pub fn lower(display: &str, base: Option<&Path>, json: &[u8], overrides: &Overrides) -> Result<PackageBuilder, Diagnostics> {
    let parsed = parse(display, base, json)?;
    let file = SourceRef::new(display, "");
    let api = &parsed.api;
    let (pkg, ov, ov_src) = package(api, overrides);
    let mut b = PackageBuilder::new(pkg.clone(), file.clone());
    {
        let meta = b.meta_mut();
        meta.display_name = Some(api.info.title.clone()).filter(|t| !t.trim().is_empty());
        meta.description = api.info.description.clone().filter(|d| !d.trim().is_empty());
        meta.license = api.info.license.as_ref().map(|l| l.name.clone()).filter(|l| !l.trim().is_empty());
    }
    let inf = infer::infer(api, &file, ov, &ov_src);
    let types_module = ov.and_then(|o| o.modules.default.clone()).unwrap_or_else(|| "index".into());
    let mut mapper = schema::Mapper::new(api, &pkg, file.clone(), parsed.swagger, &types_module);
    let mut lw = lower::Lowerer { api, pkg: pkg.clone(), file: file.clone(), mapper: &mut mapper, diags: Vec::new() };
    lw.config(&mut b);
    for p in &inf.resources {
        let r = lw.resource(p, &inf);
        b.add_resource(r);
    }
    for f in &inf.functions {
        let func = lw.function(&inf.ops[f.op], &f.name, &f.module);
        b.add_function(func);
    }
    let lw_diags = std::mem::take(&mut lw.diags);
    for t in std::mem::take(&mut mapper.types).into_values() {
        b.add_type(t);
    }
    for d in parsed.diags.into_iter().chain(inf.diags).chain(lw_diags).chain(mapper.diags) {
        b.diag(d);
    }
    Ok(b)
}

/// One row of `cloudgen explain resources`.
#[derive(Debug, Clone)]
pub struct ResourceRow {
    pub token: String,
    pub rule: &'static str,
    /// `(role, "METHOD /path")` in lifecycle order.
    pub operations: Vec<(&'static str, String)>,
}

/// What inference made of a document.
#[derive(Debug, Clone)]
pub struct Explained {
    pub package: String,
    pub resources: Vec<ResourceRow>,
    /// `(token, "METHOD /path")`.
    pub functions: Vec<(String, String)>,
    pub ignored: Vec<String>,
    pub diags: Diagnostics,
}

/// Runs inference only, for `cloudgen explain resources`.
pub fn explain(display: &str, base: Option<&Path>, json: &[u8], overrides: &Overrides) -> Result<Explained, Diagnostics> {
    let parsed = parse(display, base, json)?;
    let file = SourceRef::new(display, "");
    let (pkg, ov, ov_src) = package(&parsed.api, overrides);
    let inf = infer::infer(&parsed.api, &file, ov, &ov_src);
    let describe = |i: usize| format!("{} {}", inf.ops[i].method, inf.ops[i].path);
    let mut resources: Vec<ResourceRow> = inf
        .resources
        .iter()
        .map(|p| ResourceRow {
            token: format!("{pkg}:{}:{}", p.module, p.name),
            rule: p.rule.as_str(),
            operations: p.ops().map(|(role, o)| (role, describe(o))).collect(),
        })
        .collect();
    resources.sort_by(|a, b| a.token.cmp(&b.token));
    let mut functions: Vec<(String, String)> = inf.functions.iter().map(|f| (format!("{pkg}:{}:{}", f.module, f.name), describe(f.op))).collect();
    functions.sort();
    let ignored = inf.ignored.iter().map(|&i| describe(i)).collect();
    Ok(Explained { package: pkg, resources, functions, ignored, diags: Diagnostics(parsed.diags.into_iter().chain(inf.diags).collect()).sorted() })
}
