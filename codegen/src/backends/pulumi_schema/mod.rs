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
