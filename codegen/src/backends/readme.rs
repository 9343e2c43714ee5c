//! The README every SDK ships, the page its registry shows (npm, PyPI, pkg.go.dev, Maven
//! Central): what the package is, how to install it, a first program, the provider's
//! configuration and where to read more — all from the schema's metadata.
//!
//! What the README says is decided here, once, for every language: the sections, the
//! example resource, the configuration list. A language supplies only what is its own
//! ([`LanguageReadme`]): its name, its install step and the first program spelled with the
//! names its own naming pass chose (so the program names exactly what the SDK declares; the
//! toolchain tests compile it).

use crate::ir::{Package, Primitive, Property, Resource, TypeRef};
use crate::markdown::code;
use heck::{ToLowerCamelCase, ToSnakeCase};

/// A fenced code block.
#[derive(Debug, Clone)]
pub struct Snippet {
    /// The fence's info string (`sh`, `typescript`, `xml`, …).
    pub fence: &'static str,
    pub code: String,
}

/// What one language contributes to the shared README.
#[derive(Debug, Clone)]
pub struct LanguageReadme {
    /// The language as users call it (`TypeScript`, `Python`, `Go`, `Java`).
    pub language: &'static str,
    /// How the package is spelled where users add it (`@pulumi/random`, `pulumi_random`, …).
    pub package_ref: String,
    /// The install step(s).
    pub install: Vec<Snippet>,
    /// A program creating [`example`]'s resource, when there is one.
    pub program: Option<Snippet>,
    /// A README the schema's `language.<lang>` block supplies; used verbatim (the provider
    /// author's hand-written page wins, as with Pulumi's own generators).
    pub verbatim: Option<String>,
}

/// The resource a first program creates, with the inputs it must set.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    pub resource: &'a Resource,
    /// The required inputs, in schema order: every one a plain string with a simple name.
    pub inputs: Vec<&'a Property>,
    /// The program's variable, lower camel case (`myBucketObject`): the `my` prefix keeps it
    /// clear of keywords and of the package's own import name in every language.
    pub var: String,
}

impl Example<'_> {
    /// The variable in snake case (`my_bucket_object`).
    pub fn var_snake(&self) -> String {
        self.var.to_snake_case()
    }
}

/// The value every example input gets.
pub const PLACEHOLDER: &str = "example";

/// Names no example input may have: members the generated classes declare themselves, or
/// parameters of their constructors, in some language.
const AVOID: &[&str] = &["id", "urn", "opts", "args", "resourceName", "name_", "props"];

/// Reserved in one of the four languages, by each language's own naming oracle (an input
/// named like one is renamed there, so it is kept out of the example rather than spelled
/// four ways).
fn is_keyword_anywhere(word: &str) -> bool {
    super::typescript::naming::is_reserved(word)
        || super::python::naming::is_keyword(word)
        || super::go::naming::KEYWORDS.contains(&word)
        || super::java::naming::is_keyword(word)
}

/// A wire name every language spells without renaming: lower camel ASCII, short, not a
/// keyword anywhere, not a member the generated classes claim.
fn is_plain_name(wire: &str) -> bool {
    let mut chars = wire.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && wire.len() <= 40
        && wire.to_lower_camel_case() == wire
        && !is_keyword_anywhere(wire)
        && !is_keyword_anywhere(&wire.to_snake_case())
        && !AVOID.contains(&wire)
}

fn is_plain_string_input(p: &Property) -> bool {
    matches!(p.ty, TypeRef::Primitive { primitive: Primitive::String })
        && p.const_value.is_none()
        && p.language.is_empty()
        && is_plain_name(&p.name.wire)
}

/// The resource the README's first program creates: a custom resource, not deprecated, not
/// renamed per language, whose required inputs are all plain strings — the one with the
/// fewest of them (then the first by token). `None` when no resource qualifies: the README
/// then has no program rather than one that does not compile.
pub fn example(pkg: &Package) -> Option<Example<'_>> {
    pkg.resources
        .iter()
        .filter(|r| !r.is_component && !r.is_provider && r.deprecation.is_none() && r.language.is_empty())
        .filter(|r| r.token.name.chars().all(|c| c.is_ascii_alphanumeric()))
        // The program's own names (Java's `App` class, the runtime's entry points).
        .filter(|r| !["App", "Pulumi", "Context", "Output"].contains(&r.token.name.as_str()))
        .filter_map(|r| {
            let inputs: Vec<&Property> = r.inputs.iter().filter(|p| p.required).collect();
            inputs.iter().all(|p| is_plain_string_input(p)).then_some((r, inputs))
        })
        .min_by(|(a, ai), (b, bi)| ai.len().cmp(&bi.len()).then_with(|| a.token.cmp(&b.token)))
        .map(|(resource, inputs)| Example {
            var: format!("my_{}", resource.token.name).to_lower_camel_case(),
            resource,
            inputs,
        })
}

/// `s` as one shell word: as it is when it is made of safe characters, else single-quoted.
pub fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

fn block(s: &Snippet) -> String {
    crate::markdown::block(s.fence, &s.code)
}

/// The first paragraph of a description on one line (for a list item).
fn summary(docs: &str) -> String {
    docs.trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The README's bytes for one language.
pub fn render(pkg: &Package, lang: &LanguageReadme) -> Vec<u8> {
    if let Some(text) = lang.verbatim.as_deref().filter(|t| !t.trim().is_empty()) {
        let mut s = text.trim_end().to_string();
        s.push('\n');
        return s.into_bytes();
    }
    let mut s = intro(pkg, lang);
    s.push_str(&installing(pkg, lang));
    s.push_str(&first_program(pkg, lang));
    s.push_str(&configuration(pkg));
    s.push_str(&reference(pkg));
    s.into_bytes()
}

/// The title, the package's description and what the SDK is.
fn intro(pkg: &Package, lang: &LanguageReadme) -> String {
    let display = summary(pkg.meta.display_name.as_deref().unwrap_or(&pkg.name));
    let mut s = format!("# {display} — {} SDK\n\n", lang.language);
    match pkg.meta.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => s.push_str(&format!("{d}\n\n")),
        None => s.push_str(&format!("Manage {display} resources with Pulumi.\n\n")),
    }
    s.push_str(&format!(
        "{} lets {} programs run by [Pulumi](https://www.pulumi.com) create, update and delete \
         {display} resources. It is generated from the provider's schema by cloudgen; do not edit it by hand.\n\n",
        code(&lang.package_ref),
        lang.language
    ));
    s
}

/// The language's install steps, then how the resource plugin gets installed.
fn installing(pkg: &Package, lang: &LanguageReadme) -> String {
    let mut s = String::from("## Installing\n\n");
    for snippet in &lang.install {
        s.push_str(&block(snippet));
        s.push('\n');
    }
    let plugin = code(&pkg.name);
    match pkg.version.as_deref() {
        Some(v) => s.push_str(&format!("Programs run with the Pulumi CLI and the {plugin} resource plugin, version {}", code(v))),
        None => s.push_str(&format!("Programs run with the Pulumi CLI and the {plugin} resource plugin")),
    }
    match (pkg.meta.plugin_download_url.as_deref(), pkg.version.as_deref()) {
        (Some(url), _) => s.push_str(&format!(", which the CLI downloads from {} on first use.\n\n", code(url))),
        (None, Some(v)) => s.push_str(&format!(
            ", which the CLI installs on first use (or ahead of time: {}).\n\n",
            code(&format!("pulumi plugin install resource {} {v}", shell_word(&pkg.name)))
        )),
        (None, None) => s.push_str(", which the CLI installs on first use.\n\n"),
    }
    s
}

/// The language's first program, when it has one and the package has an example resource.
fn first_program(pkg: &Package, lang: &LanguageReadme) -> String {
    let (Some(program), Some(ex)) = (&lang.program, example(pkg)) else { return String::new() };
    let mut s = String::from("## A first program\n\n");
    s.push_str(&format!("Creates one {} (`{}`) and exports its id:\n\n", code(&ex.resource.token.name), ex.resource.token));
    s.push_str(&block(program));
    s.push('\n');
    s
}

/// The provider's configuration keys, with required/secret notes and their summaries.
fn configuration(pkg: &Package) -> String {
    if pkg.config.is_empty() {
        return String::new();
    }
    let mut s = String::from("## Configuration\n\n");
    s.push_str(&format!("Set with `pulumi config set {}:<key> <value>` (add `--secret` for secrets):\n\n", pkg.name));
    for p in &pkg.config {
        let mut notes = Vec::new();
        if p.required {
            notes.push("required");
        }
        if p.secret {
            notes.push("secret");
        }
        let notes = if notes.is_empty() { String::new() } else { format!(" ({})", notes.join(", ")) };
        let docs = p.docs.as_deref().map(summary).filter(|d| !d.is_empty());
        s.push_str(&format!(
            "- {}{notes}{}\n",
            code(&format!("{}:{}", pkg.name, p.name.wire)),
            docs.map(|d| format!(": {d}")).unwrap_or_default()
        ));
    }
    s.push('\n');
    s
}

/// How much the package holds, its links and its license.
fn reference(pkg: &Package) -> String {
    let meta = &pkg.meta;
    let links: Vec<String> = [("Homepage", &meta.homepage), ("Repository", &meta.repository)]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| format!("- {k}: <{}>\n", v.replace(['<', '>', '\n'], ""))))
        .collect();
    let resources = pkg.resources.len();
    let functions = pkg.functions.len();
    let mut s = String::from("## Reference\n\n");
    s.push_str(&format!(
        "{resources} resource{} and {functions} function{}, each documented where it is declared.\n",
        if resources == 1 { "" } else { "s" },
        if functions == 1 { "" } else { "s" }
    ));
    if !links.is_empty() {
        s.push('\n');
        s.push_str(&links.concat());
    }
    if let Some(l) = meta.license.as_deref() {
        s.push_str(&format!("\nLicense: {}\n", code(l)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words() {
        assert_eq!(shell_word("@pulumi/random"), "@pulumi/random");
        assert_eq!(shell_word("a b;rm -rf"), "'a b;rm -rf'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }

    #[test]
    fn plain_names() {
        for ok in ["bucket", "key", "zoneId", "name", "storageClass"] {
            assert!(is_plain_name(ok), "{ok}");
        }
        for bad in ["id", "urn", "type", "from", "lambda", "Bucket", "zone_id", "a-b", "", "opts", "default"] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }
}
