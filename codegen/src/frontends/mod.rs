//! Frontends: each reads one input format faithfully into raw `*Spec` types and lowers it
//! through [`crate::ir::PackageBuilder`]. This module detects the format from content and dispatches.

pub mod openapi;
pub mod pulumi;
pub mod terraform;

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::ir::builder::Finished;
use crate::overrides::Overrides;
use serde::Deserialize;
use std::path::Path;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Terraform,
    Openapi,
    Pulumi,
}

/// Whether the bytes are JSON or YAML (JSON is tried first; YAML is a superset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
}

/// Reads `path`, detects (or takes) its format, lowers and finishes every package in it.
/// `display` is how the file is named in diagnostics and IR source refs.
pub fn load(path: &Path, display: &str, from: Option<Format>, overrides: &Overrides) -> Result<Vec<Finished>, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostics::from(Diagnostic::error(SourceRef::new(display, ""), format!("cannot read input: {e}")).with_hint("check the path"))
    })?;
    load_at(&bytes, Some(path), display, from, overrides)
}

/// Like [`load`] for bytes already in memory (relative references to other files of a
/// multi-file OpenAPI spec cannot be followed: there is no path to follow them from).
pub fn load_bytes(bytes: &[u8], display: &str, from: Option<Format>, overrides: &Overrides) -> Result<Vec<Finished>, Diagnostics> {
    load_at(bytes, None, display, from, overrides)
}

/// [`load_bytes`] with the input's real path, when there is one.
fn load_at(bytes: &[u8], path: Option<&Path>, display: &str, from: Option<Format>, overrides: &Overrides) -> Result<Vec<Finished>, Diagnostics> {
    let (json, syntax) = to_json_bytes(bytes, display)?;
    let format = match from {
        Some(f) => f,
        None => detect(&json, display)?,
    };
    let builders = match format {
        Format::Terraform => terraform::lower(display, &json, overrides)?,
        Format::Pulumi => vec![pulumi::lower(display, &json, syntax, overrides)?],
        Format::Openapi => vec![openapi::lower(display, path, &json, overrides)?],
    };
    let mut finished = Vec::new();
    let mut diags = Diagnostics::new();
    // Generated files name their input by file name only: no host paths in output.
    let file_name = display.rsplit('/').next().unwrap_or(display).to_string();
    for mut b in builders {
        b.meta_mut().generated_from = file_name.clone();
        match b.finish() {
            Ok(f) => finished.push(f),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        // Keep the warnings of the packages that did finish: they are reported together.
        for f in &finished {
            diags.extend(f.warnings.clone());
        }
        return Err(diags.sorted());
    }
    Ok(finished)
}

/// Returns JSON bytes: JSON input as is, YAML converted (anchors and merge keys applied).
pub fn to_json_bytes(bytes: &[u8], display: &str) -> Result<(Vec<u8>, Syntax), Diagnostics> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if matches!(first, Some(b'{') | Some(b'[')) {
        return match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Ok(_) => Ok((bytes.to_vec(), Syntax::Json)),
            Err(e) => Err(Diagnostic::error(SourceRef::new(display, ""), format!("malformed JSON at line {} column {}: {e}", e.line(), e.column()))
                .with_hint("fix the JSON syntax; `python3 -m json.tool FILE` pinpoints it too")
                .into()),
        };
    }
    let mut value: serde_yaml::Value = serde_yaml::from_slice(bytes).map_err(|e| {
        let at = e.location().map(|l| format!(" at line {} column {}", l.line(), l.column())).unwrap_or_default();
        Diagnostics::from(Diagnostic::error(SourceRef::new(display, ""), format!("input is neither JSON nor YAML{at}: {e}")).with_hint("inputs are JSON or YAML documents"))
    })?;
    value.apply_merge().map_err(|e| Diagnostics::from(Diagnostic::error(SourceRef::new(display, ""), format!("YAML merge key: {e}"))))?;
    let json: serde_json::Value = serde_json::to_value(&value).map_err(|e| {
        Diagnostics::from(Diagnostic::error(SourceRef::new(display, ""), format!("YAML cannot be represented as JSON: {e}")).with_hint("use string keys only"))
    })?;
    Ok((serde_json::to_vec(&json).expect("JSON values serialize"), Syntax::Yaml))
}

#[derive(Deserialize)]
struct Sniff {
    format_version: Option<serde::de::IgnoredAny>,
    provider_schemas: Option<serde::de::IgnoredAny>,
    openapi: Option<serde::de::IgnoredAny>,
    swagger: Option<serde::de::IgnoredAny>,
    name: Option<serde::de::IgnoredAny>,
}

/// Detects the format from the top-level keys.
pub fn detect(json: &[u8], display: &str) -> Result<Format, Diagnostics> {
    let not_recognised = || {
        Diagnostics::from(
            Diagnostic::error(SourceRef::new(display, ""), "unrecognised input format")
                .with_hint("expected a Terraform provider schema (`provider_schemas`), an OpenAPI/Swagger spec (`openapi`/`swagger`) or a Pulumi package schema (`name`, `resources`, `types`, …); or pass --from"),
        )
    };
    let s: Sniff = serde_json::from_slice(json).map_err(|_| not_recognised())?;
    if s.provider_schemas.is_some() || (s.format_version.is_some() && s.name.is_none()) {
        Ok(Format::Terraform)
    } else if s.openapi.is_some() || s.swagger.is_some() {
        Ok(Format::Openapi)
    } else if s.name.is_some() {
        // A Pulumi schema needs only a name (an empty package is valid: Pulumi's own tests
        // have one with just `name`, `version` and `language`).
        Ok(Format::Pulumi)
    } else {
        Err(not_recognised())
    }
}

/// Turns a `serde_path_to_error` failure into a diagnostic with a JSON pointer.
pub fn spec_error(display: &str, e: serde_path_to_error::Error<serde_json::Error>, what: &str) -> Diagnostic {
    let mut src = SourceRef::new(display, "");
    for seg in e.path().iter() {
        src = match seg {
            serde_path_to_error::Segment::Seq { index } => src.child(&index.to_string()),
            serde_path_to_error::Segment::Map { key } => src.child(key),
            serde_path_to_error::Segment::Enum { variant } => src.child(variant),
            serde_path_to_error::Segment::Unknown => src,
        };
    }
    Diagnostic::error(src, format!("not a valid {what}: {}", e.inner())).with_hint(format!("fix the value at this pointer so it matches the {what} format"))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(detect(br#"{"format_version":"1.0","provider_schemas":{}}"#, "x").unwrap(), Format::Terraform);
        assert_eq!(detect(br#"{"swagger":"2.0"}"#, "x").unwrap(), Format::Openapi);
        assert_eq!(detect(br#"{"name":"x","resources":{}}"#, "x").unwrap(), Format::Pulumi);
        assert_eq!(detect(br#"{"name":"x","version":"1.0.0"}"#, "x").unwrap(), Format::Pulumi);
        assert!(detect(br#"{"hello":1}"#, "x").is_err());
        assert!(detect(br#"[1]"#, "x").is_err());
    }

    #[test]
    fn malformed_json_has_a_position() {
        let e = to_json_bytes(b"{\"a\": }", "x.json").unwrap_err();
        assert!(e.to_string().contains("line 1 column"), "{e}");
    }

    #[test]
    fn yaml_merge_keys_apply() {
        let (json, syntax) = to_json_bytes(b"base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n", "x.yaml").unwrap();
        assert_eq!(syntax, Syntax::Yaml);
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["other"]["x"], 1);
    }
}
