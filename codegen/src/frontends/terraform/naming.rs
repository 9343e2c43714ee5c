//! Terraform → Pulumi naming, compatible with the Pulumi Terraform bridge (tfbridge):
//! property casing, pluralization, the type-name prefix, module strategies and tokens.
//!
//! The rules were learned from the bridge's behaviour (its `TerraformToPulumiNameV2`,
//! `MakeStandardToken`, `TokensSingleModule`/`KnownModules`/`InferredModules`, and the
//! inflector it pluralizes with); they are pinned by the tables at the bottom. Where we
//! deviate on purpose it says so.

use crate::overrides::{ModuleOverrides, ModuleStrategy};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The module everything lands in when no other module applies.
pub const INDEX: &str = "index";

/// Pulumi property name of a TF attribute: underscores removed and the following lower-case
/// ASCII letter capitalized (`lifecycle_rule` → `lifecycleRule`, `foo__bar` → `fooBar`).
/// Leading underscores are kept, and so is one trailing underscore, as the bridge does.
pub fn tf_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut next_cap = false;
    let mut started = false;
    let mut last_underscore = false;
    for c in name.chars() {
        if c == '_' && started {
            next_cap = true;
            last_underscore = true;
            continue;
        }
        last_underscore = false;
        if c != '_' {
            started = true;
        }
        if next_cap && c.is_ascii_lowercase() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
        next_cap = false;
    }
    if last_underscore {
        out.push('_');
    }
    out
}

/// Sort key that puts conventional snake_case names (`foo_bar`) before unusual spellings
/// (`foo__bar`, `fooBar`, `_foo`) that map to the same Pulumi name, so on a collision the
/// conventional name keeps the clean Pulumi name and the odd one gets numbered.
pub fn conventional_first(tf: &str) -> (bool, &str) {
    let odd = tf.contains("__")
        || tf.starts_with('_')
        || tf.ends_with('_')
        || tf.chars().any(|c| c.is_ascii_uppercase());
    (odd, tf)
}

/// `fooBar` → `FooBar`.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `FooBar` → `fooBar` (only the first character, as the bridge's standard token does:
/// `S3Bucket` → `s3Bucket`).
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// PascalCase member name from a snake_case TF name remainder (`bucket_object` →
/// `BucketObject`). Leading underscores are dropped: they cannot start a class name.
pub fn upper_camel(s: &str) -> String {
    upper_first(tf_camel(s).trim_start_matches('_'))
}

struct Inflection {
    irregular: &'static [(&'static str, &'static str)],
    uninflected: Regex,
    rules: Vec<(Regex, &'static str)>,
}

/// Words the inflector never changes (whole-name, case-insensitive).
const UNINFLECTED: &[&str] = &[
    "amoyese",
    "bison",
    "borghese",
    "bream",
    "breeches",
    "britches",
    "buffalo",
    "cantus",
    "carp",
    "chassis",
    "clippers",
    "cod",
    "coitus",
    "congoese",
    "contretemps",
    "corps",
    "debris",
    "diabetes",
    "djinn",
    "eland",
    "elk",
    "equipment",
    "faroese",
    "flounder",
    "foochowese",
    "gallows",
    "genevese",
    "genoese",
    "gilbertese",
    "graffiti",
    "headquarters",
    "herpes",
    "hijinks",
    "hottentotese",
    "information",
    "innings",
    "jackanapes",
    "kiplingese",
    "kongoese",
    "lucchese",
    "mackerel",
    "maltese",
    ".*?media",
    "mews",
    "moose",
    "mumps",
    "nankingese",
    "news",
    "nexus",
    "niasese",
    "pekingese",
    "piedmontese",
    "pincers",
    "pistoiese",
    "pliers",
    "portuguese",
    "proceedings",
    "rabies",
    "rice",
    "rhinoceros",
    "salmon",
    "sarawakese",
    "scissors",
    "sea[- ]bass",
    "series",
    "shavese",
    "shears",
    "siemens",
    "species",
    "swine",
    "testes",
    "trousers",
    "trout",
    "tuna",
    "vermontese",
    "wenchowese",
    "whiting",
    "wildebeest",
    "yengeese",
    ".*[nrlm]ese",
    ".*deer",
    ".*fish",
    ".*measles",
    ".*ois",
    ".*pox",
    ".*sheep",
];

const PLURAL_IRREGULAR: &[(&str, &str)] = &[
    ("atlas", "atlases"),
    ("beef", "beefs"),
    ("brother", "brothers"),
    ("cafe", "cafes"),
    ("child", "children"),
    ("cookie", "cookies"),
    ("corpus", "corpuses"),
    ("cow", "cows"),
    ("ganglion", "ganglions"),
    ("genie", "genies"),
    ("genus", "genera"),
    ("graffito", "graffiti"),
    ("hoof", "hoofs"),
    ("loaf", "loaves"),
    ("man", "men"),
    ("money", "monies"),
    ("mongoose", "mongooses"),
    ("move", "moves"),
    ("mythos", "mythoi"),
    ("niche", "niches"),
    ("numen", "numina"),
    ("occiput", "occiputs"),
    ("octopus", "octopuses"),
    ("opus", "opuses"),
    ("ox", "oxen"),
    ("penis", "penises"),
    ("person", "people"),
    ("sex", "sexes"),
    ("soliloquy", "soliloquies"),
    ("testis", "testes"),
    ("trilby", "trilbys"),
    ("turf", "turfs"),
    ("potato", "potatoes"),
    ("hero", "heroes"),
    ("tooth", "teeth"),
    ("goose", "geese"),
    ("foot", "feet"),
];

const SINGULAR_IRREGULAR: &[(&str, &str)] = &[
    ("foes", "foe"),
    ("waves", "wave"),
    ("curves", "curve"),
    ("atlases", "atlas"),
    ("beefs", "beef"),
    ("brothers", "brother"),
    ("cafes", "cafe"),
    ("children", "child"),
    ("cookies", "cookie"),
    ("corpuses", "corpus"),
    ("cows", "cow"),
    ("ganglions", "ganglion"),
    ("genies", "genie"),
    ("genera", "genus"),
    ("graffiti", "graffito"),
    ("hoofs", "hoof"),
    ("loaves", "loaf"),
    ("men", "man"),
    ("monies", "money"),
    ("mongooses", "mongoose"),
    ("moves", "move"),
    ("mythoi", "mythos"),
    ("niches", "niche"),
    ("numina", "numen"),
    ("occiputs", "occiput"),
    ("octopuses", "octopus"),
    ("opuses", "opus"),
    ("oxen", "ox"),
    ("penises", "penis"),
    ("people", "person"),
    ("sexes", "sex"),
    ("soliloquies", "soliloquy"),
    ("testes", "testis"),
    ("trilbys", "trilby"),
    ("turfs", "turf"),
    ("potatoes", "potato"),
    ("heroes", "hero"),
    ("teeth", "tooth"),
    ("geese", "goose"),
    ("feet", "foot"),
];

fn compile(rules: &[(&str, &'static str)]) -> Vec<(Regex, &'static str)> {
    rules
        .iter()
        .map(|(p, r)| (Regex::new(p).expect("static inflection pattern"), *r))
        .collect()
}

fn uninflected(extra: &str) -> Regex {
    Regex::new(&format!("(?i)^(?:{}|{extra})$", UNINFLECTED.join("|")))
        .expect("static uninflected pattern")
}

fn plural_rules() -> &'static Inflection {
    static P: OnceLock<Inflection> = OnceLock::new();
    P.get_or_init(|| Inflection {
        irregular: PLURAL_IRREGULAR,
        uninflected: uninflected("people"),
        rules: compile(&[
            ("(?i)(s)tatus$", "${1}tatuses"),
            ("(?i)(quiz)$", "${1}zes"),
            ("(?i)^(ox)$", "${1}en"),
            ("(?i)([m|l])ouse$", "${1}ice"),
            ("(?i)(matr|vert|ind)(ix|ex)$", "${1}ices"),
            ("(?i)(x|ch|ss|sh)$", "${1}es"),
            ("(?i)([^aeiouy]|qu)y$", "${1}ies"),
            ("(?i)(hive)$", "${1}s"),
            ("(?i)(?:([^f])fe|([lre])f)$", "${1}${2}ves"),
            ("(?i)sis$", "ses"),
            ("(?i)([ti])um$", "${1}a"),
            ("(?i)(p)erson$", "${1}eople"),
            ("(?i)(m)an$", "${1}en"),
            ("(?i)(c)hild$", "${1}hildren"),
            ("(?i)(buffal|tomat)o$", "${1}oes"),
            (
                "(?i)(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin|vir)us$",
                "${1}i",
            ),
            ("(?i)us$", "uses"),
            ("(?i)(alias)$", "${1}es"),
            ("(?i)(ax|cris|test)is$", "${1}es"),
            ("s$", "s"),
            ("^$", ""),
            ("$", "s"),
        ]),
    })
}

fn singular_rules() -> &'static Inflection {
    static S: OnceLock<Inflection> = OnceLock::new();
    S.get_or_init(|| Inflection {
        irregular: SINGULAR_IRREGULAR,
        uninflected: uninflected(".*ss"),
        rules: compile(&[
            ("(?i)(s)tatuses$", "${1}tatus"),
            ("(?i)^(.*)(menu)s$", "${1}${2}"),
            ("(?i)(quiz)zes$", "${1}"),
            ("(?i)(matr)ices$", "${1}ix"),
            ("(?i)(vert|ind)ices$", "${1}ex"),
            ("(?i)^(ox)en", "${1}"),
            ("(?i)(alias)(es)*$", "${1}"),
            (
                "(?i)(alumn|bacill|cact|foc|fung|nucle|radi|stimul|syllab|termin|viri?)i$",
                "${1}us",
            ),
            ("(?i)([ftw]ax)es", "${1}"),
            ("(?i)(cris|ax|test)es$", "${1}is"),
            ("(?i)(shoe|slave)s$", "${1}"),
            ("(?i)(o)es$", "${1}"),
            ("ouses$", "ouse"),
            ("([^a])uses$", "${1}us"),
            ("(?i)([m|l])ice$", "${1}ouse"),
            ("(?i)(x|ch|ss|sh)es$", "${1}"),
            ("(?i)(m)ovies$", "${1}ovie"),
            ("(?i)(s)eries$", "${1}eries"),
            ("(?i)([^aeiouy]|qu)ies$", "${1}y"),
            ("(?i)(tive)s$", "${1}"),
            ("(?i)([lre])ves$", "${1}f"),
            ("(?i)([^fo])ves$", "${1}fe"),
            ("(?i)(hive)s$", "${1}"),
            ("(?i)(drive)s$", "${1}"),
            ("(?i)(^analy)ses$", "${1}sis"),
            (
                "(?i)(analy|diagno|^ba|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$",
                "${1}sis",
            ),
            ("(?i)([ti])a$", "${1}um"),
            ("(?i)(p)eople$", "${1}erson"),
            ("(?i)(m)en$", "${1}an"),
            ("(?i)(c)hildren$", "${1}hild"),
            ("(?i)(n)ews$", "${1}ews"),
            ("eaus$", "eau"),
            ("^(.*us)$", "${1}"),
            ("(?i)s$", ""),
        ]),
    })
}

fn inflect(inf: &Inflection, s: &str) -> String {
    // Irregular words count only as a whole word: `_` is a word character, so in a
    // snake_case name that means the whole name (the bridge's inflector behaves the same).
    let lower = s.to_ascii_lowercase();
    for (word, repl) in inf.irregular {
        if lower.ends_with(word) {
            let start = s.len() - word.len();
            let at_boundary = start == 0
                || s[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !(c.is_alphanumeric() || c == '_'));
            if at_boundary && s.is_char_boundary(start) {
                // The inflector keeps the case of the name's first letter.
                let first: String = s.chars().take(1).collect();
                return format!("{}{}{}", &s[..start], first, &repl[1..]);
            }
        }
    }
    if inf.uninflected.is_match(s) {
        return s.to_string();
    }
    for (re, repl) in &inf.rules {
        if re.is_match(s) {
            return re.replace_all(s, *repl).into_owned();
        }
    }
    s.to_string()
}

/// Plural of a name, as the bridge's inflector makes it (`rule` → `rules`, `policy` →
/// `policies`, `address` → `addresses`, `rules` → `rules`).
pub fn pluralize(s: &str) -> String {
    inflect(plural_rules(), s)
}

/// Singular of a name (`lifecycleRules` → `lifecycleRule`, `data` → `datum`, as the
/// bridge names element types).
pub fn singularize(s: &str) -> String {
    inflect(singular_rules(), s)
}

/// The TF type-name prefix when the overrides do not give one: the package name when at
/// least half of the names start with it, else the most common first `_`-separated word
/// when at least half share it, else none. A few odd names (reported when placed) must
/// not stop the rest from being named well.
pub fn infer_prefix(pkg: &str, names: &[&str]) -> Option<String> {
    let has = |n: &str, p: &str| n == p || n.strip_prefix(p).is_some_and(|r| r.starts_with('_'));
    let half = |count: usize| count * 2 >= names.len();
    if names.is_empty() || half(names.iter().filter(|n| has(n, pkg)).count()) {
        return Some(pkg.to_string());
    }
    let mut firsts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        if let Some(f) = n.split('_').next().filter(|f| !f.is_empty()) {
            *firsts.entry(f).or_insert(0) += 1;
        }
    }
    // Most common first; ties go to the alphabetically first word, for determinism.
    let (word, count) =
        firsts
            .into_iter()
            .fold(None::<(&str, usize)>, |best, (w, c)| match best {
                Some((_, bc)) if bc >= c => best,
                _ => Some((w, c)),
            })?;
    half(count).then(|| word.to_string())
}

/// Removes `prefix_` from a TF type name; `None` when the name does not carry the prefix.
pub fn strip_prefix<'a>(name: &'a str, prefix: Option<&str>) -> Option<&'a str> {
    let p = prefix?;
    if name == p {
        return Some("");
    }
    name.strip_prefix(p)?.strip_prefix('_')
}

/// Where a TF type goes: its Pulumi module and the snake_case remainder its name is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub module: String,
    pub rest: String,
}

/// Modules Pulumi reserves for itself; an inferred module of that name would clash.
const RESERVED_MODULES: &[&str] = &["config", "providers"];

/// Splits TF type names into Pulumi modules with the configured strategy.
#[derive(Debug, Clone)]
pub struct ModulePlanner {
    prefix: Option<String>,
    strategy: ModuleStrategy,
    single_module: String,
    keep_prefix: bool,
    /// `known`: (TF prefix, Pulumi module), longest prefix first.
    known: Vec<(String, String)>,
    default_module: String,
    /// `infer`: first words that form a module.
    inferred: BTreeMap<String, usize>,
    min_size: usize,
}

impl ModulePlanner {
    /// Plans modules for a provider whose resource and data source type names are `names`
    /// (the infer strategy counts them together, as the bridge does).
    pub fn new(ov: &ModuleOverrides, prefix: Option<String>, names: &[&str]) -> Self {
        let mut known: Vec<(String, String)> =
            ov.known.iter().map(|k| (k.clone(), tf_camel(k))).collect();
        known.extend(ov.map.iter().map(|(k, v)| (k.clone(), v.clone())));
        // Longest prefix first; ties broken by name so the order never depends on input.
        known.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        known.dedup_by(|a, b| a.0 == b.0);
        let mut inferred = BTreeMap::new();
        if ov.strategy == ModuleStrategy::Infer {
            for n in names {
                let rest = strip_prefix(n, prefix.as_deref()).unwrap_or(n);
                if let Some(first) = rest.split('_').next().filter(|f| !f.is_empty()) {
                    *inferred.entry(first.to_string()).or_insert(0usize) += 1;
                }
            }
        }
        ModulePlanner {
            prefix,
            strategy: ov.strategy,
            single_module: ov.module.clone().unwrap_or_else(|| INDEX.to_string()),
            keep_prefix: ov.keep_prefix,
            known,
            default_module: ov.default.clone().unwrap_or_else(|| INDEX.to_string()),
            inferred,
            // 0 would make every word a module; treat it as 1.
            min_size: ov.min_size.unwrap_or(5).max(1),
        }
    }

    /// The prefix in use (without `_`).
    pub fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// Places one TF type name. The remainder is never empty: a name the prefix consumes
    /// entirely (`random` in provider `random`) keeps its whole name.
    pub fn place(&self, name: &str) -> Placement {
        let rest = strip_prefix(name, self.prefix.as_deref()).unwrap_or(name);
        let (module, rest) = match self.strategy {
            ModuleStrategy::Single => (
                self.single_module.clone(),
                if self.keep_prefix { name } else { rest },
            ),
            ModuleStrategy::Known => {
                // Whole words only: `s3` matches `s3_bucket` but not `s3control_bucket`
                // (the bridge matches raw string prefixes; we do not, on purpose).
                let hit = self.known.iter().find(|(k, _)| {
                    rest == k
                        || rest
                            .strip_prefix(k.as_str())
                            .is_some_and(|r| r.starts_with('_'))
                });
                match hit {
                    Some((k, m)) => (
                        m.clone(),
                        if rest == k {
                            rest
                        } else {
                            &rest[k.len() + 1..]
                        },
                    ),
                    None => (self.default_module.clone(), rest),
                }
            }
            ModuleStrategy::Infer => {
                let first = rest.split('_').next().unwrap_or("");
                let big = self
                    .inferred
                    .get(first)
                    .is_some_and(|n| *n >= self.min_size);
                if big && !first.is_empty() && !RESERVED_MODULES.contains(&tf_camel(first).as_str())
                {
                    (
                        tf_camel(first),
                        if rest == first {
                            rest
                        } else {
                            &rest[first.len() + 1..]
                        },
                    )
                } else {
                    (INDEX.to_string(), rest)
                }
            }
        };
        let rest = if rest.is_empty() { name } else { rest };
        Placement {
            module,
            rest: rest.to_string(),
        }
    }
}

/// Resource token parts: (`module/camelName`, `Name`) → `pkg:module/camelName:Name`.
pub fn resource_token_parts(module: &str, name: &str) -> (String, String) {
    (format!("{module}/{}", lower_first(name)), name.to_string())
}

/// Data source token parts: (`module/getName`, `getName`) for a PascalCase `name`.
pub fn function_token_parts(module: &str, name: &str) -> (String, String) {
    let get = format!("get{name}");
    (format!("{module}/{get}"), get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tf_camel_table() {
        let table = [
            ("bucket", "bucket"),
            ("lifecycle_rule", "lifecycleRule"),
            ("foo__dot__bar", "fooDotBar"),
            ("_private", "_private"),
            ("__x_y", "__xY"),
            ("trailing_", "trailing_"),
            ("ipv6_cidr_block", "ipv6CidrBlock"),
            ("a_1b", "a1b"),
            ("already_Camel", "alreadyCamel"),
            ("", ""),
            ("_", "_"),
            ("123_abc", "123Abc"),
        ];
        for (i, want) in table {
            assert_eq!(tf_camel(i), want, "tf_camel({i:?})");
        }
    }

    #[test]
    fn upper_camel_table() {
        let table = [
            ("bucket_object", "BucketObject"),
            ("id", "Id"),
            ("uuid4", "Uuid4"),
            ("s3_bucket", "S3Bucket"),
            ("_x", "X"),
            ("", ""),
        ];
        for (i, want) in table {
            assert_eq!(upper_camel(i), want, "upper_camel({i:?})");
        }
    }

    #[test]
    fn pluralize_table() {
        let table = [
            ("rule", "rules"),
            ("lifecycle_rule", "lifecycle_rules"),
            ("policy", "policies"),
            ("address", "addresses"),
            ("ip_address", "ip_addresses"),
            ("rules", "rules"),
            ("status", "statuses"),
            ("index", "indices"),
            ("key", "keys"),
            ("match", "matches"),
            ("child", "children"),
            ("alias", "aliases"),
            ("information", "information"),
            ("social_media", "social_media"),
            ("series", "series"),
            ("analysis", "analyses"),
            ("datum", "data"),
            ("shelf", "shelves"),
            // The inflector only knows `[lre]f` → `ves`: `leaf` keeps a plain `s`.
            ("leaf", "leafs"),
            ("tag", "tags"),
            ("", ""),
        ];
        for (i, want) in table {
            assert_eq!(pluralize(i), want, "pluralize({i:?})");
        }
    }

    #[test]
    fn singularize_table() {
        let table = [
            ("lifecycleRules", "lifecycleRule"),
            ("policies", "policy"),
            ("ipAddresses", "ipAddress"),
            ("rule", "rule"),
            ("data", "datum"),
            ("statuses", "status"),
            ("aliases", "alias"),
            ("access", "access"),
            ("children", "child"),
            ("endpoints", "endpoint"),
            ("indices", "index"),
            ("", ""),
        ];
        for (i, want) in table {
            assert_eq!(singularize(i), want, "singularize({i:?})");
        }
    }

    #[test]
    fn prefix_inference() {
        assert_eq!(
            infer_prefix("aws", &["aws_s3_bucket", "aws_instance"]).as_deref(),
            Some("aws")
        );
        assert_eq!(
            infer_prefix("google-beta", &["google_a", "google_b"]).as_deref(),
            Some("google")
        );
        assert_eq!(
            infer_prefix("example", &["framework_example"]).as_deref(),
            Some("framework")
        );
        assert_eq!(infer_prefix("x", &["a_b", "c_d", "e_f"]), None);
        assert_eq!(
            infer_prefix("col", &["col", "col_a", "other_thing"]).as_deref(),
            Some("col")
        );
        assert_eq!(infer_prefix("x", &[]).as_deref(), Some("x"));
        assert_eq!(strip_prefix("random_id", Some("random")), Some("id"));
        assert_eq!(strip_prefix("random", Some("random")), Some(""));
        assert_eq!(strip_prefix("randomx_id", Some("random")), None);
    }

    fn planner(yaml: &str, prefix: &str, names: &[&str]) -> ModulePlanner {
        let ov: ModuleOverrides = serde_yaml::from_str(yaml).unwrap();
        ModulePlanner::new(&ov, Some(prefix.to_string()), names)
    }

    #[test]
    fn module_strategy_table() {
        let names = [
            "aws_s3_bucket",
            "aws_s3_bucket_object",
            "aws_s3control_bucket",
            "aws_ec2_transit_gateway",
            "aws_instance",
            "aws_s3",
        ];
        let single = planner("strategy: single", "aws", &names);
        let keep = planner("{strategy: single, keep_prefix: true}", "aws", &names);
        let known = planner(
            "{strategy: known, known: [s3, ec2_transit_gateway, ec2], map: {s3control: s3Control}}",
            "aws",
            &names,
        );
        let infer2 = planner("{strategy: infer, min_size: 2}", "aws", &names);
        let infer5 = planner("{}", "aws", &names);
        let p = |m: &str, r: &str| Placement {
            module: m.into(),
            rest: r.into(),
        };
        let table: Vec<(&ModulePlanner, &str, Placement)> = vec![
            (&single, "aws_s3_bucket", p("index", "s3_bucket")),
            (&keep, "aws_s3_bucket", p("index", "aws_s3_bucket")),
            (&known, "aws_s3_bucket_object", p("s3", "bucket_object")),
            (&known, "aws_s3control_bucket", p("s3Control", "bucket")),
            (
                &known,
                "aws_ec2_transit_gateway",
                p("ec2TransitGateway", "ec2_transit_gateway"),
            ),
            (&known, "aws_instance", p("index", "instance")),
            (&known, "aws_s3", p("s3", "s3")),
            (&infer2, "aws_s3_bucket", p("s3", "bucket")),
            (&infer2, "aws_s3", p("s3", "s3")),
            (&infer2, "aws_instance", p("index", "instance")),
            (&infer5, "aws_s3_bucket", p("index", "s3_bucket")),
            (&single, "aws", p("index", "aws")),
            (&single, "other_thing", p("index", "other_thing")),
        ];
        for (planner, name, want) in table {
            assert_eq!(planner.place(name), want, "{name}");
        }
    }

    #[test]
    fn reserved_modules_are_not_inferred() {
        let names = ["x_config_a", "x_config_b"];
        let p = planner("{min_size: 2}", "x", &names);
        assert_eq!(p.place("x_config_a").module, "index");
    }

    #[test]
    fn token_naming_table() {
        let table = [
            (
                "s3",
                "bucket_object",
                "s3/bucketObject",
                "BucketObject",
                "s3/getBucketObject",
                "getBucketObject",
            ),
            (
                "index",
                "random_id",
                "index/randomId",
                "RandomId",
                "index/getRandomId",
                "getRandomId",
            ),
            (
                "ec2",
                "s3_thing",
                "ec2/s3Thing",
                "S3Thing",
                "ec2/getS3Thing",
                "getS3Thing",
            ),
        ];
        for (module, rest, rm, rn, fm, fname) in table {
            let name = upper_camel(rest);
            assert_eq!(
                resource_token_parts(module, &name),
                (rm.to_string(), rn.to_string())
            );
            assert_eq!(
                function_token_parts(module, &name),
                (fm.to_string(), fname.to_string())
            );
        }
    }
}
