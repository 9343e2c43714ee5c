//! The overrides file: how provider authors steer the schema → IR mapping without code.
//!
//! One YAML or JSON document. Each frontend owns one top-level section; today that is
//! `terraform`, keyed by Pulumi package name (the last segment of the provider address,
//! e.g. `aws` for `registry.terraform.io/hashicorp/aws`). Unknown keys anywhere are
//! errors that point into the overrides file, so a typo never silently does nothing;
//! entries that name a resource, data source or field the schema does not have are
//! reported as warnings when the package is lowered.
//!
//! ```yaml
//! terraform:
//!   aws:
//!     prefix: aws                      # TF type-name prefix (default: inferred)
//!     modules:
//!       strategy: known                # single | known | infer (default: infer)
//!       known: [s3, ec2, cloudwatch]   # longest whole-word match after the prefix
//!       map: { cloudwatch_event: cloudwatch }  # TF prefix → Pulumi module
//!       default: index                 # module for names nothing matches
//!     resources:
//!       aws_s3_bucket_object:
//!         name: BucketObject           # Pulumi name; module still from the strategy
//!         fields:
//!           acl: { name: cannedAcl }             # TF attribute path → property name
//!           lifecycle_rule: { max_items_one: true }  # pin flattening of a block
//!     data_sources:
//!       aws_ami: { token: "aws:ec2/getAmi:getAmi" }   # or a full token
//!     config:
//!       fields:
//!         assume_role: { max_items_one: true }
//!   random:
//!     modules: { strategy: single, keep_prefix: true }   # random_id → RandomId
//! ```

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A parsed overrides file (empty by default: every mapping rule at its default).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Terraform frontend settings, keyed by Pulumi package name.
    #[serde(default)]
    pub terraform: BTreeMap<String, TerraformOverrides>,
    /// OpenAPI frontend settings, keyed by package name (derived from `info.title`).
    #[serde(default)]
    pub openapi: BTreeMap<String, OpenapiOverrides>,
    /// How the file is named in diagnostics (set by [`Overrides::load`]).
    #[serde(skip)]
    pub source: Option<Arc<str>>,
}

/// Overrides for one Terraform provider.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerraformOverrides {
    /// The prefix every resource and data source type name starts with, without the
    /// trailing `_` (e.g. `aws`). Default: the package name when every type name starts
    /// with it, else the first `_`-separated word all type names share.
    #[serde(default)]
    pub prefix: Option<String>,
    /// How type names are split into Pulumi modules.
    #[serde(default)]
    pub modules: ModuleOverrides,
    /// Per resource type (`aws_s3_bucket`): token and field overrides.
    #[serde(default)]
    pub resources: BTreeMap<String, TypeOverride>,
    /// Per data source type (`aws_s3_bucket`): token and field overrides.
    #[serde(default)]
    pub data_sources: BTreeMap<String, TypeOverride>,
    /// Field overrides for the provider configuration block.
    #[serde(default)]
    pub config: ConfigOverride,
}

/// Which module strategy to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleStrategy {
    /// Everything in one module (`module`, default `index`).
    Single,
    /// Modules from a hand-written list (`known`) and/or map (`map`) of prefixes.
    Known,
    /// Modules inferred from shared first words (at least `min_size` types per module).
    #[default]
    Infer,
}

/// The module strategy and its settings. Fields that do not apply to the chosen
/// strategy are reported as warnings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleOverrides {
    #[serde(default)]
    pub strategy: ModuleStrategy,
    /// `single`: the module name (default `index`).
    #[serde(default)]
    pub module: Option<String>,
    /// `single`: keep the provider prefix in names (`random_id` → `RandomId`, as
    /// pulumi-random does) instead of stripping it (`Id`).
    #[serde(default)]
    pub keep_prefix: bool,
    /// `known`: module prefixes as TF words (`s3`, `ec2_transit_gateway`); the Pulumi
    /// module is the camelCase of the prefix. The longest whole-word match wins.
    #[serde(default)]
    pub known: Vec<String>,
    /// `known`: TF prefix → Pulumi module name, for modules named unlike their prefix.
    #[serde(default)]
    pub map: BTreeMap<String, String>,
    /// `known`: the module for names no prefix matches (default `index`).
    #[serde(default)]
    pub default: Option<String>,
    /// `infer`: how many resources and data sources must share a first word before it
    /// becomes a module (default 5, the bridge's default).
    #[serde(default)]
    pub min_size: Option<usize>,
}

/// Overrides for one resource or data source.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeOverride {
    /// The Pulumi member name (`BucketObject`, or `getBucket` for a data source); the
    /// module still comes from the strategy (or `module`).
    #[serde(default)]
    pub name: Option<String>,
    /// The Pulumi module, replacing the strategy's choice.
    #[serde(default)]
    pub module: Option<String>,
    /// A full token (`aws:s3/bucketObject:BucketObject`); wins over `name`/`module`.
    #[serde(default)]
    pub token: Option<String>,
    /// Per field, keyed by the dotted TF path inside the type (`lifecycle_rule.expiration`).
    #[serde(default)]
    pub fields: BTreeMap<String, FieldOverride>,
}

/// Overrides for the provider configuration block.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigOverride {
    /// Per field, keyed by the dotted TF path inside the provider block.
    #[serde(default)]
    pub fields: BTreeMap<String, FieldOverride>,
}

/// Overrides for one attribute or nested block.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldOverride {
    /// The Pulumi property name (the wire name, camelCase), replacing the derived one.
    #[serde(default)]
    pub name: Option<String>,
    /// `true`: flatten this list/set to a single value even without `max_items = 1`;
    /// `false`: keep it a list even with `max_items = 1`.
    #[serde(default)]
    pub max_items_one: Option<bool>,
}

/// Overrides for one OpenAPI package (`openapi.<pkg>`). Operations are named by
/// `operationId`, or `METHOD /path` when they have none.
///
/// ```yaml
/// openapi:
///   powerdns:
///     package: pdns                   # rename the package
///     modules: { strategy: tag, map: { zonemetadata: zones }, default: index }
///     ignore: [error]                 # operations dropped entirely
///     resources:
///       Zone: { module: zones, id_field: id }             # adjust an inferred resource
///       Metadata: { skip: true }                          # keep its operations as functions
///       Stats: { create: putStats, read: getStats }       # declare one inference missed
///     functions:
///       listZones: { name: getZones, module: zones }
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenapiOverrides {
    /// The package name to use instead of the derived one.
    #[serde(default)]
    pub package: Option<String>,
    #[serde(default)]
    pub modules: OpenapiModules,
    /// Operations to leave out of the package entirely.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per resource, keyed by its inferred name (or a new name with `create`/`read`).
    #[serde(default)]
    pub resources: BTreeMap<String, OpenapiResourceOverride>,
    /// Per operation that stays a function.
    #[serde(default)]
    pub functions: BTreeMap<String, OpenapiFunctionOverride>,
}

/// Where OpenAPI members are placed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenapiModuleStrategy {
    /// The operation's first tag (Kubernetes: group/version), else its first path segment.
    #[default]
    Tag,
    /// The first path segment that is not a version or `api`/`apis`.
    Path,
    /// Everything in `default` (or `index`).
    Single,
}

/// The OpenAPI module strategy and its settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenapiModules {
    #[serde(default)]
    pub strategy: OpenapiModuleStrategy,
    /// Tag or path segment → module name.
    #[serde(default)]
    pub map: BTreeMap<String, String>,
    /// Module for members nothing places (default `index`).
    #[serde(default)]
    pub default: Option<String>,
}

/// Overrides for one OpenAPI resource. Naming any operation replaces the inferred ones.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenapiResourceOverride {
    /// The resource name (PascalCase) instead of the key.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub module: Option<String>,
    #[serde(default)]
    pub create: Option<String>,
    #[serde(default)]
    pub read: Option<String>,
    #[serde(default)]
    pub update: Option<String>,
    #[serde(default)]
    pub delete: Option<String>,
    /// The response field holding the id (`id`, `metadata.name`).
    #[serde(default)]
    pub id_field: Option<String>,
    /// `true`: do not make this a resource; its operations become functions.
    #[serde(default)]
    pub skip: bool,
}

/// Overrides for one OpenAPI function.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenapiFunctionOverride {
    /// The function name (camelCase).
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub module: Option<String>,
}

impl Overrides {
    /// Reads a YAML or JSON overrides file.
    pub fn load(path: &Path) -> Result<Overrides, Diagnostics> {
        let display = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostics::from(Diagnostic::error(
                SourceRef::new(display.clone(), ""),
                format!("cannot read overrides: {e}"),
            ))
        })?;
        Self::from_slice(&bytes, &display)
    }

    /// Parses overrides from bytes (YAML or JSON); `display` names the file in diagnostics.
    pub fn from_slice(bytes: &[u8], display: &str) -> Result<Overrides, Diagnostics> {
        let (json, _) = crate::frontends::to_json_bytes(bytes, display)?;
        let de = &mut serde_json::Deserializer::from_slice(&json);
        let mut o: Overrides = serde_path_to_error::deserialize(de).map_err(|e| {
            Diagnostics::from(crate::frontends::spec_error(display, e, "overrides file"))
        })?;
        o.source = Some(Arc::from(display));
        Ok(o)
    }

    /// Where the overrides came from, for diagnostics (`overrides` when built in code).
    pub fn source_ref(&self) -> SourceRef {
        SourceRef::new(
            self.source
                .clone()
                .unwrap_or_else(|| Arc::from("overrides")),
            "",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let yaml = br#"
terraform:
  aws:
    prefix: aws
    modules: { strategy: known, known: [s3, ec2], map: { cloudwatch_event: cloudwatch }, default: index }
    resources:
      aws_s3_bucket_object:
        name: BucketObject
        fields:
          acl: { name: cannedAcl }
          lifecycle_rule: { max_items_one: true }
    data_sources:
      aws_ami: { token: "aws:ec2/getAmi:getAmi" }
    config: { fields: { assume_role: { max_items_one: true } } }
  random:
    modules: { strategy: single, keep_prefix: true }
"#;
        let o = Overrides::from_slice(yaml, "o.yaml").unwrap();
        let aws = &o.terraform["aws"];
        assert_eq!(aws.modules.strategy, ModuleStrategy::Known);
        assert_eq!(
            aws.resources["aws_s3_bucket_object"].fields["acl"]
                .name
                .as_deref(),
            Some("cannedAcl")
        );
        assert!(o.terraform["random"].modules.keep_prefix);
    }

    #[test]
    fn unknown_fields_point_into_the_file() {
        let e = Overrides::from_slice(
            b"terraform:\n  aws:\n    resources:\n      aws_x: { nmae: X }\n",
            "o.yaml",
        )
        .unwrap_err();
        let d = &e.0[0];
        assert_eq!(
            d.source.pointer, "/terraform/aws/resources/aws_x/nmae",
            "{e}"
        );
        assert!(d.message.contains("unknown field"), "{e}");
    }

    #[test]
    fn unknown_strategy_is_an_error() {
        let e = Overrides::from_slice(
            br#"{"terraform":{"aws":{"modules":{"strategy":"guess"}}}}"#,
            "o.json",
        )
        .unwrap_err();
        assert_eq!(
            e.0[0].source.pointer, "/terraform/aws/modules/strategy",
            "{e}"
        );
    }
}
