//! Python target on `pulumi` (PyPI): plans a `pulumi_<pkg>` package whose public surface
//! (module layout, class, function, argument and property names, token strings) matches
//! what Pulumi's own Python generator emits, typed so that it is clean under `mypy --strict`.
//!
//! Files: [`naming`] (the naming oracle), [`types`] (TypeRef → Python type), [`docs`]
//! (docstring and literal escaping), [`model`] (view models), [`plan`] (package → artifacts);
//! layout lives in `templates/python/*.tera`.

pub mod docs;
pub mod model;
pub mod naming;
pub mod plan;
pub mod types;

use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

/// The Python SDK target.
pub struct Python;

impl Target for Python {
    fn name(&self) -> &'static str {
        "python"
    }

    /// Every name the IR allows yields valid Python, so planning never fails.
    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(plan::plan(pkg))
    }
}
