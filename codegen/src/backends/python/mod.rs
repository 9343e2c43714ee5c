//! Python target on `pulumi` (PyPI) (placeholder until the backend lands).
use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

pub struct Python;

impl Target for Python {
    fn name(&self) -> &'static str {
        "python"
    }
    fn plan(&self, _pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(vec![])
    }
}
