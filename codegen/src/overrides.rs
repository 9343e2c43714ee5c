//! The overrides file: how provider authors steer the mapping without code (placeholder
//! until the Terraform frontend defines its sections).
use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {}

impl Overrides {
    /// Reads a YAML or JSON overrides file.
    pub fn load(path: &Path) -> Result<Overrides, Diagnostics> {
        let display = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Diagnostics::from(Diagnostic::error(SourceRef::new(display.clone(), ""), format!("cannot read overrides: {e}"))))?;
        let (json, _) = crate::frontends::to_json_bytes(&bytes, &display)?;
        let de = &mut serde_json::Deserializer::from_slice(&json);
        serde_path_to_error::deserialize(de).map_err(|e| crate::frontends::spec_error(&display, e, "overrides file").into())
    }
}
