//! Terraform provider schema frontend (placeholder until it lands).
use crate::diag::Diagnostics;
use crate::ir::PackageBuilder;
use crate::overrides::Overrides;

pub fn lower(_display: &str, _json: &[u8], _overrides: &Overrides) -> Result<Vec<PackageBuilder>, Diagnostics> {
    Ok(vec![])
}
