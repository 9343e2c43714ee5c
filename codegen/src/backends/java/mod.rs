//! Java target on `com.pulumi:pulumi` (placeholder until the backend lands).
use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

pub struct Java;

impl Target for Java {
    fn name(&self) -> &'static str {
        "java"
    }
    fn plan(&self, _pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(vec![])
    }
}
