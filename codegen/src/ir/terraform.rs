//! The Terraform facts the Terraform frontend leaves on IR nodes, read back typed in one
//! place, so that no consumer (the shim target, `cloudgen diff`) re-derives them.
//!
//! - A resource's or data source's Terraform type is its [`Lifecycle::Terraform`].
//! - An attribute's Terraform name is the last segment of its source pointer: the
//!   frontend lowers `…/attributes/<name>` and `…/block_types/<name>` into one property
//!   each and never renames the pointer.
//! - A list or set block flattened to its single element carries
//!   `extra.terraform.maxItemsOne` (it is also what the Pulumi schema writer emits, so the
//!   flag survives a round trip through `cloudgen schema`).
//! - The provider's registry address (`registry.terraform.io/hashicorp/random`) is the
//!   `provider_schemas` key the package was lowered from.

use super::{Function, Lifecycle, Package, Property, Resource};

/// The Terraform type of a resource (`random_string`), if it came from Terraform.
pub fn resource_type(r: &Resource) -> Option<&str> {
    match &r.lifecycle {
        Some(Lifecycle::Terraform { type_name }) => Some(type_name),
        _ => None,
    }
}

/// The Terraform type of the data source behind a function, if it came from Terraform.
pub fn data_source_type(f: &Function) -> Option<&str> {
    match &f.lifecycle {
        Some(Lifecycle::Terraform { type_name }) => Some(type_name),
        _ => None,
    }
}

/// The Terraform name of the attribute or block a property was lowered from.
pub fn attribute_name(p: &Property) -> Option<String> {
    let pointer = p.source.pointer.as_string();
    let last = pointer.rsplit('/').next()?;
    (!pointer.is_empty()).then(|| last.replace("~1", "/").replace("~0", "~"))
}

/// Is `p` a Terraform list/set block shown as its single element?
pub fn max_items_one(p: &Property) -> bool {
    p.extra.get("terraform").and_then(|t| t.get("maxItemsOne")).and_then(serde_json::Value::as_bool).unwrap_or(false)
}

/// The registry address of the provider `pkg` was lowered from, if it came from a
/// Terraform provider schema.
pub fn provider_address(pkg: &Package) -> Option<String> {
    let pointer = pkg.source.pointer.as_string();
    let segment = pointer.strip_prefix("/provider_schemas/")?.split('/').next()?;
    Some(segment.replace("~1", "/").replace("~0", "~"))
}
