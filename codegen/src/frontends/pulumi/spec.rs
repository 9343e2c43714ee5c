//! Serde mirrors of the Pulumi package schema, named in its own words (`PackageSpec`,
//! `ResourceSpec`, `TypeSpec`, …; see Pulumi's `pkg/codegen/schema` and the package-schema
//! docs). Every field is optional where the schema allows it to be absent, so that a
//! present `false`/empty value is distinguishable from a missing one, and every struct keeps
//! unknown keys in `extra`.
//!
//! Parsing is strict about types (a `description` must be a string) and lenient about
//! keys. Maps of tokens and property names reject duplicate keys ([`UniqueMap`]), which
//! plain JSON object deserialization would silently collapse.

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Raw JSON keys kept as is.
pub type Extra = BTreeMap<String, Value>;

/// A JSON object whose keys must be unique (a duplicated token or property name is an
/// error pointing at the second occurrence, not a silent overwrite).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct UniqueMap<T>(pub BTreeMap<String, T>);

impl<T> Default for UniqueMap<T> {
    fn default() -> Self {
        UniqueMap(BTreeMap::new())
    }
}

impl<T> UniqueMap<T> {
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter()
    }
    pub fn get(&self, k: &str) -> Option<&T> {
        self.0.get(k)
    }
    pub fn contains_key(&self, k: &str) -> bool {
        self.0.contains_key(k)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Fails while "deserializing" the duplicate's value, so that `serde_path_to_error`
/// records the duplicated key in the error's path.
struct Duplicate(String);

impl<'de> DeserializeSeed<'de> for Duplicate {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, _d: D) -> Result<(), D::Error> {
        Err(D::Error::custom(format!("duplicate key `{}`", self.0)))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for UniqueMap<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = UniqueMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(k) = map.next_key::<String>()? {
                    if out.contains_key(&k) {
                        map.next_value_seed(Duplicate(k))?;
                        continue;
                    }
                    let v = map.next_value::<T>()?;
                    out.insert(k, v);
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// The whole package schema.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageSpec {
    pub name: String,
    pub display_name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub keywords: Option<Vec<String>>,
    pub homepage: Option<String>,
    pub license: Option<String>,
    pub attribution: Option<String>,
    pub repository: Option<String>,
    pub logo_url: Option<String>,
    #[serde(rename = "pluginDownloadURL")]
    pub plugin_download_url: Option<String>,
    pub publisher: Option<String>,
    pub namespace: Option<String>,
    pub meta: Option<MetadataSpec>,
    pub allowed_package_names: Option<Vec<String>>,
    /// Per-language settings, raw.
    pub language: Option<Extra>,
    pub config: Option<ConfigSpec>,
    pub types: Option<UniqueMap<ComplexTypeSpec>>,
    pub provider: Option<ResourceSpec>,
    pub resources: Option<UniqueMap<ResourceSpec>>,
    pub functions: Option<UniqueMap<FunctionSpec>>,
    /// Parameterized-package metadata, raw.
    pub parameterization: Option<Value>,
    /// Package dependencies, raw.
    pub dependencies: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `meta`: package-level metadata for code generators.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataSpec {
    /// Regex whose first capture group maps a token's module segment to its module.
    pub module_format: Option<String>,
    pub support_pack: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `config`: the provider's configuration variables.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigSpec {
    pub variables: Option<UniqueMap<PropertySpec>>,
    pub required: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A reference to a type: a primitive, array, map, `$ref` or union.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeSpec {
    #[serde(rename = "type")]
    pub type_: Option<String>,
    #[serde(rename = "$ref")]
    pub ref_: Option<String>,
    pub items: Option<Box<TypeSpec>>,
    pub additional_properties: Option<Box<TypeSpec>>,
    pub one_of: Option<Vec<TypeSpec>>,
    pub discriminator: Option<DiscriminatorSpec>,
    pub plain: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a union's members are told apart.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscriminatorSpec {
    pub property_name: String,
    pub mapping: Option<BTreeMap<String, String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A property: a `TypeSpec` plus docs, defaults and flags. The `TypeSpec` fields are
/// spelled out here rather than flattened so parse errors inside them keep their path.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertySpec {
    #[serde(rename = "type")]
    pub type_: Option<String>,
    #[serde(rename = "$ref")]
    pub ref_: Option<String>,
    pub items: Option<Box<TypeSpec>>,
    pub additional_properties: Option<Box<TypeSpec>>,
    pub one_of: Option<Vec<TypeSpec>>,
    pub discriminator: Option<DiscriminatorSpec>,
    pub plain: Option<bool>,
    pub description: Option<String>,
    #[serde(rename = "const")]
    pub const_: Option<Value>,
    pub default: Option<Value>,
    pub default_info: Option<DefaultSpec>,
    pub deprecation_message: Option<String>,
    pub language: Option<Extra>,
    pub secret: Option<bool>,
    pub replace_on_changes: Option<bool>,
    pub will_replace_on_changes: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl PropertySpec {
    /// The property's type part.
    pub fn type_spec(&self) -> TypeSpec {
        TypeSpec {
            type_: self.type_.clone(),
            ref_: self.ref_.clone(),
            items: self.items.clone(),
            additional_properties: self.additional_properties.clone(),
            one_of: self.one_of.clone(),
            discriminator: self.discriminator.clone(),
            plain: self.plain,
            extra: Extra::new(),
        }
    }
}

/// `defaultInfo`: where else a default comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DefaultSpec {
    pub environment: Option<Vec<String>>,
    pub language: Option<Extra>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An object type (also the shape of function inputs and of `stateInputs`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectTypeSpec {
    pub description: Option<String>,
    pub properties: Option<UniqueMap<PropertySpec>>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub required: Option<Vec<String>>,
    /// Deprecated list of plain properties.
    pub plain: Option<Vec<String>>,
    pub language: Option<Extra>,
    pub is_overlay: Option<bool>,
    pub overlay_supported_languages: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An entry of `types`: an object type, or an enum when `enum` is present.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplexTypeSpec {
    pub description: Option<String>,
    pub properties: Option<UniqueMap<PropertySpec>>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub required: Option<Vec<String>>,
    pub plain: Option<Vec<String>>,
    pub language: Option<Extra>,
    pub is_overlay: Option<bool>,
    pub overlay_supported_languages: Option<Vec<String>>,
    #[serde(rename = "enum")]
    pub enum_: Option<Vec<EnumValueSpec>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One member of an enum.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumValueSpec {
    pub name: Option<String>,
    pub description: Option<String>,
    pub value: Option<Value>,
    pub deprecation_message: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A former identity of a resource.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AliasSpec {
    pub name: Option<String>,
    pub project: Option<String>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A resource (and the `provider`): outputs in `properties`, inputs in `inputProperties`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceSpec {
    pub description: Option<String>,
    pub properties: Option<UniqueMap<PropertySpec>>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub required: Option<Vec<String>>,
    pub plain: Option<Vec<String>>,
    pub language: Option<Extra>,
    pub input_properties: Option<UniqueMap<PropertySpec>>,
    pub required_inputs: Option<Vec<String>>,
    pub plain_inputs: Option<Vec<String>>,
    pub state_inputs: Option<ObjectTypeSpec>,
    pub aliases: Option<Vec<AliasSpec>>,
    pub deprecation_message: Option<String>,
    pub is_component: Option<bool>,
    /// Method name → function token.
    pub methods: Option<BTreeMap<String, String>>,
    pub is_overlay: Option<bool>,
    pub overlay_supported_languages: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A function (invoke or method).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionSpec {
    pub description: Option<String>,
    pub inputs: Option<ObjectTypeSpec>,
    pub multi_argument_inputs: Option<Vec<String>>,
    pub outputs: Option<ReturnTypeSpec>,
    pub deprecation_message: Option<String>,
    pub language: Option<Extra>,
    pub is_overlay: Option<bool>,
    pub overlay_supported_languages: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A function's `outputs`: an object spec when it has `properties`, else a single
/// `TypeSpec` (as in Pulumi, which decides on the presence of `properties`). Both shapes'
/// fields are mirrored here so parse errors keep their path; `plain` is raw because it is
/// a list in an object spec and a flag in a type spec.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnTypeSpec {
    pub description: Option<String>,
    pub properties: Option<UniqueMap<PropertySpec>>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub required: Option<Vec<String>>,
    pub plain: Option<Value>,
    #[serde(rename = "$ref")]
    pub ref_: Option<String>,
    pub items: Option<Box<TypeSpec>>,
    pub additional_properties: Option<Box<TypeSpec>>,
    pub one_of: Option<Vec<TypeSpec>>,
    pub discriminator: Option<DiscriminatorSpec>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ReturnTypeSpec {
    /// Whether this is a single type rather than an object of properties.
    pub fn is_type(&self) -> bool {
        self.properties.is_none()
            && (self.type_.is_some() || self.ref_.is_some() || self.one_of.is_some())
    }

    /// The type part, for a single-type result.
    pub fn type_spec(&self) -> TypeSpec {
        TypeSpec {
            type_: self.type_.clone(),
            ref_: self.ref_.clone(),
            items: self.items.clone(),
            additional_properties: self.additional_properties.clone(),
            one_of: self.one_of.clone(),
            discriminator: self.discriminator.clone(),
            plain: self.plain.as_ref().and_then(Value::as_bool),
            extra: Extra::new(),
        }
    }
}
