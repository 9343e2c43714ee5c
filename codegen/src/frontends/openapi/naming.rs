//! Names: the package name from `info.title`, type names from schema names (Kubernetes'
//! dotted `io.k8s.api.core.v1.Pod` → module `core/v1`, name `Pod`), resource names from
//! path segments (singularized), function names from operation ids, and modules from
//! tags, path segments or group/version/kind.

use crate::ir::names::{camel, pascal, split_words};

/// `PowerDNS Authoritative HTTP API` → `powerdns`; `ComputeManagementClient` → `compute`.
pub fn package_name(title: &str) -> String {
    let first = title.split_whitespace().next().unwrap_or("");
    let mut s = first.to_string();
    for suffix in ["ManagementClient", "Client", "API", "Api"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
    let s: String = s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect::<String>().to_ascii_lowercase();
    let s = s.trim_start_matches(|c: char| !c.is_ascii_alphabetic()).to_string();
    if s.is_empty() {
        "api".into()
    } else {
        s
    }
}

/// PascalCase of any name; names already PascalCase and alphanumeric are kept as they are
/// (`TSIGKey` stays, `droplet_snapshot` → `DropletSnapshot`).
pub fn type_name(name: &str) -> String {
    let ok = name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        return name.to_string();
    }
    let p = pascal(&split_words(name));
    if p.is_empty() {
        "Type".into()
    } else if p.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("T{p}")
    } else {
        p
    }
}

/// `v1`, `v2beta1`, `v1alpha3`: a version path segment or name part.
pub fn is_version(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('v') else { return false };
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if digits.len() == rest.len() {
        return false;
    }
    digits.is_empty() || ["alpha", "beta"].iter().any(|p| digits.strip_prefix(p).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
}

/// A dotted schema name with a version part (`io.k8s.api.core.v1.Pod`) → (`core/v1`, `Pod`).
pub fn dotted_type(name: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() < 3 {
        return None;
    }
    let n = parts.len();
    if is_version(parts[n - 2]) {
        Some((format!("{}/{}", parts[n - 3], parts[n - 2]), type_name(parts[n - 1])))
    } else {
        None
    }
}

/// Kubernetes API group → module prefix: `""` → `core`, `rbac.authorization.k8s.io` → `rbac`.
pub fn k8s_group(group: &str) -> String {
    if group.is_empty() {
        "core".into()
    } else {
        group.split('.').next().unwrap_or(group).to_string()
    }
}

/// English singular of a lower-case word (good enough for REST collection names).
pub fn singular(word: &str) -> String {
    let w = word;
    let keep = [
        "status", "metadata", "data", "news", "series", "species", "access", "address", "alias", "canvas", "dns", "analysis", "basis", "saas", "nfs", "paas",
        "iaas",
    ];
    if keep.contains(&w) || w.len() < 3 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suf in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix('s') {
        return stem.to_string();
    }
    w.to_string()
}

/// PascalCase resource name from a collection segment: `cryptokeys` → `Cryptokey`,
/// `virtualMachines` → `VirtualMachine`, `domain_records` → `DomainRecord`.
pub fn resource_name(segment: &str) -> String {
    let mut words = split_words(&plural_acronyms(segment));
    if let Some(last) = words.last_mut() {
        *last = singular(last);
    }
    let p = pascal(&words);
    if p.is_empty() || p.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("R{p}")
    } else {
        p
    }
}

/// `VPCs` → `VPCS`, `FloatingIPs` → `FloatingIPS`: a plural acronym is one word, not
/// `VP` + `Cs`.
fn plural_acronyms(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let acronym_before = i >= 2 && chars[i - 1].is_ascii_uppercase() && chars[i - 2].is_ascii_uppercase();
        let word_ends = chars.get(i + 1).is_none_or(|n| !n.is_ascii_lowercase());
        if c == 's' && acronym_before && word_ends {
            out.push('S');
        } else {
            out.push(c);
        }
    }
    out
}

/// camelCase function name from an operation id, or from method and path without one.
pub fn function_name(operation_id: Option<&str>, method: &str, path: &str) -> String {
    let words = match operation_id {
        Some(id) if id.chars().any(|c| c.is_alphanumeric()) => split_words(id),
        _ => {
            let mut w = vec![method.to_ascii_lowercase()];
            for seg in path.split('/') {
                w.extend(split_words(seg.trim_start_matches('{').trim_end_matches('}')));
            }
            w
        }
    };
    let c = camel(&words);
    if c.is_empty() || c.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("op{}", pascal(&words))
    } else {
        c
    }
}

/// camelCase module name from a tag or path segment (`Block Storage` → `blockStorage`).
pub fn module_name(s: &str) -> String {
    let c = camel(&split_words(&plural_acronyms(s)));
    // SDKs already have a `config` module (provider settings) and `types`/`utilities`
    // files beside the modules: an API tag must not take those names.
    match c.as_str() {
        "" => "index".into(),
        "config" => "configuration".into(),
        "types" | "utilities" | "provider" => format!("{c}Api"),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names() {
        assert_eq!(package_name("PowerDNS Authoritative HTTP API"), "powerdns");
        assert_eq!(package_name("ComputeManagementClient"), "compute");
        assert_eq!(package_name("DigitalOcean API"), "digitalocean");
        assert_eq!(package_name("GitHub v3 REST API"), "github");
        assert_eq!(package_name(""), "api");
        assert_eq!(package_name("3scale"), "scale");
    }

    #[test]
    fn singulars() {
        for (p, s) in [
            ("zones", "zone"),
            ("policies", "policy"),
            ("addresses", "address"),
            ("boxes", "box"),
            ("metadata", "metadata"),
            ("status", "status"),
            ("vpcs", "vpc"),
            ("databases", "database"),
            ("ips", "ip"),
            ("saas", "saas"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
        assert_eq!(resource_name("virtualMachines"), "VirtualMachine");
        assert_eq!(resource_name("tsigkeys"), "Tsigkey");
        assert_eq!(resource_name("VPCs"), "Vpc");
        assert_eq!(resource_name("floating_ips"), "FloatingIp");
        assert_eq!(module_name("VPCs"), "vpcs");
        assert_eq!(module_name("Block Storage"), "blockStorage");
        assert_eq!(module_name("config"), "configuration");
    }

    #[test]
    fn types_and_versions() {
        assert_eq!(dotted_type("io.k8s.api.core.v1.Pod"), Some(("core/v1".into(), "Pod".into())));
        assert_eq!(dotted_type("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), Some(("meta/v1".into(), "ObjectMeta".into())));
        assert_eq!(dotted_type("a.b"), None);
        assert!(is_version("v1") && is_version("v2beta1") && is_version("v1alpha3"));
        assert!(!is_version("v") && !is_version("volumes") && !is_version("v1x"));
        assert_eq!(type_name("TSIGKey"), "TSIGKey");
        assert_eq!(type_name("droplet_snapshot"), "DropletSnapshot");
        assert_eq!(type_name("app_component_health copy"), "AppComponentHealthCopy");
        assert_eq!(function_name(Some("droplets_list"), "GET", "/x"), "dropletsList");
        assert_eq!(function_name(None, "GET", "/zones/{zone_id}"), "getZonesZoneId");
        assert_eq!(k8s_group("rbac.authorization.k8s.io"), "rbac");
    }
}
