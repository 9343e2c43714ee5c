//! The shim target: for a package that came from a Terraform provider schema, the files
//! that make it a runnable Pulumi provider plugin, written to `<out>/<pkg>/`:
//! - `schema.json`: the Pulumi package schema (as `--lang pulumi-schema` writes it);
//! - `mapping.json`: how Pulumi tokens and property names line up with Terraform type and
//!   attribute names, as the shim crate's own `Mapping` type ([`mapping`]);
//! - `Cargo.toml` + `src/main.rs` (`templates/shim/`): a thin crate whose binary
//!   `pulumi-resource-<pkg>` embeds the two JSON files and calls `cloudgen_shim::serve`.
//!
//! Terraform names are not re-derived here: they are read through
//! [`crate::ir::terraform`], the one place that knows what the frontend recorded.

pub mod mapping;

use super::pulumi_schema::to_schema_bytes;
use super::{Artifact, Target};
use crate::diag::Diagnostics;
use crate::ir::Package;
use serde::Serialize;

/// The default `cloudgen-shim` dependency path, relative to the generated crate, for
/// `cloudgen shim -o DIR` with DIR directly inside the repository (`DIR/<pkg>/../../shim`).
pub const DEFAULT_SHIM_CRATE: &str = "../../shim";

/// The shim target. `shim_crate` is written verbatim as the path of the `cloudgen-shim`
/// dependency (relative paths are relative to the generated crate, as Cargo reads them),
/// so output never depends on where it was generated.
pub struct Shim {
    /// Path of the `cloudgen-shim` crate as the generated Cargo.toml names it.
    pub shim_crate: String,
}

impl Default for Shim {
    fn default() -> Self {
        Shim { shim_crate: DEFAULT_SHIM_CRATE.to_string() }
    }
}

/// The view model of `Cargo.toml` and `src/main.rs`.
#[derive(Serialize)]
struct CrateFiles {
    package: String,
    bin: String,
    /// A Cargo-valid version.
    version: String,
    /// The `cloudgen-shim` path as a TOML string literal.
    shim_crate_lit: String,
    /// The Terraform provider's short name (`terraform-provider-<provider>`).
    provider: String,
}

impl Target for Shim {
    fn name(&self) -> &'static str {
        "shim"
    }

    fn plan(&self, pkg: &Package) -> Result<Vec<Artifact>, Diagnostics> {
        let mapping = mapping::mapping(pkg)?;
        let files = CrateFiles {
            package: pkg.name.clone(),
            bin: format!("pulumi-resource-{}", pkg.name),
            version: semver_or_zero(pkg.version.as_deref().unwrap_or("0.0.0")),
            shim_crate_lit: toml_string(&self.shim_crate),
            provider: mapping.provider.clone(),
        };
        Ok(vec![
            Artifact::bytes("schema.json", to_schema_bytes(pkg)),
            Artifact::bytes("mapping.json", mapping::to_bytes(&mapping)),
            Artifact::template("Cargo.toml", "shim/Cargo.toml.tera", &files),
            Artifact::template("src/main.rs", "shim/main.rs.tera", &files),
        ])
    }
}

/// A TOML basic string: JSON's escaping is a subset TOML reads alike.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// Cargo needs a semver version; anything else becomes 0.0.0.
fn semver_or_zero(v: &str) -> String {
    let core = v.split(['-', '+']).next().unwrap_or_default();
    if core.split('.').count() == 3 && core.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
        v.to_string()
    } else {
        "0.0.0".into()
    }
}
