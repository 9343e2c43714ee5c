//! Pulumi package schema frontend (placeholder until it lands).
use crate::diag::Diagnostics;
use crate::frontends::Syntax;
use crate::ir::PackageBuilder;
use crate::overrides::Overrides;

pub fn lower(display: &str, _json: &[u8], _syntax: Syntax, _overrides: &Overrides) -> Result<PackageBuilder, Diagnostics> {
    Ok(crate::frontends::empty_builder("placeholder", display))
}
