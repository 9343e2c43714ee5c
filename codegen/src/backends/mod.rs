//! Targets: every language backend (and the Pulumi-schema writer) implements [`Target`].
//!
//! A target only plans: from a finished `&Package` it produces artifacts (a relative path and
//! either a template with its view model, or finished bytes). It does no I/O; the driver
//! renders the artifacts in parallel into a [`crate::fileset::FileSet`] or onto disk.
//!
//! Planning streams ([`Target::plan_into`]): each artifact goes to the driver as soon as it
//! exists and is rendered on the planning thread, so a view model lives for one file, not
//! for the whole package (AWS's 115,000 Java models held at once were half of the peak
//! memory of a four-language generation).

pub mod common;
pub mod go;
pub mod java;
pub mod pulumi_schema;
pub mod python;
pub mod readme;
pub mod sdk;
pub mod shim;
pub mod typescript;

use crate::diag::Diagnostics;
use crate::ir::Package;

/// One file a target wants written, relative to `<out>/<target>/<package>/`.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub path: String,
    pub content: ArtifactContent,
}

#[derive(Debug, Clone)]
pub enum ArtifactContent {
    /// Render `template` (a name like `typescript/resource.ts.tera`) with `model`.
    Template { template: &'static str, model: serde_json::Value },
    /// Finished contents (JSON manifests, static files).
    Bytes(Vec<u8>),
}

impl Artifact {
    pub fn template(path: impl Into<String>, template: &'static str, model: &impl serde::Serialize) -> Artifact {
        Artifact {
            path: path.into(),
            content: ArtifactContent::Template { template, model: serde_json::to_value(model).expect("view models serialize") },
        }
    }

    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Artifact {
        Artifact { path: path.into(), content: ArtifactContent::Bytes(bytes.into()) }
    }
}

/// Where [`Target::plan_into`] hands each artifact. It cannot fail: the driver keeps the
/// first rendering or write error and ignores what comes after it.
pub type Emit<'a> = dyn Fn(Artifact) + Sync + 'a;

/// A code generation target.
pub trait Target: Send + Sync {
    /// Stable name; also the output subdirectory (`generated/<name>/<package>/`).
    fn name(&self) -> &'static str;

    /// Plans every file for `pkg`. Errors are diagnostics (e.g. a name no language can
    /// spell), never panics.
    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics>;

    /// Plans every file for `pkg`, handing each to `emit` as soon as it is planned (from
    /// any thread, in no fixed order). The default plans everything first; the SDK
    /// languages stream.
    fn plan_into(&self, pkg: &Package, emit: &Emit) -> Result<(), Diagnostics> {
        for a in self.plan(pkg)? {
            emit(a);
        }
        Ok(())
    }

    /// Warnings about what this target reads of `pkg` beyond the IR (its
    /// `language.<lang>` block): unknown keys, values of the wrong type. Never errors.
    fn warnings(&self, _pkg: &Package) -> Diagnostics {
        Diagnostics::new()
    }

    /// The names a program spells in this target (SDK languages only), for `cloudgen
    /// diff`'s per-language report. `None`: the target has no program-facing names.
    fn surface(&self, _pkg: &Package) -> Option<Result<sdk::surface::Surface, Diagnostics>> {
        None
    }
}

/// Every target by its CLI name, in a stable order.
pub fn all_targets() -> Vec<Box<dyn Target>> {
    vec![
        Box::new(typescript::TypeScript),
        Box::new(python::Python),
        Box::new(go::Go),
        Box::new(java::Java),
        Box::new(pulumi_schema::PulumiSchema),
    ]
}

/// The languages `--lang all` means (SDKs, not the schema writer).
pub const ALL_LANGUAGES: &[&str] = &["typescript", "python", "go", "java"];

/// Every name `--lang` accepts, canonical spellings (the CLI's help and errors list these).
pub const TARGET_NAMES: &[&str] = &["typescript", "python", "go", "java", "pulumi-schema", "shim"];

/// Looks a target up by name (`typescript`/`ts`, `python`/`py`, `go`, `java`,
/// `pulumi-schema`/`schema`, `shim`). The shim is not in [`all_targets`]: it applies to
/// Terraform packages only, and its crate path is an option ([`shim::Shim`]).
pub fn target_by_name(name: &str) -> Option<Box<dyn Target>> {
    if name == "shim" {
        return Some(Box::new(shim::Shim { shim_crate: format!("../{}", shim::DEFAULT_SHIM_CRATE) }));
    }
    let canonical = match name {
        "ts" | "typescript" | "nodejs" => "typescript",
        "py" | "python" => "python",
        "go" | "golang" => "go",
        "java" => "java",
        "schema" | "pulumi-schema" => "pulumi-schema",
        _ => return None,
    };
    all_targets().into_iter().find(|t| t.name() == canonical)
}
