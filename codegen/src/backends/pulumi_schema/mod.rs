//! The Pulumi-schema target: writes a finished IR package back out as a Pulumi package
//! schema (`schema.json`). This is cloudgen's interchange format and what
//! `cloudgen schema INPUT -o FILE` prints.
//!
//! Owns the target and [`to_schema_value`]; the per-node forms and the residual algebra
//! live in [`crate::pulumi_form`].
//!
//! For IR that came from a Pulumi schema the output equals the input as a JSON value
//! (object key order aside): every node's `extra` holds the residual between its source
//! and its written form (see [`crate::pulumi_form`]). Guaranteed normalizations, all invisible to a
//! `serde_json::Value` comparison: object keys are sorted; the document is pretty-printed
//! with a trailing newline; YAML input comes back as JSON with anchors and merge keys
//! expanded. Nothing else changes — `required` lists keep their order and duplicates,
//! `%2F`-escaped `$ref`s keep their spelling, a missing `provider` stays missing.
//!
//! For IR from other frontends (Terraform, OpenAPI) the output is a plain, valid Pulumi
//! schema: object types carry `type: object`, references are `#/types/<token>`,
//! `#/resources/<token>` or `#/provider`, the provider is written from the IR provider
//! (derived from `config` when the frontend gave none), `required` lists are sorted,
//! and `meta.moduleFormat` is written when it is not the default `(.*)`.

use crate::pulumi_form as form;

use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

/// The Pulumi package schema writer.
pub struct PulumiSchema;

impl Target for PulumiSchema {
    fn name(&self) -> &'static str {
        "pulumi-schema"
    }

    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(vec![Artifact::bytes("schema.json", to_schema_bytes(pkg))])
    }
}

/// The package as a Pulumi package schema value, keys sorted.
pub fn to_schema_value(pkg: &Package) -> serde_json::Value {
    form::canonical(form::package_form(pkg))
}

/// The package as `schema.json` bytes: pretty-printed, sorted keys, trailing newline.
pub fn to_schema_bytes(pkg: &Package) -> Vec<u8> {
    // Serializing a `Value` cannot fail (keys are strings, numbers are finite).
    let mut text = serde_json::to_string_pretty(&to_schema_value(pkg)).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}
