//! Serializable view models for the Java templates. Every string in here is final:
//! identifiers are allocated, type expressions rendered against the file's imports, Javadoc
//! escaped and indented, literals quoted. Templates only lay these out.

use serde::Serialize;

/// The first lines of every `.java` file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FileHead {
    /// The generated-file header (without `// `).
    pub generated: String,
    pub package: String,
    /// `import x.y.Z;` lines, sorted.
    pub imports: Vec<String>,
}

/// A builder method (one overload): `public Builder name(param_ty param)`. The main
/// overload assigns the field (`param` is the field's name) and returns the builder; the
/// others forward to it through `wrap`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Setter {
    pub doc: String,
    /// Annotation lines placed before the method (`@CustomType.Setter`), may be empty.
    pub annotations: Vec<String>,
    pub name: String,
    pub param_ty: String,
    pub param: String,
    /// A forwarding overload: `return call(wrap(param));` (`Output.of`, `List.of`,
    /// `Either.ofLeft`).
    pub wrap: Option<String>,
    /// How the forwarding overload calls the main one (`naming::self_call`).
    pub call: String,
    /// What the main overload assigns into: `$` (input builders) or `this` (output builders).
    pub target: String,
    /// The null check of a required property, before the assignment (output builders).
    pub required: Option<Missing>,
}

/// `throw new MissingRequiredPropertyException("Class", "field")`, as written in the file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Missing {
    pub exception: String,
    pub class_lit: String,
    pub field_lit: String,
}

/// One statement of an input builder's `build()`: fill a default, or check a required field.
#[derive(Debug, Clone, Serialize, Default)]
pub struct BuildStep {
    pub field: String,
    /// `$.field = default;`
    pub default: Option<String>,
    /// The null check of a required field without a default.
    pub required: Option<Missing>,
}

/// A field with its getter.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Field {
    pub doc: String,
    /// Annotation lines before the field (`@Import(…)`, `@Export(…)`, `@Deprecated /* … */`).
    pub annotations: Vec<String>,
    /// Field type, including a leading `@Nullable ` when nullable.
    pub ty: String,
    pub name: String,
    pub getter_doc: String,
    pub getter_ty: String,
    pub getter: String,
    pub getter_expr: String,
}

/// An input class: a resource's `XArgs`, `inputs.XState`, `inputs.XArgs`/`inputs.X` of an
/// object type, or a function's `inputs.GetXArgs`/`GetXPlainArgs`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InputClass {
    pub head: FileHead,
    pub doc: String,
    pub name: String,
    pub base: String,
    pub objects: String,
    pub fields: Vec<Field>,
    pub setters: Vec<Setter>,
    /// Statements of `build()` before `return $;` (required checks, defaults).
    pub build: Vec<BuildStep>,
}

/// An output class (`@CustomType`): object types, function results, config objects.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutputClass {
    pub head: FileHead,
    pub doc: String,
    pub name: String,
    pub custom_type: String,
    pub objects: String,
    pub fields: Vec<Field>,
    pub setters: Vec<Setter>,
    /// Name of the local in `build()` (clear of every field).
    pub result_var: String,
}

/// A class that keeps an alias type's public name (Java has no type aliases): its builder
/// builds the canonical class every property of this shape is declared with.
#[derive(Debug, Clone, Serialize, Default)]
pub struct AliasClass {
    pub head: FileHead,
    pub doc: String,
    pub name: String,
    /// The canonical class, as written in this file.
    pub target: String,
}

/// A resource class (the provider included).
#[derive(Debug, Clone, Serialize, Default)]
pub struct ResourceFile {
    pub head: FileHead,
    pub doc: String,
    pub deprecated: Option<String>,
    pub resource_type: String,
    pub token_lit: String,
    pub name: String,
    pub base: String,
    pub exports: Vec<Field>,
    pub args: String,
    /// `@Nullable ` when every input is optional.
    pub args_nullable: String,
    pub nullable: String,
    pub options: String,
    pub output: String,
    pub codegen: String,
    pub string: String,
    /// Token passed to `super` (the package name for the provider).
    pub super_token_lit: String,
    /// `, true` for components (remote), `, false` otherwise.
    pub super_tail: String,
    pub is_custom: bool,
    /// `@Nullable XState state, ` and `state` when the resource has state inputs.
    pub state_param: String,
    pub state_ref: String,
    /// Constant inputs `makeArgs` always sets.
    pub consts: Vec<Const>,
    pub utilities: String,
    pub list: String,
    /// `com.pulumi.core.Alias`, as written (when there are aliases).
    pub alias: String,
    pub aliases: Vec<Alias>,
    pub secrets: Vec<String>,
}

/// A constant input: `.setter(value)` in `makeArgs`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Const {
    pub setter: String,
    pub value: String,
}

/// A resource alias (string literals, each part optional).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Alias {
    pub name: Option<String>,
    pub project: Option<String>,
    pub ty: Option<String>,
}

/// One function of a module's functions class.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FunctionMethod {
    pub doc: String,
    pub deprecated: Option<String>,
    pub name: String,
    pub plain_name: String,
    pub ret: String,
    pub args_ty: String,
    pub plain_args_ty: String,
    pub all_optional: bool,
    pub token_lit: String,
    pub shape: String,
}

/// `XFunctions.java`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FunctionsFile {
    pub head: FileHead,
    pub name: String,
    pub output: String,
    pub future: String,
    pub invoke_options: String,
    pub invoke_output_options: String,
    pub deployment: String,
    pub utilities: String,
    pub functions: Vec<FunctionMethod>,
}

/// One enum constant.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumMember {
    pub doc: String,
    pub deprecated: Option<String>,
    pub name: String,
    pub value: String,
}

/// `enums/X.java`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumFile {
    pub head: FileHead,
    pub doc: String,
    pub name: String,
    pub enum_type: String,
    pub value_ty: String,
    pub objects: String,
    pub string_joiner: String,
    pub is_string: bool,
    pub members: Vec<EnumMember>,
}

/// A config getter.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigVar {
    pub doc: String,
    pub ty: String,
    pub name: String,
    pub expr: String,
}

/// `Config.java`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigFile {
    pub head: FileHead,
    pub pkg_lit: String,
    pub vars: Vec<ConfigVar>,
}

/// `Utilities.java`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct UtilitiesFile {
    pub head: FileHead,
    pub version_resource_lit: String,
}

/// A Maven dependency.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Dependency {
    pub group: String,
    pub artifact: String,
    pub version: String,
}

/// `pom.xml`; values are XML-escaped.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Pom {
    pub generated: String,
    pub group: String,
    pub artifact: String,
    pub version: String,
    pub name: String,
    pub description: Option<String>,
    pub url: Option<String>,
    pub license: Option<String>,
    pub dependencies: Vec<Dependency>,
}
