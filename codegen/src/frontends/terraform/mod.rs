//! Terraform provider schema frontend: reads `terraform providers schema -json` output
//! (format_version 0.x and 1.0) and lowers every provider in it into its own package.
//!
//! - [`spec`]: serde mirrors of the format, in its own words.
//! - [`cty`]: cty type expressions.
//! - [`naming`]: bridge-compatible names, pluralization, module strategies and tokens.
//! - [`lower`]: spec → IR through [`PackageBuilder`].
//!
//! The package name is the last segment of the provider address
//! (`registry.terraform.io/hashicorp/aws` → `aws`); the overrides file's `terraform`
//! section is keyed by it.

pub mod cty;
pub mod lower;
pub mod naming;
pub mod spec;

use crate::diag::{Diagnostic, Diagnostics, SourceRef};
use crate::frontends::spec_error;
use crate::ir::PackageBuilder;
use crate::overrides::Overrides;
use spec::ProviderSchemasSpec;

/// Parses a Terraform provider schema document and returns one builder per provider
/// (sorted by provider address). Parse errors come back as diagnostics with a JSON
/// pointer; mapping problems ride along in each builder as diagnostics.
pub fn lower(
    display: &str,
    json: &[u8],
    overrides: &Overrides,
) -> Result<Vec<PackageBuilder>, Diagnostics> {
    let file = SourceRef::new(display, "");
    let spec = parse(display, json)?;

    check_format_version(&spec.format_version, &file)?;

    let mut builders = Vec::with_capacity(spec.provider_schemas.len());
    let mut seen = std::collections::BTreeMap::new();
    for (address, ps) in &spec.provider_schemas {
        let pkg = package_name(address);
        if let Some(prev) = seen.insert(pkg.clone(), address.clone()) {
            return Err(Diagnostic::error(
                file.child("provider_schemas").child(address),
                format!("providers `{prev}` and `{address}` would both become package `{pkg}`"),
            )
            .with_hint("generate them from separate schema files")
            .into());
        }
        let ov_src = overrides.source_ref().child("terraform").child(&pkg);
        builders.push(lower::lower_provider(
            &file,
            address,
            ps,
            &pkg,
            overrides.terraform.get(&pkg),
            ov_src,
        ));
    }

    // Overrides for packages this file does not have are not reported here: one overrides
    // file serves every input of a run, so only the driver can tell a typo from a package
    // that lives in another input.
    Ok(builders)
}

/// Deserializes the document. Path tracking doubles the parse time of a large schema, so
/// the fast parser runs first and only a failure is parsed again to find its pointer.
fn parse(display: &str, json: &[u8]) -> Result<ProviderSchemasSpec, Diagnostics> {
    match serde_json::from_slice::<ProviderSchemasSpec>(json) {
        Ok(spec) => Ok(spec),
        Err(plain) => {
            let de = &mut serde_json::Deserializer::from_slice(json);
            Err(
                match serde_path_to_error::deserialize::<_, ProviderSchemasSpec>(&mut *de) {
                    Err(e) => spec_error(display, e, "Terraform provider schema"),
                    // The document itself parsed: what failed is what follows it.
                    Ok(_) => Diagnostic::error(
                        SourceRef::new(display, ""),
                        format!("not a valid Terraform provider schema: {plain}"),
                    ),
                }
                .into(),
            )
        }
    }
}

/// `registry.terraform.io/hashicorp/aws` → `aws`; a bare name stays as it is.
pub fn package_name(address: &str) -> String {
    address.rsplit('/').next().unwrap_or(address).to_string()
}

/// Accepts format 0.x and 1.x; a newer major version may have changed meaning.
fn check_format_version(v: &str, file: &SourceRef) -> Result<(), Diagnostics> {
    let major = v.split('.').next().and_then(|m| m.parse::<u64>().ok());
    match major {
        Some(0) | Some(1) => Ok(()),
        _ => Err(Diagnostic::error(file.child("format_version"), format!("unsupported format_version `{v}`"))
            .with_hint("cloudgen reads format_version 0.x and 1.x (`terraform providers schema -json` from Terraform 0.12 onwards)")
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names() {
        assert_eq!(package_name("registry.terraform.io/hashicorp/aws"), "aws");
        assert_eq!(package_name("example"), "example");
        assert_eq!(package_name("terraform.io/builtin/terraform"), "terraform");
    }

    #[test]
    fn format_versions() {
        let f = SourceRef::new("x", "");
        assert!(check_format_version("0.1", &f).is_ok());
        assert!(check_format_version("1.0", &f).is_ok());
        assert!(check_format_version("2.0", &f).is_err());
        assert!(check_format_version("", &f).is_err());
    }

    #[test]
    fn wrong_shapes_point_at_the_problem() {
        let cases: &[(&str, &str)] = &[
            (
                r#"{"format_version":"1.0","provider_schemas":{"p":{"resource_schemas":{"p_x":{"block":{"attributes":{"a":{"type":"int"}}}}}}}}"#,
                "/provider_schemas/p/resource_schemas/p_x/block/attributes/a/type",
            ),
            (
                r#"{"format_version":"1.0","provider_schemas":{"p":{"resource_schemas":{"p_x":{"block":{"block_types":{"b":{"nesting_mode":"tree"}}}}}}}}"#,
                "/provider_schemas/p/resource_schemas/p_x/block/block_types/b/nesting_mode",
            ),
            (r#"{"provider_schemas":{}}"#, ""),
            (r#"{"format_version":"9.0"}"#, "/format_version"),
        ];
        for (json, pointer) in cases {
            let e = lower("s.json", json.as_bytes(), &Overrides::default())
                .err()
                .expect("an error");
            assert_eq!(e.0[0].source.pointer, *pointer, "{e}");
        }
    }

    #[test]
    fn never_panics_on_odd_names() {
        let json = r#"{"format_version":"1.0","provider_schemas":{"":{"resource_schemas":{"":{"block":{"attributes":{"":{"type":"string","optional":true},"__":{"type":"string","required":true},"1a":{"type":"string","computed":true}}}},"_":{"block":{}},"ü_ß":{"block":{}}}}}}"#;
        let bs = lower("s.json", json.as_bytes(), &Overrides::default()).unwrap();
        for b in bs {
            let _ = b.finish();
        }
    }
}
