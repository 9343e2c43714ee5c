//! Pulumi package schema frontend: reads a package schema (JSON, or YAML already turned
//! into JSON by [`crate::frontends::to_json_bytes`]) faithfully and lowers it into the IR.
//!
//! Owns: [`spec`] (serde mirrors of the schema) and the lowering rules in `lower`. The
//! round trip back to a schema is the `pulumi-schema` target's job; the residuals that
//! make it lossless are computed here, node by node (see `lower`).

pub mod spec;

mod lower;

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::frontends::{spec_error, Syntax};
use crate::ir::PackageBuilder;
use crate::overrides::Overrides;

/// Parses and lowers one Pulumi package schema. `display` names the file in diagnostics
/// and source refs. Parse errors come back at once (with the JSON pointer of the bad
/// value); lowering problems are handed to the builder so that `finish` reports them
/// together with its own. Overrides do not apply: a Pulumi schema is already in Pulumi's
/// terms.
pub fn lower(
    display: &str,
    json: &[u8],
    syntax: Syntax,
    overrides: &Overrides,
) -> Result<PackageBuilder, Diagnostics> {
    lower_with_report(display, json, syntax, overrides).map(|(b, _)| b)
}

/// Like [`lower`], also returning the JSON pointers where a residual had to replace a
/// value the writer would write differently (an escaped `$ref`, a `required` list's
/// order). Tests use it to tell respellings from lowering bugs.
pub fn lower_with_report(
    display: &str,
    json: &[u8],
    _syntax: Syntax,
    _overrides: &Overrides,
) -> Result<(PackageBuilder, Vec<String>), Diagnostics> {
    let raw: serde_json::Value = serde_json::from_slice(json).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(
                SourceRef::new(display, ""),
                format!(
                    "malformed JSON at line {} column {}: {e}",
                    e.line(),
                    e.column()
                ),
            )
            .with_hint("fix the JSON syntax"),
        )
    })?;
    if !raw.is_object() {
        return Err(Diagnostic::error(
            SourceRef::new(display, ""),
            "a Pulumi package schema is a JSON object",
        )
        .with_hint("the document must start with `{`")
        .into());
    }
    let de = &mut serde_json::Deserializer::from_slice(json);
    let spec: spec::PackageSpec = serde_path_to_error::deserialize(de)
        .map_err(|e| Diagnostics::from(spec_error(display, e, "Pulumi package schema")))?;
    let lowering = lower::Lowering::new(display, &raw, &spec);
    let (b, replaced) = lowering.run(&spec);
    Ok((b, replaced))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Over the real corpus, residuals may only *respell* a value the writer writes in
    /// one of these ways; any other replacement would mean the lowering got a value wrong
    /// and the residual is papering over it.
    #[test]
    fn pulumi_corpus_residuals_only_respell() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let mut seen = 0;
        for dir in ["pulumi", "pulumi-codegen-tests"] {
            let Ok(entries) = std::fs::read_dir(corpus.join(dir)) else {
                eprintln!("corpus {dir} absent; skipping");
                continue;
            };
            let mut paths: Vec<_> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "yaml"))
                .collect();
            paths.sort();
            for p in paths {
                let bytes = std::fs::read(&p).unwrap();
                let display = p.display().to_string();
                let (json, syntax) = crate::frontends::to_json_bytes(&bytes, &display).unwrap();
                let (_, replaced) =
                    lower_with_report(&display, &json, syntax, &Overrides::default()).unwrap();
                seen += 1;
                for r in replaced {
                    let segs: Vec<&str> = r.rsplit('/').take(2).collect();
                    let is_list = |s: &str| s == "required" || s == "requiredInputs";
                    let ok = segs[0] == "$ref"
                        || is_list(segs[0])
                        || (segs.len() == 2
                            && is_list(segs[1])
                            && segs[0].parse::<usize>().is_ok());
                    assert!(ok, "{display}: residual replaces the written value at {r}");
                }
            }
        }
        eprintln!("checked residuals of {seen} corpus schemas");
    }
}
