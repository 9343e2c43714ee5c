//! Go target on `github.com/pulumi/pulumi/sdk/v3` (placeholder until the backend lands).
use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

pub struct Go;

impl Target for Go {
    fn name(&self) -> &'static str {
        "go"
    }
    fn plan(&self, _pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(vec![])
    }
}
