//! The intermediate representation: one validated, immutable model of a provider package
//! that every frontend lowers into and every target reads from.
//!
//! Only [`builder::PackageBuilder::finish`] produces a [`Package`]; once you hold one,
//! references resolve, anonymous objects are named, usage is known, order is canonical.
//! Everything that the IR does not model structurally but a faithful round trip needs
//! (a Pulumi schema's `language` blocks, unknown keys) rides along in `language`/`extra`
//! maps of raw JSON.

pub mod builder;
pub mod names;
pub mod terraform;

pub use builder::PackageBuilder;
pub use names::Ident;

use crate::diag::SourceRef;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Raw JSON carried through untouched (sorted keys, so output stays deterministic).
pub type RawMap = BTreeMap<String, Value>;

/// A Pulumi type token, `package:module:Name`. `module` is the middle segment exactly as
/// written (for Terraform-bridged tokens it is `module/camelName`); the canonical module a
/// member is placed in is computed once by the builder and stored beside the token.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub struct Token {
    pub package: String,
    pub module: String,
    pub name: String,
}

impl Token {
    pub fn new(package: impl Into<String>, module: impl Into<String>, name: impl Into<String>) -> Self {
        Token { package: package.into(), module: module.into(), name: name.into() }
    }

    /// Parses `pkg:module:Name`. The name may not contain `:`; the module may be empty.
    pub fn parse(s: &str) -> Option<Token> {
        let mut parts = s.splitn(3, ':');
        let package = parts.next()?;
        let module = parts.next()?;
        let name = parts.next()?;
        if package.is_empty() || name.is_empty() || name.contains(':') {
            return None;
        }
        Some(Token::new(package, module, name))
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.package, self.module, self.name)
    }
}

impl Serialize for Token {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A whole provider package.
#[derive(Debug, Clone, Serialize)]
pub struct Package {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub meta: PackageMeta,
    /// Provider configuration variables (`pulumi config set pkg:x`).
    pub config: Vec<Property>,
    /// The provider resource (`pulumi:providers:<pkg>`); its inputs mirror `config`.
    pub provider: Resource,
    pub resources: Vec<Resource>,
    pub functions: Vec<Function>,
    pub types: BTreeMap<Token, TypeDef>,
    /// Every canonical module that has at least one member, sorted; `index` is the root.
    pub modules: Vec<String>,
    pub source: SourceRef,
}

/// Package-level metadata (all optional; what a Pulumi schema calls the package header).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackageMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin_download_url: Option<String>,
    /// Regex mapping a token's module segment to its canonical module (Pulumi's
    /// `meta.moduleFormat`); first capture group wins. Default `(.*)`.
    pub module_format: String,
    /// Where this package came from, for the header line of generated files.
    pub generated_from: String,
    /// Per-language settings (`language.nodejs`, `language.python`, …), raw.
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    /// Top-level keys the IR does not model (kept for a lossless round trip).
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
}

/// A primitive type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Primitive {
    Boolean,
    Integer,
    Number,
    String,
}

/// A reference to a type, as used by a property.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TypeRef {
    Primitive { primitive: Primitive },
    Array { items: Box<TypeRef> },
    /// String-keyed map.
    Map { values: Box<TypeRef> },
    /// An object or enum type in `Package::types`.
    Named { token: Token },
    /// A reference to a resource of this package (its outputs, by URN/ID).
    Resource { token: Token },
    /// One of several types. `primitive` is the wire type the union is written as, if any.
    Union {
        types: Vec<TypeRef>,
        #[serde(skip_serializing_if = "Option::is_none")]
        discriminator: Option<Discriminator>,
        #[serde(skip_serializing_if = "Option::is_none")]
        primitive: Option<Primitive>,
    },
    /// Anything at all (Terraform `dynamic`, Pulumi `pulumi.json#/Any`).
    Any,
    /// Arbitrary JSON (Pulumi `pulumi.json#/Json`).
    Json,
    Asset,
    Archive,
    /// An object without a name yet. Frontends produce it; `finish()` names it after its
    /// parent and property and replaces it with `Named`. Never present in a finished IR.
    /// Shared: a Terraform block is one object seen as an input, an output and a state
    /// property, so cloning a property never copies its nested blocks, and `finish()` names
    /// each shared object once.
    Inline { object: Arc<InlineObject> },
}

impl TypeRef {
    pub fn string() -> TypeRef {
        TypeRef::Primitive { primitive: Primitive::String }
    }
    pub fn boolean() -> TypeRef {
        TypeRef::Primitive { primitive: Primitive::Boolean }
    }
    pub fn integer() -> TypeRef {
        TypeRef::Primitive { primitive: Primitive::Integer }
    }
    pub fn number() -> TypeRef {
        TypeRef::Primitive { primitive: Primitive::Number }
    }
    pub fn array(items: TypeRef) -> TypeRef {
        TypeRef::Array { items: Box::new(items) }
    }
    pub fn map(values: TypeRef) -> TypeRef {
        TypeRef::Map { values: Box::new(values) }
    }
    pub fn named(token: Token) -> TypeRef {
        TypeRef::Named { token }
    }
    pub fn inline(object: InlineObject) -> TypeRef {
        TypeRef::Inline { object: Arc::new(object) }
    }
}

/// How a union tells its members apart (OpenAPI / Pulumi `discriminator`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discriminator {
    pub property_name: String,
    /// discriminator value → type token (as written, e.g. `#/types/pkg:index:Cat`).
    pub mapping: BTreeMap<String, String>,
}

/// An object type that has no name yet (see [`TypeRef::Inline`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct InlineObject {
    /// A name suggestion; when absent the builder uses parent + property name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_hint: Option<String>,
    pub docs: Option<String>,
    pub properties: Vec<Property>,
    pub source: SourceRef,
}

/// A default value for a property: a literal and/or environment variables to read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefaultValue {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub environment: Vec<String>,
    /// Other `defaultInfo` keys, raw.
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
}

/// A property of a resource, function, object type or the provider configuration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Property {
    pub name: Ident,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    #[serde(skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub secret: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub replace_on_changes: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub will_replace_on_changes: bool,
    /// The value is passed plainly, never wrapped in an Input/Output.
    #[serde(skip_serializing_if = "is_false")]
    pub plain: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<DefaultValue>,
    /// The only value this property may take (Pulumi `const`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub const_value: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
    pub source: SourceRef,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Property {
    /// A property with every flag off.
    pub fn new(wire: impl Into<String>, ty: TypeRef, source: SourceRef) -> Self {
        Property {
            name: Ident::new(wire),
            ty,
            required: false,
            secret: false,
            replace_on_changes: false,
            will_replace_on_changes: false,
            plain: false,
            deprecation: None,
            default: None,
            const_value: None,
            docs: None,
            language: RawMap::new(),
            extra: RawMap::new(),
            source,
        }
    }
}

/// A resource (also the provider resource, with `is_provider`).
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    pub token: Token,
    /// Canonical module (`index` for the root).
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    pub inputs: Vec<Property>,
    pub outputs: Vec<Property>,
    /// Properties accepted by `get` to look up existing state (Pulumi `stateInputs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_inputs: Option<Vec<Property>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub is_component: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub is_provider: bool,
    /// Method name → function token (component resources).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub methods: BTreeMap<String, Token>,
    /// How a REST/Terraform shim drives this resource; `None` for Pulumi-schema input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
    pub source: SourceRef,
}

impl Resource {
    /// An empty resource; the builder fills `module`.
    pub fn new(token: Token, source: SourceRef) -> Self {
        Resource {
            token,
            module: String::new(),
            docs: None,
            inputs: Vec::new(),
            outputs: Vec::new(),
            state_inputs: None,
            aliases: Vec::new(),
            deprecation: None,
            is_component: false,
            is_provider: false,
            methods: BTreeMap::new(),
            lifecycle: None,
            language: RawMap::new(),
            extra: RawMap::new(),
            source,
        }
    }
}

/// A former identity of a resource (Pulumi `aliases`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alias {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(rename = "type")]
    pub ty: Option<String>,
}

/// Where a resource comes from natively, so a shim can drive it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Lifecycle {
    /// A Terraform resource type (`aws_s3_bucket`) or data source.
    Terraform { type_name: String },
    /// An HTTP API described by OpenAPI: which operation creates, reads, updates and
    /// deletes the resource (functions use `invoke`), and where the id lives. Operations
    /// are boxed so a Terraform lifecycle stays small.
    Rest {
        #[serde(skip_serializing_if = "Option::is_none")]
        create: Option<Box<RestOperation>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        read: Option<Box<RestOperation>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        update: Option<Box<RestOperation>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        delete: Option<Box<RestOperation>>,
        /// The one operation behind a function.
        #[serde(skip_serializing_if = "Option::is_none")]
        invoke: Option<Box<RestOperation>>,
        /// The output property that holds the resource's id, if the API returns one.
        #[serde(skip_serializing_if = "Option::is_none")]
        id_field: Option<String>,
    },
}

/// One HTTP operation of a [`Lifecycle::Rest`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestOperation {
    /// Upper-case HTTP method (`POST`).
    pub method: String,
    /// Path template as written in the spec (`/zones/{zone_id}`), without the server URL.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation_id: Option<String>,
    /// Every parameter and where its value goes.
    pub parameters: Vec<RestParameter>,
    /// Where the server-assigned id comes from after this operation (create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_source: Option<RestIdSource>,
}

/// One value sent with a [`RestOperation`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestParameter {
    /// The name on the wire (path template variable, query key, header, body field).
    pub name: String,
    /// The IR property (wire name) the value is taken from.
    pub property: String,
    #[serde(rename = "in")]
    pub location: RestParamLocation,
    #[serde(skip_serializing_if = "is_false")]
    pub required: bool,
    /// This path parameter carries the resource's id.
    #[serde(skip_serializing_if = "is_false")]
    pub is_id: bool,
}

/// Where a [`RestParameter`] goes. `Body` with an empty name is the whole body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RestParamLocation {
    Path,
    Query,
    Header,
    Body,
}

/// Where a resource's id comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RestIdSource {
    /// A field of the JSON response, as an RFC 6901 pointer (`/droplet/id`).
    ResponseField { pointer: String },
    /// The `Location` header of the response (its last path segment).
    LocationHeader,
    /// The expanded path template itself (create-or-update PUT, singletons).
    Path,
}

/// A function (Terraform data source, Pulumi function, non-CRUD OpenAPI operation).
#[derive(Debug, Clone, Serialize)]
pub struct Function {
    pub token: Token,
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// Arguments; `None` when the function takes none (distinct from an empty object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inputs: Option<ObjectShape>,
    /// Result: an object of properties, or (newer Pulumi schemas) a single plain type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outputs: Option<FunctionResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    /// Pulumi `multiArgumentInputs`: argument names in positional order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub multi_argument_inputs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
    pub source: SourceRef,
}

impl Function {
    pub fn new(token: Token, source: SourceRef) -> Self {
        Function {
            token,
            module: String::new(),
            docs: None,
            inputs: None,
            outputs: None,
            deprecation: None,
            multi_argument_inputs: Vec::new(),
            lifecycle: None,
            language: RawMap::new(),
            extra: RawMap::new(),
            source,
        }
    }
}

/// A bag of properties with its own docs (function inputs/outputs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectShape {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    pub properties: Vec<Property>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
}

/// What a function returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FunctionResult {
    Object { shape: ObjectShape },
    /// A single value (Pulumi `outputs: { "type": ... }` without properties).
    Value {
        #[serde(rename = "type")]
        ty: TypeRef,
        #[serde(skip_serializing_if = "RawMap::is_empty")]
        extra: RawMap,
    },
}

/// Where a named type is used; decides which shapes (input, output) a target emits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Usage {
    pub input: bool,
    pub output: bool,
}

/// A named type.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TypeDef {
    Object(ObjectType),
    Enum(EnumType),
}

impl TypeDef {
    pub fn token(&self) -> &Token {
        match self {
            TypeDef::Object(o) => &o.token,
            TypeDef::Enum(e) => &e.token,
        }
    }
    pub fn module(&self) -> &str {
        match self {
            TypeDef::Object(o) => &o.module,
            TypeDef::Enum(e) => &e.module,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectType {
    pub token: Token,
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// Shared: an alias type holds the very list of its canonical type (see `alias_of`).
    pub properties: Arc<Vec<Property>>,
    pub usage: Usage,
    /// Set when this type has exactly the shape of another type of the same module (the
    /// builder found it while naming inline objects). Every reference in the package points
    /// at that canonical type; this one is kept only so that its name stays in the public
    /// surface. Targets that can alias (`type X = Y`) emit an alias; the rest emit it in
    /// full. Its `properties` are the canonical type's own list (one allocation for both; AWS
    /// has 54,674 aliases), so their `source` pointers are the canonical type's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<Token>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
    pub source: SourceRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct EnumType {
    pub token: Token,
    pub module: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    pub primitive: Primitive,
    pub values: Vec<EnumValue>,
    pub usage: Usage,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub language: RawMap,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
    pub source: SourceRef,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnumValue {
    /// The explicit name from the schema, if any (Pulumi `name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Words of the member name (from `name`, else from the value).
    pub ident: Ident,
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    #[serde(skip_serializing_if = "RawMap::is_empty")]
    pub extra: RawMap,
}

impl Package {
    /// Looks up a named type.
    pub fn type_def(&self, token: &Token) -> Option<&TypeDef> {
        self.types.get(token)
    }
}
