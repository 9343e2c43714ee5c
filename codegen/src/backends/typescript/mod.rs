//! TypeScript target on `@pulumi/pulumi` (npm): plans the files of a Node.js SDK whose
//! public surface (class, function, interface, property and token names) matches what
//! Pulumi's own nodejs generator produces for the same schema.
//!
//! Layout of the backend: `naming.rs` decides names, `types.rs` maps types, `docs.rs`
//! renders JSDoc, `model.rs` holds the view models, `plan.rs` builds them; templates live
//! in `templates/typescript/`.

pub mod docs;
pub mod model;
pub mod naming;
pub mod plan;
pub mod types;

use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

/// The TypeScript target (`--lang typescript`).
pub struct TypeScript;

impl Target for TypeScript {
    fn name(&self) -> &'static str {
        "typescript"
    }

    /// Every name the IR allows yields valid TypeScript, so planning cannot fail.
    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(plan::plan(pkg))
    }
}
