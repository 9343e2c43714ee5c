//! mapping.json: how a generated Pulumi package lines up with the Terraform provider it
//! bridges. `cloudgen shim` writes it from the IR; the shim reads it at start-up. Fields
//! are keyed by Terraform attribute name; a field not listed maps to the camelCase of its
//! Terraform name (what the Terraform frontend does for plain names).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The whole file.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    /// Format version (1).
    pub version: u32,
    /// The Pulumi package name.
    pub name: String,
    /// The provider's short name: the shim runs `terraform-provider-<provider>`.
    pub provider: String,
    /// The provider configuration block.
    #[serde(default)]
    pub config: Fields,
    /// Resources by Pulumi type token.
    #[serde(default)]
    pub resources: BTreeMap<String, Entity>,
    /// Functions (data sources) by Pulumi token.
    #[serde(default)]
    pub functions: BTreeMap<String, Entity>,
}

/// A resource or data source.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entity {
    /// The Terraform type name (`random_string`).
    pub tf_type: String,
    /// Its top-level fields.
    #[serde(default, skip_serializing_if = "Fields::is_empty")]
    pub fields: Fields,
}

/// Fields by Terraform name.
pub type Fields = BTreeMap<String, Field>;

/// One attribute or nested block.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Field {
    /// The Pulumi property name.
    pub name: String,
    /// A list/set flattened to its single element on the Pulumi side.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub max_items_one: bool,
    /// The Pulumi property is secret (beyond what the provider marks sensitive).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// For object-typed values (or collections of objects): the element's fields.
    #[serde(default, skip_serializing_if = "Fields::is_empty")]
    pub fields: Fields,
}

/// The Pulumi name a Terraform name maps to without a mapping entry: `foo_bar` → `fooBar`.
pub fn default_name(tf: &str) -> String {
    let mut out = String::with_capacity(tf.len());
    let mut up = false;
    for c in tf.chars() {
        if c == '_' {
            up = !out.is_empty();
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Mapping {
    /// Parses mapping.json.
    pub fn from_json(s: &str) -> Result<Mapping, String> {
        let m: Mapping = serde_json::from_str(s).map_err(|e| format!("mapping.json: {e}"))?;
        if m.version != 1 {
            return Err(format!("mapping.json: version {} is not supported (want 1)", m.version));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_are_camel_case() {
        assert_eq!(default_name("override_special"), "overrideSpecial");
        assert_eq!(default_name("id"), "id");
        assert_eq!(default_name("_x"), "x");
    }

    #[test]
    fn rejects_unknown_keys_and_versions() {
        assert!(Mapping::from_json(r#"{"version":1,"name":"a","provider":"a","bogus":1}"#).is_err());
        assert!(Mapping::from_json(r#"{"version":2,"name":"a","provider":"a"}"#).unwrap_err().contains("version 2"));
    }
}
