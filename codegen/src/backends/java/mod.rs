//! Java target on `com.pulumi:pulumi` (Maven Central): plans one Maven project per package
//! whose public surface (Java packages, class, method, builder and getter names, token
//! strings) matches what Pulumi's own Java generator emits, so that programs written against
//! an official Java SDK compile unchanged against ours.
//!
//! Files: [`naming`] (the naming oracle), [`types`] (TypeRef → Java type, per-file
//! imports), [`docs`] (Javadoc and literal escaping), [`model`] (view models), [`plan`]
//! (package → artifacts); layout lives in `templates/java/*.tera`.
//!
//! Large resources stay within JVM limits by construction: every class is filled through a
//! builder (one small method per property), never through a constructor taking every
//! property, so no method approaches 255 parameters or 64 KB of bytecode.

pub mod docs;
pub mod model;
pub mod naming;
pub mod plan;
pub mod types;

use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;

/// The Java SDK target.
pub struct Java;

impl Target for Java {
    fn name(&self) -> &'static str {
        "java"
    }

    /// Every name the IR allows yields valid Java, so planning never fails.
    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        Ok(plan::plan(pkg))
    }
}
