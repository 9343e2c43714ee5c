//! View models of the TypeScript target: one serializable struct per kind of file. Every
//! string in them is final TypeScript — identifiers already allocated, literals already
//! quoted and escaped, doc lines already escaped — so templates only lay them out.

use serde::Serialize;

/// A JSDoc block as escaped lines (without `/**`, ` * ` or `*/`); empty means no block.
pub type Doc = Vec<String>;

/// The imports of a generated file, in a fixed order: `@pulumi/pulumi`, the type files it
/// names (inputs, outputs, enums; root module first), `utilities`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Imports {
    pub pulumi: bool,
    pub types: Vec<TypeImport>,
    /// Quoted path of `utilities`, when imported.
    pub utilities: Option<String>,
}

/// `import * as <alias> from <path>;` of one module's type file.
#[derive(Debug, Clone, Serialize)]
pub struct TypeImport {
    pub alias: String,
    /// Quoted relative path.
    pub path: String,
}

/// A field of an `interface` (args, state, object types, function args/results).
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub doc: Doc,
    /// Identifier or quoted string.
    pub key: String,
    pub optional: bool,
    pub readonly: bool,
    pub ty: String,
}

/// An exported interface.
#[derive(Debug, Clone, Serialize)]
pub struct Interface {
    pub doc: Doc,
    pub name: String,
    pub fields: Vec<Field>,
    /// `export type <name> = <alias_of>;` instead of an interface (an IR alias type).
    pub alias_of: Option<String>,
}

/// `resourceInputs[<key>] = <value>;`
#[derive(Debug, Clone, Serialize)]
pub struct Assign {
    pub key: String,
    pub value: String,
}

/// `resourceInputs[<key>] = …;` in a constructor: the constant, or the argument — made
/// secret (`args?.x ? pulumi.secret(args.x) : undefined`), defaulted (`(…) ?? <default>`)
/// and JSON-encoded (`pulumi.output(…).apply(JSON.stringify)`) as flagged.
#[derive(Debug, Clone, Serialize)]
pub struct InputAssign {
    pub key: String,
    pub constant: Option<String>,
    /// `.x` or `["x-y"]`.
    pub member: String,
    /// `?.x` or `?.["x-y"]`.
    pub optional_member: String,
    pub secret: bool,
    pub default: Option<String>,
    pub json: bool,
}

/// `if (<access> === undefined && !opts.urn) { throw new Error(<message>); }`
#[derive(Debug, Clone, Serialize)]
pub struct RequiredCheck {
    pub access: String,
    pub message: String,
}

/// An output property of a resource class.
#[derive(Debug, Clone, Serialize)]
pub struct ClassProperty {
    pub doc: Doc,
    pub key: String,
    /// Full type, `pulumi.Output<…>`.
    pub ty: String,
}

/// `<module>/<name>.ts` for a resource, and `provider.ts`.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceFile {
    pub header: String,
    pub imports: Imports,
    pub doc: Doc,
    pub class_name: String,
    /// `CustomResource`, `ComponentResource` or `ProviderResource`.
    pub base_class: String,
    /// `CustomResourceOptions`, `ComponentResourceOptions` or `ResourceOptions`.
    pub options_type: String,
    /// Quoted `__pulumiType` (the token; the package name for providers).
    pub pulumi_type: String,
    pub is_provider: bool,
    pub is_component: bool,
    /// Emit `static get(...)` (custom resources only).
    pub has_get: bool,
    /// `get` takes a `state?:` argument (the resource has state inputs).
    pub has_state: bool,
    /// Quoted `pulumi.log.warn` message, when deprecated.
    pub deprecation_warning: Option<String>,
    /// `@deprecated` lines for the constructor.
    pub deprecation_doc: Doc,
    pub properties: Vec<ClassProperty>,
    pub args_name: String,
    pub state_name: String,
    pub args_optional: bool,
    pub required_checks: Vec<RequiredCheck>,
    pub input_assigns: Vec<InputAssign>,
    /// Keys of outputs that are not inputs (`undefined /*out*/`).
    pub output_only_keys: Vec<String>,
    /// Keys of every output (the lookup branch when there is no state type).
    pub all_output_keys: Vec<String>,
    pub state_assigns: Vec<Assign>,
    /// Final array literal for `aliases`, if any.
    pub aliases: Option<String>,
    /// Final array literal for `additionalSecretOutputs`, if any.
    pub secret_outputs: Option<String>,
    /// Final array literal for `replaceOnChanges`, if any.
    pub replace_on_changes: Option<String>,
    pub state: Option<Interface>,
    pub args: Interface,
    /// Methods (`Provider.terraformConfig()`), calling `pulumi.runtime.call`.
    pub methods: Vec<Method>,
    /// Interfaces of the namespace merged with the class (`Provider.TerraformConfigResult`).
    pub method_types: Vec<Interface>,
}

/// A method of a resource class.
#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub doc: Doc,
    pub name: String,
    /// The type of `args` (`Foo.BarArgs`), without arguments none.
    pub args_type: Option<String>,
    /// `pulumi.Output<…>`, or `void`.
    pub return_type: String,
    pub returns: bool,
    /// `args` is optional and defaults to `{}` (all arguments optional).
    pub default_args: bool,
    /// `call` / `callSingle`.
    pub call: String,
    pub token: String,
    pub arguments: Vec<Assign>,
    pub deprecation_warning: Option<String>,
}

/// `<module>/<function>.ts`.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionFile {
    pub header: String,
    pub imports: Imports,
    pub doc: Doc,
    pub name: String,
    pub output_name: String,
    pub token: String,
    pub deprecation_warning: Option<String>,
    /// `args = args || {};` is needed and `args` is optional (all arguments optional).
    pub default_args: bool,
    /// `invoke` / `invokeSingle`.
    pub invoke: String,
    /// `invokeOutput` / `invokeSingleOutput`.
    pub invoke_output: String,
    /// Type inside `Promise<…>` / `pulumi.Output<…>`.
    pub result_type: String,
    /// `"wire": args.x` pairs.
    pub arguments: Vec<Assign>,
    pub args: Option<Interface>,
    pub result: Option<Interface>,
    pub output_args: Option<Interface>,
}

/// One module's input or output types (`types/input/s3.ts`), at the file's top level.
#[derive(Debug, Clone, Serialize)]
pub struct TypesFile {
    pub header: String,
    pub imports: Imports,
    pub interfaces: Vec<Interface>,
}

/// A member of a `const` enum object.
#[derive(Debug, Clone, Serialize)]
pub struct EnumMember {
    pub doc: Doc,
    pub key: String,
    pub value: String,
}

/// One enum: a `const` object plus the union type of its values.
#[derive(Debug, Clone, Serialize)]
pub struct Enum {
    pub doc: Doc,
    pub name: String,
    pub members: Vec<EnumMember>,
}

/// `import * as <local> from "<path>";` re-exported as `<exported>`.
#[derive(Debug, Clone, Serialize)]
pub struct Submodule {
    pub local: String,
    pub exported: String,
    pub path: String,
    /// `local as exported`, or just `local` when they are the same.
    pub export_spec: String,
}

/// `types/enums/<module>/index.ts`.
#[derive(Debug, Clone, Serialize)]
pub struct EnumsFile {
    pub header: String,
    pub submodules: Vec<Submodule>,
    pub enums: Vec<Enum>,
}

/// A lazily loaded resource class (or provider) in a module index.
#[derive(Debug, Clone, Serialize)]
pub struct LazyResource {
    pub class_name: String,
    /// Quoted relative module path, `"./bucket"`.
    pub path: String,
    /// Interfaces exported next to it (`BucketArgs, BucketState`).
    pub type_exports: String,
    /// Quoted class name for `lazyLoad`.
    pub names_list: String,
}

/// A lazily loaded function file in a module index.
#[derive(Debug, Clone, Serialize)]
pub struct LazyFunction {
    pub name: String,
    pub output_name: String,
    pub path: String,
    pub type_exports: String,
    /// `"getFoo", "getFooOutput"` for `lazyLoad`.
    pub names_list: String,
}

/// A case of the resource module's `construct` switch.
#[derive(Debug, Clone, Serialize)]
pub struct Construct {
    pub token: String,
    pub class_name: String,
}

/// `index.ts` of the package root or of a module directory.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleIndex {
    pub header: String,
    /// Quoted path of `utilities` relative to this file.
    pub utilities: String,
    pub resources: Vec<LazyResource>,
    pub functions: Vec<LazyFunction>,
    /// Quoted path of this module's enums, when it has any.
    pub enums: Option<String>,
    pub submodules: Vec<Submodule>,
    pub constructs: Vec<Construct>,
    /// Quoted token module segments to register `_module` under.
    pub module_registrations: Vec<String>,
    pub package: String,
    /// Root only: the provider registration (quoted `pulumi:providers:<pkg>`).
    pub provider_type: Option<String>,
    /// Needs `import * as pulumi` (registrations present).
    pub needs_pulumi: bool,
}

/// A configuration variable getter.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigVar {
    pub doc: Doc,
    pub name: String,
    /// Quoted identifier for `Object.defineProperty(exports, <name_literal>, …)`.
    pub name_literal: String,
    pub ty: String,
    /// The `pulumi.Config` reader: `get`, `getBoolean`, `getNumber`, `getObject<T>`.
    pub reader: String,
    /// Quoted wire name.
    pub key: String,
    /// The default expression after `??`, if any.
    pub default: Option<String>,
}

/// `config/vars.ts`.
#[derive(Debug, Clone, Serialize)]
pub struct ConfigFile {
    pub header: String,
    pub imports: Imports,
    pub package: String,
    pub vars: Vec<ConfigVar>,
}

/// Small files whose body is a list of lines (`config/index.ts`, `types/index.ts`), and the
/// namespace files of `types/input` and `types/output` (`typesindex.ts.tera`).
#[derive(Debug, Clone, Serialize)]
pub struct ReexportFile {
    pub header: String,
    pub submodules: Vec<Submodule>,
    pub star_exports: Vec<String>,
}

/// `utilities.ts`.
#[derive(Debug, Clone, Serialize)]
pub struct UtilitiesFile {
    pub header: String,
    /// Extra entries of `resourceOptsDefaults()` (`, pluginDownloadURL: "…"`), final.
    pub extra_defaults: String,
}

/// A `"key": value` line of a JSON object (value already JSON).
#[derive(Debug, Clone, Serialize)]
pub struct JsonEntry {
    pub key: String,
    pub value: String,
}

/// `package.json`: top-level entries already serialized.
#[derive(Debug, Clone, Serialize)]
pub struct PackageJson {
    pub entries: Vec<JsonEntry>,
}

/// `tsconfig.json`.
#[derive(Debug, Clone, Serialize)]
pub struct TsConfig {
    pub header: String,
    /// Quoted file names.
    pub files: Vec<String>,
}
