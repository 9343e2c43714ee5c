//! Pulumi package schema writer (placeholder until the backend lands).
use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

pub struct PulumiSchema;

impl Target for PulumiSchema {
    fn name(&self) -> &'static str {
        "pulumi-schema"
    }
    fn plan(&self, _pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(vec![])
    }
}

/// The package as a Pulumi schema document (placeholder until the writer lands).
pub fn to_schema_value(_pkg: &Package) -> serde_json::Value {
    serde_json::Value::Null
}
