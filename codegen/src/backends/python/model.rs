//! Serializable view models for the Python templates. Every string in here is final:
//! identifiers are allocated, type expressions rendered, docstrings escaped and indented,
//! literals quoted. Templates only lay these out.

use super::layout;
use crate::backends::common::GENERATED_HEADER;
use serde::Serialize;
use std::collections::BTreeSet;

/// Header lines and imports shared by every `.py` file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FileHead {
    /// The generated-file header (without `# `).
    pub generated: String,
    /// Extra import lines, sorted.
    pub imports: Vec<String>,
    /// Whether `_inputs.py`-style TypedDict imports are needed.
    pub typed_dict_imports: bool,
    /// `from . import _utilities` with the right number of dots.
    pub utilities_import: String,
}

impl FileHead {
    /// The head of a file of module `m` that needs `imports` (TypedDict imports with
    /// `typed_dicts`).
    pub fn new(imports: BTreeSet<String>, m: &str, typed_dicts: bool) -> FileHead {
        FileHead {
            generated: GENERATED_HEADER.to_string(),
            imports: imports.into_iter().collect(),
            typed_dict_imports: typed_dicts,
            utilities_import: format!("from {} import _utilities", layout::root_prefix(m)),
        }
    }
}

/// A property of an `@pulumi.input_type` class.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InputProp {
    pub attr: String,
    /// Quoted attribute name (`"min_lower"`).
    pub attr_lit: String,
    /// `@pulumi.getter` or `@pulumi.getter(name="wireName")`.
    pub getter: String,
    /// The property's type (getter and setter).
    pub ty: String,
    /// The `__init__` parameter type (optional when a default fills it).
    pub init_ty: String,
    /// `= None` needed in `__init__`.
    pub has_none_default: bool,
    pub required: bool,
    /// Literal deprecation message, if deprecated.
    pub deprecation: Option<String>,
    /// Literal `"<name> is deprecated: <message>"`.
    pub deprecation_log: Option<String>,
    /// Expression assigned when the argument is `None`.
    pub default: Option<String>,
    /// What is stored (the parameter, or a constant).
    pub value: String,
    /// Docstring block for the getter (indented for a method body).
    pub docstring: String,
}

/// An `@pulumi.input_type` class (a resource's `XArgs`/`_XState`, or a nested `XArgs`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct InputClass {
    pub name: String,
    /// Docstring of `__init__` (class docs and `:param` lines).
    pub init_docstring: String,
    pub props: Vec<InputProp>,
}

/// One field of a TypedDict.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DictField {
    pub attr: String,
    pub ty: String,
    pub docstring: String,
}

/// A `class XArgsDict(TypedDict)`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DictClass {
    pub name: String,
    pub docstring: String,
    pub fields: Vec<DictField>,
}

/// A getter of an output type, a function result or a resource.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutputProp {
    pub attr: String,
    pub attr_lit: String,
    pub getter: String,
    pub ty: String,
    /// The type as an optional `__init__` parameter (function results).
    pub init_ty: String,
    pub required: bool,
    /// The getter shadows a method of `dict` (an output type's property named `values`).
    pub shadows_dict: bool,
    /// Literal deprecation message for `@_utilities.deprecated(...)`.
    pub deprecation: Option<String>,
    pub docstring: String,
    /// Runtime type for the `isinstance` check in function results (e.g. `_builtins.str`).
    pub runtime_ty: Option<String>,
    /// The `isinstance` message type name (`str`, `list`, ...).
    pub runtime_name: String,
}

/// An `@pulumi.output_type` class in `outputs.py` (or a function's result class).
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutputClass {
    pub name: String,
    pub docstring: String,
    /// `(wireName literal, attr literal)` pairs for the camelCase-key warning.
    pub key_warnings: Vec<(String, String)>,
    pub key_warning_message: String,
    pub props: Vec<OutputProp>,
}

/// `_inputs.py` of one module.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InputsFile {
    pub head: FileHead,
    pub all: Vec<String>,
    /// Dict class (if any) paired with its class, in emission order.
    pub pairs: Vec<(Option<DictClass>, InputClass)>,
    /// `name = canonical` lines for IR alias types, after every class (the canonical class
    /// may sort later in the file).
    pub aliases: Vec<Alias>,
}

/// `name = target`: an IR alias type under its own public name.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Alias {
    pub name: String,
    pub target: String,
}

/// `outputs.py` of one module.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OutputsFile {
    pub head: FileHead,
    pub all: Vec<String>,
    pub classes: Vec<OutputClass>,
    /// As in [`InputsFile::aliases`].
    pub aliases: Vec<Alias>,
}

/// One member of an enum class.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumMember {
    pub name: String,
    pub value: String,
    pub docstring: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumClass {
    pub name: String,
    pub token_lit: String,
    /// `_builtins.str, Enum` etc.
    pub bases: String,
    pub docstring: String,
    pub members: Vec<EnumMember>,
}

/// `_enums.py` of one module.
#[derive(Debug, Clone, Serialize, Default)]
pub struct EnumsFile {
    pub head: FileHead,
    pub all: Vec<String>,
    pub enums: Vec<EnumClass>,
}

/// A parameter of a generated signature.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Param {
    pub name: String,
    pub ty: String,
}

/// How `_internal_init` stores one input.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InitAssign {
    pub param: String,
    pub attr_lit: String,
    pub default: Option<String>,
    pub required: bool,
    /// Quoted name for the missing-property error.
    pub missing_lit: String,
    /// The expression stored.
    pub value: String,
    /// A provider input that is not string-like: sent JSON-encoded.
    pub json: bool,
    pub secret: bool,
    /// The value cannot be None here (a literal default, a constant): no None test.
    pub never_none: bool,
}

/// `get()` of a custom resource.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GetMethod {
    pub params: Vec<Param>,
    pub docstring: String,
    pub props_class: String,
    /// `(attr literal, expression)` pairs.
    pub assigns: Vec<(String, String)>,
}

/// One resource file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ResourceFile {
    pub head: FileHead,
    pub all: Vec<String>,
    pub args: InputClass,
    pub state: Option<InputClass>,
    pub name: String,
    pub base: String,
    pub type_token_lit: String,
    pub register_token_lit: String,
    pub is_component: bool,
    pub deprecation: Option<String>,
    pub deprecation_log: Option<String>,
    pub init_params: Vec<Param>,
    pub args_param_ty: String,
    pub kwargs_docstring: String,
    pub args_docstring: String,
    pub assigns: Vec<InitAssign>,
    pub output_nones: Vec<String>,
    pub aliases: Option<Vec<Vec<String>>>,
    pub secret_outputs: Option<String>,
    pub replace_on_changes: Option<String>,
    pub get: Option<GetMethod>,
    pub getters: Vec<OutputProp>,
    /// Resource methods (Pulumi `methods`), called through `pulumi.runtime.call`.
    pub methods: Vec<PyMethod>,
}

/// One resource method: `def name(__self__, <args>) -> pulumi.Output[...]`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PyMethod {
    pub name: String,
    pub token_lit: String,
    pub docstring: String,
    pub args: Vec<FnArg>,
    /// The nested `@pulumi.output_type` result class, when the method returns an object.
    pub result: Option<MethodResult>,
    /// The declared return type (`pulumi.Output['Provider.XResult']`, or `None`).
    pub ret: String,
}

/// A method's result class, nested in the resource class as the official SDKs do.
#[derive(Debug, Clone, Serialize, Default)]
pub struct MethodResult {
    pub class: String,
    /// `Resource.Class`, as annotations and `typ=` spell it.
    pub qualified: String,
    pub props: Vec<OutputProp>,
}

/// A function argument.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FnArg {
    pub name: String,
    pub wire_lit: String,
    pub plain_ty: String,
    pub output_ty: String,
}

/// One function file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FunctionFile {
    pub head: FileHead,
    pub all: Vec<String>,
    pub token_lit: String,
    pub name: String,
    pub output_name: String,
    pub deprecation: Option<String>,
    pub deprecation_log: Option<String>,
    pub docstring: String,
    pub args: Vec<FnArg>,
    /// `object`, `value` or `none`.
    pub result_kind: String,
    pub result: Option<OutputClass>,
    pub awaitable: String,
    /// Return types of the plain and `_output` forms.
    pub plain_ret: String,
    pub output_ret: String,
    /// What the `_output` form of a `value` result returns: `__ret__` as is when it is
    /// already `Output[Any]` (a cast would be redundant), else a cast to `output_ret`.
    pub output_ret_expr: String,
    /// For `value` results: the value type.
    pub value_ty: String,
}

/// A lazily imported child module.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Submodule {
    pub name: String,
    pub fqn: String,
}

/// A module's `__init__.py`. Type checkers see eager `from .x import *` imports; at run
/// time the members are imported on first use through `_utilities.lazy_exports`, so
/// importing one module of a large package does not import every file of it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct InitFile {
    pub head: FileHead,
    pub docstring: String,
    /// Files whose `__all__` the module re-exports (`from .x import *`), in binding order.
    pub exports: Vec<String>,
    pub has_inputs: bool,
    pub has_outputs: bool,
    pub submodules: Vec<Submodule>,
    /// `(file literal, names expression)`: the lazy table, each file with the members it
    /// exports as one space-separated string (wrapped over lines when long).
    pub lazy_members: Vec<(String, String)>,
    /// The submodules exported as themselves, as one space-separated string expression.
    pub lazy_modules: String,
    /// Python literal lists for `_utilities.register`, root only.
    pub register: Option<(String, String)>,
}

/// A config variable.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigVar {
    pub name: String,
    pub ty: String,
    pub fetch: String,
    pub docstring: String,
    pub stub_docstring: String,
}

/// `config/vars.py`, `config/__init__.py` and `config/__init__.pyi`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ConfigFile {
    pub head: FileHead,
    pub pkg_lit: String,
    pub vars: Vec<ConfigVar>,
}

/// `_utilities.py`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct UtilitiesFile {
    pub generated: String,
    pub version_lit: String,
    pub plugin_download_url_lit: String,
}

/// `pyproject.toml`; values are TOML literals.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Pyproject {
    pub generated: String,
    pub name: String,
    pub version: String,
    pub description: Option<String>,
    pub license: Option<String>,
    pub keywords: String,
    pub requires_python: String,
    pub dependencies: Vec<String>,
    pub urls: Vec<(String, String)>,
    pub package_key: String,
}
