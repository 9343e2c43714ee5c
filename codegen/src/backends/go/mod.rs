//! Go target on `github.com/pulumi/pulumi/sdk/v3`: plans one Go module per package whose
//! public surface (package paths, type, function, field and method names, struct tags, token
//! strings) matches what Pulumi's own Go generator emits, formatted exactly as gofmt would
//! format it (the generated files are never post-processed).
//!
//! Files: [`naming`] (the naming oracle), [`types`] (TypeRef → Go type), [`docs`] (comments
//! in gofmt's canonical doc-comment form, literals), [`model`] (view models), [`plan`]
//! (package → artifacts); layout lives in `templates/go/*.tera`.

pub mod docs;
pub mod model;
pub mod naming;
pub mod plan;
pub mod types;

use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

/// The Go SDK target.
pub struct Go;

impl Target for Go {
    fn name(&self) -> &'static str {
        "go"
    }

    /// Every name the IR allows is made a valid Go identifier, so planning never fails.
    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(plan::plan(pkg))
    }
}
