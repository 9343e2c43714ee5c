//! Serializable view models for the Go templates. Every string in here is final: identifiers
//! allocated, type expressions spelled, struct fields aligned the way gofmt aligns them,
//! comments in gofmt's canonical doc-comment form, literals quoted. Templates only lay out.

use serde::Serialize;

/// Header, package clause and imports of a `.go` file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Head {
    /// The generated-file header (without `// `).
    pub generated: String,
    pub package: String,
    /// Standard-library imports (quoted), sorted.
    pub std_imports: Vec<String>,
    /// Other imports (`"path"` or `alias "path"`), sorted by path.
    pub imports: Vec<String>,
}

/// One struct field: its comment lines and the aligned `Name Type Tag` line (no indent).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Field {
    pub docs: Vec<String>,
    pub line: String,
}

/// An accessor method on an output type.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Accessor {
    pub docs: Vec<String>,
    pub name: String,
    /// Output type returned.
    pub out_ty: String,
    /// Plain type the applier returns (object accessors) .
    pub plain_ty: String,
    /// For `XPtrOutput` accessors: the returned output, the applier's return type, and the
    /// expression returned for a non-nil receiver (`&v.Field` or `v.Field`).
    pub ptr_out_ty: String,
    pub ptr_plain_ty: String,
    pub ptr_value: String,
    /// Whether gofmt keeps the applier literal on one line (see `objects::fits_one_line`).
    pub one_line: bool,
}

/// A container type (`XArray`, `XMap`, `StringMapArrayArray`, resource arrays and maps).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Container {
    pub name: String,
    pub is_map: bool,
    /// Element Input type, Output type and plain type.
    pub elem_input: String,
    pub elem_output: String,
    pub elem_plain: String,
}

/// An object type: plain struct, `XArgs`, `XInput`, `XOutput` and (when needed) the `Ptr`
/// variants.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Object {
    pub name: String,
    /// Unexported name stem for the pointer helper type (`xPtrType`).
    pub ptr_type: String,
    pub docs: Vec<String>,
    pub plain_fields: Vec<Field>,
    pub args_fields: Vec<Field>,
    pub has_ptr: bool,
    pub accessors: Vec<Accessor>,
}

/// One enum constant.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumConst {
    pub docs: Vec<String>,
    pub name: String,
    /// `Color("red")`.
    pub value: String,
}

/// An enum type with its Input/Output/Ptr types and conversions to the primitive outputs.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Enum {
    pub name: String,
    pub ptr_type: String,
    pub docs: Vec<String>,
    /// `string`, `int`, `float64`, `bool`.
    pub underlying: String,
    /// `String`, `Int`, `Float64`, `Bool`.
    pub stem: String,
    pub consts: Vec<EnumConst>,
    /// A value of the type, for `RegisterInputType`.
    pub zero: String,
    pub has_ptr: bool,
}

/// A file of types (objects, enums and containers), with its own `init()`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct TypesFile {
    pub head: Head,
    pub enums: Vec<Enum>,
    pub objects: Vec<Object>,
    pub containers: Vec<Container>,
}

/// One IR alias object type: its public names as Go type aliases of the canonical type's.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ObjectAlias {
    pub name: String,
    pub target: String,
    /// The canonical type has `Ptr` forms (so the alias gets `XPtrInput`, `XPtr(…)`, …).
    pub has_ptr: bool,
    /// `(alias, target)` stems of the canonical type's containers (`XArray` = `YArray`).
    pub containers: Vec<(String, String)>,
}

/// `pulumiAliases*.go`: aliases only, so no imports and no `init()`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct AliasesFile {
    pub head: Head,
    pub aliases: Vec<ObjectAlias>,
}

/// One moved type's names in its public package (`go::split`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Reexport {
    pub docs: Vec<String>,
    /// `(name, qualified target)` of each type alias.
    pub types: Vec<(String, String)>,
    /// `(name, qualified target)` of each enum constant.
    pub consts: Vec<(String, String)>,
    /// The `XPtr` constructor, which Go cannot alias.
    pub ptr_func: Option<PtrFunc>,
}

/// `func <name>(v <param>) <ret> { return <target>(v) }`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PtrFunc {
    pub name: String,
    pub param: String,
    pub ret: String,
    pub target: String,
}

/// `pulumiTypes*.go` of a split package: re-exports only, so no `init()`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ReexportsFile {
    pub head: Head,
    pub reexports: Vec<Reexport>,
}

/// A moved resource's file in its public package (see `split`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct ResourceReexportFile {
    pub head: Head,
    pub docs: Vec<String>,
    pub name: String,
    /// The import alias of the internal package defining it.
    pub via: String,
    pub is_custom: bool,
    /// `FooArgs`, `FooState`, `FooInput`, … : the family re-exported as aliases.
    pub families: Vec<String>,
}

/// The resource file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ResourceFile {
    pub head: Head,
    pub docs: Vec<String>,
    pub name: String,
    /// `pulumi.CustomResourceState` etc.
    pub embed: String,
    pub fields: Vec<Field>,
    pub token_lit: String,
    pub is_custom: bool,
    pub is_component: bool,
    /// What `NewX` does between the nil-args check and registration.
    pub new_body: NewBody,
    /// `errors.New("missing one or more required arguments")` needed when args is nil.
    pub args_required: bool,
    /// `internal.` (or `""` inside the utilities package).
    pub util: String,
    pub state_plain: Vec<Field>,
    pub state_input: Vec<Field>,
    pub args_plain: Vec<Field>,
    pub args_input: Vec<Field>,
    pub args_type: String,
    pub state_type: String,
    pub accessors: Vec<Accessor>,
    pub containers: Vec<Container>,
}

/// The statements of `NewX` before registration, in order.
#[derive(Debug, Clone, Serialize, Default)]
pub struct NewBody {
    /// Required inputs checked for nil.
    pub required: Vec<RequiredArg>,
    /// Constants and defaults of inputs, in input order.
    pub defaults: Vec<InputDefault>,
    /// Secret inputs wrapped with `pulumi.ToSecret`.
    pub secrets: Vec<SecretInput>,
    /// Wire-name literals of the secret outputs (`AdditionalSecretOutputs`).
    pub secret_outputs: Vec<String>,
    /// Type-literal of each alias (`pulumi.Aliases`).
    pub alias_types: Vec<String>,
    /// Wire-name literals of the properties that replace on change.
    pub replace_on_changes: Vec<String>,
}

/// A required input: its field and the error message literal.
#[derive(Debug, Clone, Serialize, Default)]
pub struct RequiredArg {
    pub field: String,
    pub message: String,
}

/// A constant or default of an input.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InputDefault {
    /// `set` (a constant: always assigned), `if_nil` (a default), `env` (a default read
    /// from the environment first).
    pub kind: String,
    pub field: String,
    /// The value assigned (`set`, `if_nil`), or the default literal or `nil` (`env`).
    pub value: String,
    /// `env`: the parser argument, the variable name literals, the wrapper and the plain type.
    pub parser: String,
    pub envs: String,
    pub wrap: String,
    pub plain: String,
}

/// A secret input and its Input type.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SecretInput {
    pub field: String,
    pub ty: String,
}

/// The function file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FunctionFile {
    pub head: Head,
    pub docs: Vec<String>,
    pub name: String,
    pub token_lit: String,
    pub util: String,
    pub has_args: bool,
    /// `object`, `value` or `none`.
    pub result_kind: String,
    pub args_fields: Vec<Field>,
    pub output_args_fields: Vec<Field>,
    pub result_fields: Vec<Field>,
    /// For `value` results: the plain type.
    pub value_ty: String,
    pub accessors: Vec<Accessor>,
}

/// `init.go`: resource-module and provider-package registration.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InitFile {
    pub head: Head,
    pub util: String,
    /// `(token literal, Go type name)` pairs for `Construct`.
    pub constructs: Vec<(String, String)>,
    /// Module literals to register, sorted.
    pub modules: Vec<String>,
    pub pkg_lit: String,
    pub provider_token_lit: String,
    pub has_provider: bool,
}

/// One config getter.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigVar {
    pub docs: Vec<String>,
    pub name: String,
    pub key_lit: String,
    /// `string`, `bool`, `int`, `float64`.
    pub ty: String,
    /// `""`, `Bool`, `Int`, `Float64` (the `config.Get…`/`Try…` suffix).
    pub func: String,
    /// Default literal, if any.
    pub default: Option<String>,
    /// `internal.GetEnvOrDefault` call arguments after the default (`nil, "X"`), if any.
    pub env_args: Option<String>,
}

/// `config/config.go`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigFile {
    pub head: Head,
    pub util: String,
    pub vars: Vec<ConfigVar>,
}

/// The utilities package.
#[derive(Debug, Clone, Serialize, Default)]
pub struct UtilitiesFile {
    pub head: Head,
    pub version_lit: String,
    pub has_version: bool,
    pub plugin_download_url_lit: Option<String>,
    /// Major version (from the version, else the module path's `/vN`, else 1).
    pub major: u64,
}

/// `doc.go` of the root package.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DocFile {
    pub generated: String,
    pub docs: Vec<String>,
    pub package: String,
}

/// `go.mod`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GoMod {
    pub generated: String,
    pub module: String,
    pub go_version: String,
    pub requires: Vec<(String, String)>,
}
