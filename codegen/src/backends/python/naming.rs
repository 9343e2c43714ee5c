//! The Python naming oracle: pure spelling functions (casing, keywords, reserved members,
//! escaping into identifiers). The naming pass ([`super::names`]) applies them.
//!
//! Order of decisions: overrides from the schema's `language.python` block first
//! (`packageName`, `moduleNameOverrides`, our own `nameOverrides`), then Pulumi's `PyName`
//! (camelCase → snake_case, ported rule for rule so our names equal the official SDK's),
//! then keywords and reserved members, then the shared collision allocator ([`Ns`]).
//!
//! `PyName` works on the wire name, not on `Ident::words`: the official generator splits
//! acronyms differently from the IR (`podCIDRs` → `pod_cidrs`), and compatibility with
//! programs written against the official SDK wins here.

use crate::backends::sdk::enums::spelled_out;
use crate::backends::sdk::Ns;
use std::collections::BTreeMap;

/// Python 2 and 3 keywords that Pulumi's generator suffixes with `_` (PEP 8 style).
/// `print` and `exec` are kept because the official generator keeps them.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "exec", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "print", "raise",
    "return", "try", "while", "with", "yield",
];

/// Names that already have a meaning on a `pulumi.CustomResource` (or that the generated
/// `get`/`_internal_init` use); an output property with one of these names gets a `_`.
pub const RESOURCE_MEMBERS: &[&str] =
    &["get", "get_provider", "id", "urn", "translate_input_property", "translate_output_property", "pulumi_type"];

/// Methods of `dict`, which every generated output type subclasses. A property with one of
/// these names keeps it and shadows the method, as in the official SDKs: programs read
/// `x.values` as the property (a `values_` getter would leave `x.values` silently returning
/// the bound method), and the Pulumi runtime never calls these methods on output values. Its
/// getter tells mypy with `# type: ignore[override, unused-ignore]` (a getter typed `Any` does
/// not conflict, and strict mypy reports an ignore that is not needed).
pub const DICT_MEMBERS: &[&str] =
    &["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"];

/// What a generated output class defines for itself besides its getters (`get`, which warns
/// when a Pulumi name is read through it): a property named like one gets a `_`.
pub const OUTPUT_CLASS_MEMBERS: &[&str] = &["get"];

/// Names every generated module namespace already uses (typing imports, helpers): a class
/// with one of these names would shadow them, so it gets a `_`.
pub const MODULE_RESERVED: &[&str] = &[
    "Any", "Awaitable", "Enum", "Literal", "Mapping", "NotRequired", "Optional", "Sequence", "TypeAlias", "TypedDict", "Union", "cast",
    "overload", "pulumi", "warnings", "sys", "typing", "types", "outputs", "_utilities", "_builtins", "_enums", "_inputs", "config",
];

/// File stems every module directory may already hold.
pub const FILE_RESERVED: &[&str] = &["__init__", "_inputs", "outputs", "_enums", "_utilities", "vars"];

/// Names a resource's `__init__` takes for itself (and the module imports it uses): an
/// input named like one gets a `_`.
pub const INIT_RESERVED: &[&str] = &["resource_name", "opts", "__props__", "pulumi", "warnings", "typing", "_utilities", "_builtins", "__self__"];

/// Names a resource's `get` takes for itself.
pub const GET_RESERVED: &[&str] = &["resource_name", "id", "opts", "__props__", "pulumi", "_utilities", "_builtins"];

/// Names a function body uses for itself.
pub const FUNCTION_RESERVED: &[&str] =
    &["opts", "pulumi", "warnings", "typing", "_utilities", "_builtins", "__args__", "__ret__", "__response__"];

/// Names a method body uses for itself.
pub const METHOD_RESERVED: &[&str] = &["pulumi", "_builtins", "_utilities", "__self__", "__args__"];

/// Module-level names every class body can see: an attribute named like one gets a `_`.
pub const ATTR_RESERVED: &[&str] = &["pulumi", "_builtins", "_utilities"];

/// Is `c` allowed to start a Python identifier (ASCII letters, `_`, Unicode letters)?
pub fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Is `c` allowed inside a Python identifier?
pub fn is_ident_part(c: char) -> bool {
    is_ident_start(c) || c.is_alphanumeric()
}

/// True when `s` is a valid Python identifier and not a keyword.
pub fn is_valid_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_ident_start(c) => chars.all(is_ident_part) && !is_keyword(s),
        _ => false,
    }
}

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Appends `_` to keywords (Pulumi's `EnsureKeywordSafe`).
pub fn keyword_safe(name: String) -> String {
    if is_keyword(&name) {
        name + "_"
    } else {
        name
    }
}

/// Names that shipped with the legacy acronym rule in official SDKs.
const LEGACY_NAMES: &[&str] = &["openXJsonSerDe", "GetPublicIPs", "GetUptimeCheckIPs"];

/// Pulumi's `PyName`: camelCase → snake_case with acronyms and digits folded the way the
/// official generator does, illegal characters replaced by `_`, keywords suffixed. Never
/// returns an empty string or an invalid identifier.
pub fn py_name(name: &str) -> String {
    let out = py_name_raw(name, LEGACY_NAMES.contains(&name));
    keyword_safe(if out.is_empty() { "_".to_string() } else { out })
}

#[derive(Clone, Copy, PartialEq)]
enum St {
    First,
    Upper,
    Acronym,
    LowerOrNumber,
}

fn py_name_raw(name: &str, legacy: bool) -> String {
    let mut result = String::with_capacity(name.len() + 5);
    let mut cur: Vec<char> = Vec::new();
    let mut state = St::First;
    let push = |result: &mut String, comp: &[char]| {
        if !result.is_empty() {
            result.push('_');
        }
        result.extend(comp.iter());
    };
    for mut c in name.chars() {
        if !is_ident_part(c) {
            c = '_';
        }
        match state {
            St::First => {
                if !is_ident_start(c) {
                    cur.push('_');
                }
                if c.is_uppercase() {
                    state = St::Upper;
                    cur.extend(c.to_lowercase());
                } else {
                    state = St::LowerOrNumber;
                    cur.push(c);
                }
            }
            St::Upper => {
                if c.is_uppercase() {
                    state = St::Acronym;
                    cur.extend(c.to_lowercase());
                } else {
                    state = St::LowerOrNumber;
                    cur.push(c);
                }
            }
            St::Acronym => {
                if c.is_uppercase() {
                    cur.extend(c.to_lowercase());
                } else if c.is_ascii_digit() || c.is_numeric() || (c == 's' && !legacy) {
                    state = St::LowerOrNumber;
                    cur.push(c);
                } else {
                    // The last capital starts the next word: `HTTPServer` → `http`, `server`.
                    let last = cur.pop();
                    push(&mut result, &cur);
                    cur.clear();
                    cur.extend(last);
                    cur.push(c);
                    state = St::LowerOrNumber;
                }
            }
            St::LowerOrNumber => {
                if c.is_uppercase() {
                    push(&mut result, &cur);
                    cur.clear();
                    cur.extend(c.to_lowercase());
                    state = St::Upper;
                } else {
                    cur.push(c);
                }
            }
        }
    }
    if !cur.is_empty() {
        push(&mut result, &cur);
    }
    result
}

/// Replaces characters that cannot appear in an identifier with `_` and prefixes `_` when the
/// first character cannot start one (Pulumi's `makeValidIdentifier`).
pub fn make_valid_identifier(name: &str) -> String {
    let mut out = crate::backends::sdk::identifier::valid(name, is_ident_start, is_ident_part);
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// A class name from a token's member name: first letter upper-cased, `-` removed with
/// the next letter upper-cased, then made a valid identifier and keyword-safe.
pub fn class_name(token_name: &str) -> String {
    keyword_safe(make_valid_identifier(&crate::backends::sdk::identifier::title_dashes(token_name)))
}

/// The snake_case name of a function or resource file from its token name
/// (`PyName(UppercaseFirst(name))`, as the official generator does).
pub fn member_snake_name(token_name: &str) -> String {
    let mut c = token_name.chars();
    let upper: String = match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    };
    py_name(&upper)
}

/// Python module path (`a/b`, empty for the root) of a canonical IR module.
pub fn module_path(canonical: &str, overrides: &BTreeMap<String, String>) -> String {
    if canonical == "index" || canonical.is_empty() {
        return String::new();
    }
    if let Some(o) = overrides.get(canonical) {
        let parts: Vec<String> = o.split(['/', '.']).filter(|p| !p.is_empty()).map(py_name).collect();
        return parts.join("/");
    }
    canonical.to_lowercase().split('/').filter(|p| !p.is_empty()).map(py_name).collect::<Vec<_>>().join("/")
}

/// The import package name: `language.python.packageName`, else `pulumi_<pkg>` with `-` → `_`.
pub fn package_name(pkg: &str, package_name: Option<&str>) -> String {
    if let Some(n) = package_name {
        let parts: Vec<String> = n.split('.').map(make_valid_identifier).map(keyword_safe).collect();
        if !parts.is_empty() {
            return parts.join(".");
        }
    }
    format!("pulumi_{}", make_valid_identifier(&pkg.replace('-', "_")))
}

/// The constant-like member name of an enum value (Pulumi's `makeSafeEnumName`), e.g.
/// `"Microsoft.Batch"` → `MICROSOFT_BATCH`, `"8.3"` → `<TYPE>_8_3`, `"*"` → `ASTERISK`.
pub fn enum_member_name(name: &str, type_name: &str) -> String {
    let expanded = spelled_out(name).unwrap_or(name);
    let snake = py_name_raw(expanded, false);
    let mut safe = make_valid_identifier(&snake.to_uppercase());
    if safe.starts_with('_') {
        safe = format!("{}{}", py_name_raw(type_name, false).to_uppercase(), safe);
    }
    // Collapse runs of underscores.
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    let out = make_valid_identifier(&out);
    keyword_safe(out)
}

/// Snake names for a list of wire names in one scope: `nameOverrides` first, then `PyName`,
/// then `reserved`; on a collision, names whose wire form already equals their snake form
/// keep it and the others are suffixed. Returns names in input order.
pub fn allocate_snake(wires: &[&str], reserved: &[&str], overrides: &BTreeMap<String, String>) -> Vec<String> {
    let mut scope = Ns::with_reserved(reserved.iter().copied());
    let bases: Vec<String> = wires.iter().map(|w| overrides.get(*w).map(|o| keyword_safe(make_valid_identifier(o))).unwrap_or_else(|| py_name(w))).collect();
    let mut out: Vec<Option<String>> = vec![None; wires.len()];
    // Exact matches first so that `foo_bar` keeps its name when `fooBar` also exists.
    for pass in 0..2 {
        for (i, w) in wires.iter().enumerate() {
            let exact = *w == bases[i];
            if (pass == 0) == exact && out[i].is_none() {
                out[i] = Some(scope.claim(&bases[i]));
            }
        }
    }
    out.into_iter().map(|o| o.unwrap_or_default()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn py_name_table() {
        // The official generator's own table, plus digits, symbols and keywords.
        let table: &[(&str, &str)] = &[
            ("kubeletConfigKey", "kubelet_config_key"),
            ("podCIDR", "pod_cidr"),
            ("podCidr", "pod_cidr"),
            ("podCIDRs", "pod_cidrs"),
            ("podIPs", "pod_ips"),
            ("nonResourceURLs", "non_resource_urls"),
            ("someTHINGsAREWeird", "some_things_are_weird"),
            ("podCIDRSet", "pod_cidr_set"),
            ("Sha256Hash", "sha256_hash"),
            ("SHA256Hash", "sha256_hash"),
            ("proj:config", "proj_config"),
            ("openXJsonSerDe", "open_x_json_ser_de"),
            ("GetPublicIPs", "get_public_i_ps"),
            ("GetUptimeCheckIPs", "get_uptime_check_i_ps"),
            ("bcryptHash", "bcrypt_hash"),
            ("minLower", "min_lower"),
            ("RandomPassword", "random_password"),
            ("getPublicKey", "get_public_key"),
            ("ipv6Address", "ipv6_address"),
            ("s3Bucket", "s3_bucket"),
            ("HTTPServer", "http_server"),
            ("already_snake", "already_snake"),
            ("class", "class_"),
            ("lambda", "lambda_"),
            ("from", "from_"),
            ("None", "none"),
            ("123abc", "_123abc"),
            ("9", "_9"),
            ("+", "_"),
            ("", "_"),
            ("a-b.c", "a_b_c"),
            ("ünïcödeName", "ünïcöde_name"),
        ];
        for (input, want) in table {
            assert_eq!(py_name(input), *want, "py_name({input:?})");
            assert!(is_valid_identifier(&py_name(input)), "{input:?} must give a valid identifier");
        }
    }

    #[test]
    fn class_names() {
        for (input, want) in [("RandomPassword", "RandomPassword"), ("getFoo", "GetFoo"), ("my-type", "MyType"), ("9lives", "_9lives"), ("None", "None_"), ("@@", "__")] {
            assert_eq!(class_name(input), want, "class_name({input:?})");
        }
    }

    #[test]
    fn enum_member_table() {
        // Pulumi's makeSafeEnumName table (the `+` case errors there; we still give a name).
        let table: &[(&str, &str)] = &[
            ("red", "RED"),
            ("snake_cased_name", "SNAKE_CASED_NAME"),
            ("*", "ASTERISK"),
            ("0", "ZERO"),
            ("8.3", "TYPE_NAME_8_3"),
            ("11", "TYPE_NAME_11"),
            ("Microsoft-Windows-Shell-Startup", "MICROSOFT_WINDOWS_SHELL_STARTUP"),
            ("Microsoft.Batch", "MICROSOFT_BATCH"),
            ("readonly", "READONLY"),
            ("SystemAssigned, UserAssigned", "SYSTEM_ASSIGNED_USER_ASSIGNED"),
            ("Dev(NoSLA)_Standard_D11_v2", "DEV_NO_SL_A_STANDARD_D11_V2"),
            ("Standard_E8as_v4+1TB_PS", "STANDARD_E8AS_V4_1_T_B_PS"),
            ("Plants'R'Us", "PLANTS_R_US"),
            ("Pulumi Planters Inc.", "PULUMI_PLANTERS_INC_"),
            ("ZeroPointOne", "ZERO_POINT_ONE"),
            ("+", "TYPE_NAME_"),
            ("", "TYPE_NAME_"),
        ];
        for (input, want) in table {
            assert_eq!(enum_member_name(input, "TypeName"), *want, "enum_member_name({input:?})");
        }
    }

    #[test]
    fn modules_and_packages() {
        let none = BTreeMap::new();
        assert_eq!(module_path("index", &none), "");
        assert_eq!(module_path("apps/v1beta1", &none), "apps/v1beta1");
        assert_eq!(module_path("someModule", &none), "somemodule");
        let mut o = BTreeMap::new();
        o.insert("someModule".to_string(), "some_module".to_string());
        assert_eq!(module_path("someModule", &o), "some_module");
        assert_eq!(package_name("azure-native", None), "pulumi_azure_native");
        assert_eq!(package_name("x", Some("my_x")), "my_x");
    }

    #[test]
    fn collisions_are_suffixed_deterministically() {
        let none = BTreeMap::new();
        let got = allocate_snake(&["fooBar", "foo_bar", "opts", "id"], &["opts", "id"], &none);
        assert_eq!(got, vec!["foo_bar_", "foo_bar", "opts_", "id_"]);
        let got = allocate_snake(&["a", "A", "a_"], &[], &none);
        assert_eq!(got, vec!["a", "a_2", "a_"]);
        let mut o = BTreeMap::new();
        o.insert("weird".to_string(), "nice".to_string());
        assert_eq!(allocate_snake(&["weird"], &[], &o), vec!["nice"]);
    }
}
