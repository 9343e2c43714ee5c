//! The Java naming oracle: every Java identifier, package and class name the backend emits
//! comes from here.
//!
//! Pure spelling functions: the official generator's identifier rules (ported so that our
//! names equal the official SDK's: `-` dropped, other illegal characters become `_`,
//! keywords get a `_` suffix, members that would clash with `Object`, builder or `Resource`
//! methods get a `_` suffix). Which name wins a collision is decided by the naming pass
//! ([`super::names`]), which calls these.


/// Java reserved words plus the literals and `var`, which the official generator treats as
/// keywords too.
pub const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "if",
    "goto",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "_",
    "false",
    "null",
    "true",
    "var",
];

/// Methods of `java.lang.Object` and the static `builder()` of every generated class: a
/// getter or setter with one of these names would not compile (or would hide them).
pub const OBJECT_METHODS: &[&str] = &[
    "notify",
    "notifyAll",
    "toString",
    "clone",
    "equals",
    "hashCode",
    "getClass",
    "wait",
    "finalize",
    "builder",
];

/// Public and protected members of `com.pulumi.resources.Resource` and its subclasses: a
/// resource getter with one of these names would clash with an inherited method.
pub const RESOURCE_METHODS: &[&str] = &[
    "getResourceType",
    "getResourceName",
    "getChildResources",
    "getUrn",
    "getId",
    "pulumiResourceType",
    "pulumiResourceName",
    "pulumiChildResources",
    "urn",
    "id",
    "idFuture",
    "registerOutputs",
];

/// Field names that would obscure the package roots of fully qualified names in expressions.
pub const FIELD_RESERVED: &[&str] = &["com", "java", "javax"];

/// Members of every generated input class (`Empty`, the builder's `$`).
pub const INPUT_RESERVED: &[&str] = &["Empty", "$"];

/// The local of every generated output class's `build()`.
pub const OUTPUT_RESERVED: &[&str] = &["_resultValue"];

/// The field of the generated `Config` class.
pub const CONFIG_RESERVED: &[&str] = &["config"];

/// Members of every generated enum.
pub const ENUM_RESERVED: &[&str] = &["value", "getValue", "toString"];

/// `Builder` is the nested class of every generated input and output class; a top-level
/// class of that name could not declare it.
pub const CLASS_RESERVED: &[&str] = &["Builder"];

/// Names of `java.lang` classes the generated code refers to by simple name; a generated
/// class with one of these names forces fully qualified references.
pub const JAVA_LANG: &[&str] = &[
    "String",
    "Integer",
    "Boolean",
    "Double",
    "Object",
    "Void",
    "Deprecated",
    "Override",
];

/// How a builder calls its own method `name`: `yield` is a restricted identifier that
/// Java 14+ accepts as a method name but not as an unqualified call, so it is called as
/// `this.yield(…)`; every other name is called as it is.
pub fn self_call(name: &str) -> String {
    if name == "yield" {
        format!("this.{name}")
    } else {
        name.to_string()
    }
}

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

fn is_start(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphabetic()
}

fn is_part(c: char) -> bool {
    is_start(c) || c.is_alphanumeric()
}

/// True when `s` is a valid Java identifier and not a keyword.
pub fn is_valid_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_start(c) => chars.all(is_part) && !is_keyword(s),
        _ => false,
    }
}

/// The official generator's `Ident.makeValid`: `-` is dropped (so `azure-native` becomes
/// `azurenative`), other illegal characters become `_`, a leading digit gets a `_` prefix,
/// keywords get a `_` suffix. Never returns an empty string.
pub fn ident(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    for (i, c) in name.chars().enumerate() {
        if i == 0 && c == '$' {
            out.push(c);
            continue;
        }
        if c == '-' {
            continue;
        }
        if !is_part(c) {
            out.push('_');
        } else {
            if out.is_empty() && !is_start(c) {
                out.push('_');
            }
            out.push(c);
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    if is_keyword(&out) {
        out.push('_');
    }
    out
}

/// First character upper-cased, the rest kept.
pub fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// First character lower-cased, the rest kept.
pub fn lower_camel(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A class name from a token's member name (`tokenToName`): title-cased, made valid, and
/// short enough that `<Name><Suffix>.java` fits a file name (255 bytes on every common
/// file system; bridge-style nested names reach 270 characters on AWS quicksight).
pub fn class_name(token_name: &str) -> String {
    cap_length(ident(&title(token_name)))
}

/// Longest class stem kept whole; longer ones keep a prefix plus a hash of the full name,
/// which stays unique and stable across runs.
pub const MAX_CLASS_STEM: usize = 200;

fn cap_length(name: String) -> String {
    if name.len() <= MAX_CLASS_STEM {
        return name;
    }
    // FNV-1a (64-bit): stable across Rust versions, unlike `DefaultHasher`.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut cut = MAX_CLASS_STEM - 17;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}_{hash:016x}", &name[..cut])
}

/// The method name of a function (`tokenToFunctionName`): the class name, lower-camel.
pub fn function_name(token_name: &str) -> String {
    let n = lower_camel(&class_name(token_name));
    if is_keyword(&n) {
        n + "_"
    } else {
        n
    }
}

/// A getter or builder setter name for a field: `_` appended when it would clash with an
/// `Object` method or `builder`.
pub fn member(field: &str) -> String {
    if OBJECT_METHODS.contains(&field) {
        format!("{field}_")
    } else {
        field.to_string()
    }
}

/// A resource getter name: [`member`], then `_` again for inherited `Resource` methods.
pub fn resource_member(field: &str) -> String {
    let m = member(field);
    if RESOURCE_METHODS.contains(&m.as_str()) {
        m + "_"
    } else {
        m
    }
}

/// The Java name a property asks for (`language.java.name`), else its wire name, made valid.
pub fn property(p: &crate::ir::Property) -> String {
    p.language
        .get("java")
        .and_then(|j| j.get("name"))
        .and_then(serde_json::Value::as_str)
        .filter(|s| !s.is_empty())
        .map(ident)
        .unwrap_or_else(|| ident(&p.name.wire))
}

/// The raw name an enum value asks for: its `name`, else its value's text.
pub fn enum_value_name(v: &crate::ir::EnumValue) -> String {
    v.name.clone().unwrap_or_else(|| match &v.value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// An enum constant name (`MakeSafeEnumName`): short names expanded, made valid, title-cased,
/// runs of `_` collapsed. `"red"` → `Red`, `"Microsoft.Batch"` → `Microsoft_Batch`, `"8.3"` →
/// `_8_3`. Where the official generator gives up (`"+"`), we still give a name.
pub fn enum_member(name: &str) -> String {
    let expanded = crate::backends::sdk::enums::spelled_out(name).unwrap_or(name);
    let mut s = title(&ident(expanded));
    let mut out = String::with_capacity(s.len());
    for c in s.drain(..) {
        if c == '_' && out.ends_with('_') {
            continue;
        }
        out.push(c);
    }
    if is_keyword(&out) {
        out.push('_');
    }
    out
}

/// Java package path segments from a dotted name: each segment made valid.
pub fn package_parts(dotted: &str) -> Vec<String> {
    dotted
        .split('.')
        .filter(|p| !p.is_empty())
        .map(ident)
        .collect()
}

/// The name of a module's functions class (`RandomFunctions`, `Apps_v1Functions`).
pub fn functions_class(pkg: &str, module: &str) -> String {
    let base = if module.is_empty() || module == "index" {
        pkg
    } else {
        module
    };
    ident(&format!("{}Functions", title(base)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        let table: &[(&str, &str)] = &[
            ("foo", "foo"),
            ("azure-native", "azurenative"),
            ("a.b", "a_b"),
            ("apps/v1", "apps_v1"),
            ("9lives", "_9lives"),
            ("class", "class_"),
            ("var", "var_"),
            ("_", "__"),
            ("", "__"),
            ("-", "__"),
            ("$ref", "$ref"),
            ("ünïcode", "ünïcode"),
        ];
        for (i, o) in table {
            assert_eq!(ident(i), *o, "ident({i:?})");
            assert!(is_valid_identifier(&ident(i)), "{i:?}");
        }
    }

    #[test]
    fn members_and_classes() {
        assert_eq!(member("toString"), "toString_");
        assert_eq!(member("builder"), "builder_");
        assert_eq!(member("length"), "length");
        assert_eq!(resource_member("urn"), "urn_");
        assert_eq!(resource_member("id"), "id_");
        assert_eq!(resource_member("getUrn"), "getUrn_");
        assert_eq!(resource_member("hashCode"), "hashCode_");
        assert_eq!(class_name("randomPassword"), "RandomPassword");
        assert_eq!(class_name("my-type"), "Mytype");
        let long = "A".repeat(300);
        let capped = class_name(&long);
        assert_eq!(capped.len(), MAX_CLASS_STEM);
        assert_eq!(capped, class_name(&long), "stable");
        assert_ne!(capped, class_name(&"A".repeat(301)), "distinct names stay distinct");
        assert_eq!(function_name("getCertificate"), "getCertificate");
        assert_eq!(function_name("GetFoo"), "getFoo");
        assert_eq!(functions_class("random", "index"), "RandomFunctions");
        assert_eq!(functions_class("x", "apps/v1"), "Apps_v1Functions");
        assert_eq!(functions_class("azure-native", ""), "AzurenativeFunctions");
    }

    #[test]
    fn enum_members() {
        let table: &[(&str, &str)] = &[
            ("red", "Red"),
            ("Microsoft.Batch", "Microsoft_Batch"),
            ("8.3", "_8_3"),
            ("*", "Asterisk"),
            ("0", "Zero"),
            (
                "SystemAssigned, UserAssigned",
                "SystemAssigned_UserAssigned",
            ),
            (
                "Microsoft-Windows-Shell-Startup",
                "MicrosoftWindowsShellStartup",
            ),
            ("+", "__"),
            ("", "__"),
            ("snake_case__x", "Snake_case_x"),
        ];
        for (i, o) in table {
            assert_eq!(enum_member(i), *o, "enum_member({i:?})");
        }
    }
}
