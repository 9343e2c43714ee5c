//! Serde mirrors of the `terraform providers schema -json` output (format_version 0.x and
//! 1.0), named in that format's own words. Deserialized straight from bytes: a 14 MB
//! provider schema never passes through `serde_json::Value`.
//!
//! Unknown keys are ignored (Terraform adds sections in minor releases); sections the IR
//! cannot represent yet are read as `IgnoredAny` so they can be reported by name.

use super::cty::CtyType;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The whole document.
#[derive(Debug, Deserialize)]
pub struct ProviderSchemasSpec {
    pub format_version: String,
    /// Provider address (`registry.terraform.io/hashicorp/aws`) → its schema.
    #[serde(default)]
    pub provider_schemas: BTreeMap<String, ProviderSchemaSpec>,
}

/// One provider's schemas.
#[derive(Debug, Deserialize)]
pub struct ProviderSchemaSpec {
    /// The provider configuration block.
    #[serde(default)]
    pub provider: Option<SchemaSpec>,
    #[serde(default)]
    pub resource_schemas: BTreeMap<String, SchemaSpec>,
    #[serde(default)]
    pub data_source_schemas: BTreeMap<String, SchemaSpec>,
    /// Terraform 1.10+ ephemeral resources (not modelled; reported).
    #[serde(default)]
    pub ephemeral_resource_schemas: BTreeMap<String, IgnoredAny>,
    /// Provider-defined functions (not modelled; reported).
    #[serde(default)]
    pub functions: BTreeMap<String, IgnoredAny>,
    /// Resource identity schemas (not modelled; reported).
    #[serde(default)]
    pub resource_identity_schemas: BTreeMap<String, IgnoredAny>,
    /// List resources (not modelled; reported).
    #[serde(default)]
    pub list_resource_schemas: BTreeMap<String, IgnoredAny>,
    /// Actions (not modelled; reported).
    #[serde(default)]
    pub action_schemas: BTreeMap<String, IgnoredAny>,
}

/// A versioned schema: the provider block, a resource or a data source.
#[derive(Debug, Deserialize)]
pub struct SchemaSpec {
    #[serde(default)]
    pub version: Option<i64>,
    /// Absent in some hand-written fixtures (an empty provider block).
    #[serde(default)]
    pub block: BlockSpec,
}

/// A configuration block: attributes and nested block types.
#[derive(Debug, Default, Deserialize)]
pub struct BlockSpec {
    #[serde(default)]
    pub attributes: BTreeMap<String, AttributeSpec>,
    #[serde(default)]
    pub block_types: BTreeMap<String, BlockTypeSpec>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_kind: Option<String>,
    #[serde(default)]
    pub deprecated: bool,
}

/// An attribute: either a cty `type` or (protocol 6) a `nested_type`.
#[derive(Debug, Default, Deserialize)]
pub struct AttributeSpec {
    #[serde(default, rename = "type")]
    pub ty: Option<CtyType>,
    #[serde(default)]
    pub nested_type: Option<NestedTypeSpec>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub description_kind: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub computed: bool,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub write_only: bool,
}

/// A protocol-6 nested attribute type.
#[derive(Debug, Default, Deserialize)]
pub struct NestedTypeSpec {
    #[serde(default)]
    pub attributes: BTreeMap<String, AttributeSpec>,
    pub nesting_mode: NestingMode,
    /// Older protocol-6 outputs carried these; current Terraform omits them.
    #[serde(default)]
    pub min_items: Option<u64>,
    #[serde(default)]
    pub max_items: Option<u64>,
}

/// A nested block type.
#[derive(Debug, Deserialize)]
pub struct BlockTypeSpec {
    pub nesting_mode: NestingMode,
    #[serde(default)]
    pub block: BlockSpec,
    #[serde(default)]
    pub min_items: Option<u64>,
    #[serde(default)]
    pub max_items: Option<u64>,
}

/// How a nested block or nested attribute repeats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NestingMode {
    /// At most one object.
    #[default]
    Single,
    /// Exactly one object, never null (its attributes may be).
    Group,
    List,
    Set,
    /// String-keyed objects.
    Map,
}

impl NestingMode {
    /// The word Terraform uses, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            NestingMode::Single => "single",
            NestingMode::Group => "group",
            NestingMode::List => "list",
            NestingMode::Set => "set",
            NestingMode::Map => "map",
        }
    }
}
