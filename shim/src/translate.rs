//! Translation between Pulumi property values and Terraform (cty) values, driven by the
//! provider's own schema (types, nesting, sensitivity) and mapping.json (names,
//! max-items-one flattening, extra secrets). Also Terraform's "proposed new state" rule
//! and the comparison that turns a plan into a Pulumi diff.

use crate::cty::{Type, Value};
use crate::mapping::{default_name, Field, Fields};
use crate::pvalue::{PMap, PValue};
use crate::tfschema::{Block, Nesting};
use std::collections::BTreeMap;

/// The Pulumi name of Terraform field `tf`.
pub fn pulumi_name(fields: &Fields, tf: &str) -> String {
    fields.get(tf).map_or_else(|| default_name(tf), |f| f.name.clone())
}

fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::Number((n as i64).into())
    } else {
        serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// Pulumi properties → the cty object of `block`. Unknown Pulumi properties are ignored
/// (the engine adds bookkeeping keys); absent ones are null (list/set/map blocks: empty,
/// as Terraform decodes an absent block).
pub fn block_to_tf(props: &PMap, block: &Block, fields: &Fields) -> Value {
    let mut out = BTreeMap::new();
    for (tf, a) in &block.attributes {
        let field = fields.get(tf);
        let v = props.get(&pulumi_name(fields, tf)).unwrap_or(&PValue::Null);
        out.insert(tf.clone(), value_to_tf(v, &a.implied_type(), field));
    }
    for (tf, nb) in &block.block_types {
        let field = fields.get(tf);
        let sub = field.map(|f| &f.fields).cloned().unwrap_or_default();
        let v = props.get(&pulumi_name(fields, tf)).unwrap_or(&PValue::Null).unsecret();
        let one = |v: &PValue| match v.unsecret() {
            PValue::Object(m) => block_to_tf(m, &nb.block, &sub),
            PValue::Unknown => Value::Unknown,
            _ => Value::Null,
        };
        let tv = match (nb.nesting, v) {
            (_, PValue::Unknown) => Value::Unknown,
            (Nesting::Single | Nesting::Group, v) => one(v),
            (Nesting::List | Nesting::Set, PValue::Array(items)) => {
                Value::List(items.iter().map(one).filter(|x| *x != Value::Null).collect())
            }
            (Nesting::List | Nesting::Set, PValue::Object(_)) => Value::List(vec![one(v)]),
            (Nesting::List | Nesting::Set, _) => Value::List(vec![]),
            (Nesting::Map, PValue::Object(m)) => {
                Value::Map(m.iter().map(|(k, x)| (k.clone(), one(x))).collect())
            }
            (Nesting::Map, _) => Value::Map(BTreeMap::new()),
        };
        out.insert(tf.clone(), tv);
    }
    Value::Map(out)
}

/// One Pulumi value → cty, as type `ty`.
pub fn value_to_tf(v: &PValue, ty: &Type, field: Option<&Field>) -> Value {
    let v = v.unsecret();
    let sub = field.map(|f| &f.fields);
    match (v, ty) {
        (PValue::Unknown, _) => Value::Unknown,
        (PValue::Null, _) => Value::Null,
        (v, Type::List(et) | Type::Set(et)) => match v {
            PValue::Array(items) => Value::List(items.iter().map(|x| value_to_tf(x, et, field)).collect()),
            // A max-items-one property holds the single element itself.
            single => Value::List(vec![value_to_tf(single, et, field)]),
        },
        (PValue::Object(m), Type::Object(attrs)) => Value::Map(
            attrs
                .iter()
                .map(|(k, t)| {
                    let f = sub.and_then(|s| s.get(k));
                    let name = sub.map_or_else(|| default_name(k), |s| pulumi_name(s, k));
                    (k.clone(), value_to_tf(m.get(&name).unwrap_or(&PValue::Null), t, f))
                })
                .collect(),
        ),
        (PValue::Object(m), Type::Map(et)) => {
            Value::Map(m.iter().map(|(k, x)| (k.clone(), value_to_tf(x, et, field))).collect())
        }
        (PValue::Array(items), Type::Tuple(ts)) => Value::List(
            items.iter().zip(ts).map(|(x, t)| value_to_tf(x, t, None)).collect(),
        ),
        (v, _) => plain_to_tf(v),
    }
}

/// A Pulumi value → cty by its own shape (`dynamic` attributes; mismatches are left for
/// the codec or the provider to report).
fn plain_to_tf(v: &PValue) -> Value {
    match v.unsecret() {
        PValue::Null => Value::Null,
        PValue::Unknown => Value::Unknown,
        PValue::Bool(b) => Value::Bool(*b),
        PValue::Number(n) => number(*n),
        PValue::String(s) => Value::String(s.clone()),
        PValue::Array(a) => Value::List(a.iter().map(plain_to_tf).collect()),
        PValue::Object(m) => Value::Map(m.iter().map(|(k, x)| (k.clone(), plain_to_tf(x))).collect()),
        PValue::Secret(_) => unreachable!("unsecret"),
    }
}

/// The cty object of `block` → Pulumi properties. Nulls are left out; sensitive
/// attributes and mapping secrets become secrets.
pub fn block_from_tf(v: &Value, block: &Block, fields: &Fields) -> PMap {
    let mut out = PMap::new();
    for (tf, a) in &block.attributes {
        let field = fields.get(tf);
        let mut pv = value_from_tf(v.get(tf), &a.implied_type(), field);
        if pv == PValue::Null {
            continue;
        }
        if a.sensitive || a.write_only || field.is_some_and(|f| f.secret) {
            pv = pv.into_secret();
        }
        out.insert(pulumi_name(fields, tf), pv);
    }
    for (tf, nb) in &block.block_types {
        let field = fields.get(tf);
        let sub = field.map(|f| &f.fields).cloned().unwrap_or_default();
        let one = |x: &Value| match x {
            Value::Unknown => PValue::Unknown,
            Value::Null => PValue::Null,
            x => PValue::Object(block_from_tf(x, &nb.block, &sub)),
        };
        let pv = match (nb.nesting, v.get(tf)) {
            (_, Value::Unknown) => PValue::Unknown,
            (_, Value::Null) => continue,
            (Nesting::Single | Nesting::Group, x) => one(x),
            (Nesting::List | Nesting::Set, Value::List(items)) => {
                if field.is_some_and(|f| f.max_items_one) {
                    match items.first() {
                        Some(x) => one(x),
                        None => continue,
                    }
                } else {
                    PValue::Array(items.iter().map(one).collect())
                }
            }
            (Nesting::Map, Value::Map(m)) => {
                PValue::Object(m.iter().map(|(k, x)| (k.clone(), one(x))).collect())
            }
            _ => continue,
        };
        out.insert(pulumi_name(fields, tf), pv);
    }
    out
}

/// One cty value of type `ty` → Pulumi.
pub fn value_from_tf(v: &Value, ty: &Type, field: Option<&Field>) -> PValue {
    let sub = field.map(|f| &f.fields);
    match (v, ty) {
        (Value::Unknown, _) => PValue::Unknown,
        (Value::Null, _) => PValue::Null,
        (Value::List(items), Type::List(et) | Type::Set(et)) => {
            if field.is_some_and(|f| f.max_items_one) {
                items.first().map_or(PValue::Null, |x| value_from_tf(x, et, field))
            } else {
                PValue::Array(items.iter().map(|x| value_from_tf(x, et, field)).collect())
            }
        }
        (Value::Map(m), Type::Object(attrs)) => PValue::Object(
            attrs
                .iter()
                .filter_map(|(k, t)| {
                    let pv = value_from_tf(m.get(k).unwrap_or(&Value::Null), t, sub.and_then(|s| s.get(k)));
                    let name = sub.map_or_else(|| default_name(k), |s| pulumi_name(s, k));
                    (pv != PValue::Null).then_some((name, pv))
                })
                .collect(),
        ),
        (Value::Map(m), Type::Map(et)) => {
            PValue::Object(m.iter().map(|(k, x)| (k.clone(), value_from_tf(x, et, field))).collect())
        }
        (Value::List(items), Type::Tuple(ts)) => {
            PValue::Array(items.iter().zip(ts).map(|(x, t)| value_from_tf(x, t, None)).collect())
        }
        (v, _) => plain_from_tf(v),
    }
}

fn plain_from_tf(v: &Value) -> PValue {
    match v {
        Value::Unknown => PValue::Unknown,
        Value::Null => PValue::Null,
        Value::Bool(b) => PValue::Bool(*b),
        Value::Number(n) => PValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => PValue::String(s.clone()),
        Value::List(a) => PValue::Array(a.iter().map(plain_from_tf).collect()),
        Value::Map(m) => PValue::Object(m.iter().map(|(k, x)| (k.clone(), plain_from_tf(x))).collect()),
    }
}

/// Terraform's proposed new state: the configuration, with computed attributes that the
/// configuration leaves null keeping their prior value (objchange.ProposedNew, simplified:
/// list blocks pair up by index, set and map blocks take the configuration as is).
pub fn proposed_new(block: &Block, prior: &Value, config: &Value) -> Value {
    if matches!(config, Value::Null | Value::Unknown) {
        return config.clone();
    }
    let mut out = BTreeMap::new();
    for (tf, a) in &block.attributes {
        let c = config.get(tf);
        let v = if a.computed && *c == Value::Null { prior.get(tf).clone() } else { c.clone() };
        out.insert(tf.clone(), v);
    }
    for (tf, nb) in &block.block_types {
        let c = config.get(tf);
        let p = prior.get(tf);
        let v = match (nb.nesting, c) {
            (Nesting::Single | Nesting::Group, c) => proposed_new(&nb.block, p, c),
            (Nesting::List, Value::List(items)) => Value::List(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let pi = match p {
                            Value::List(ps) => ps.get(i).unwrap_or(&Value::Null),
                            _ => &Value::Null,
                        };
                        proposed_new(&nb.block, pi, x)
                    })
                    .collect(),
            ),
            (_, c) => c.clone(),
        };
        out.insert(tf.clone(), v);
    }
    Value::Map(out)
}

/// The top-level Terraform attributes whose planned value differs from the prior one.
pub fn changed_attributes(block: &Block, prior: &Value, planned: &Value) -> Vec<String> {
    block
        .attributes
        .keys()
        .chain(block.block_types.keys())
        .filter(|k| prior.get(k) != planned.get(k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tfschema::{Attribute, NestedBlock};

    fn attr(ty: Type, computed: bool, sensitive: bool) -> Attribute {
        Attribute {
            ty: Some(ty),
            nested: None,
            description: String::new(),
            markdown: false,
            required: false,
            optional: true,
            computed,
            sensitive,
            deprecated: false,
            write_only: false,
        }
    }

    fn block() -> Block {
        let mut inner = Block::default();
        inner.attributes.insert("key_name".into(), attr(Type::String, false, false));
        let mut b = Block::default();
        b.attributes.insert("min_upper".into(), attr(Type::Number, false, false));
        b.attributes.insert("result".into(), attr(Type::String, true, true));
        b.block_types.insert(
            "setting".into(),
            NestedBlock { block: inner, nesting: Nesting::List, min_items: 0, max_items: 1 },
        );
        b
    }

    fn fields() -> Fields {
        let mut f = Fields::new();
        f.insert("setting".into(), Field { name: "setting".into(), max_items_one: true, ..Field::default() });
        f
    }

    #[test]
    fn names_flattening_secrets_and_unknowns_round_trip() {
        let mut setting = PMap::new();
        setting.insert("keyName".into(), PValue::String("k".into()));
        let mut props = PMap::new();
        props.insert("minUpper".into(), PValue::Secret(Box::new(PValue::Number(2.0))));
        props.insert("setting".into(), PValue::Object(setting.clone()));
        props.insert("result".into(), PValue::Unknown);
        let tf = block_to_tf(&props, &block(), &fields());
        assert_eq!(tf.get("min_upper"), &Value::Number(2.into()));
        assert_eq!(tf.get("result"), &Value::Unknown);
        let Value::List(items) = tf.get("setting") else { panic!("{tf:?}") };
        assert_eq!(items[0].get("key_name"), &Value::String("k".into()));

        let back = block_from_tf(&tf, &block(), &fields());
        assert_eq!(back["setting"], PValue::Object(setting));
        // Sensitive and unknown: a secret whose value is not known yet.
        assert_eq!(back["result"], PValue::Secret(Box::new(PValue::Unknown)));
        assert_eq!(back["minUpper"], PValue::Number(2.0));
    }

    #[test]
    fn proposed_new_keeps_prior_computed_values() {
        let b = block();
        let mut prior = BTreeMap::new();
        prior.insert("result".to_string(), Value::String("old".into()));
        prior.insert("min_upper".to_string(), Value::Number(1.into()));
        let mut config = BTreeMap::new();
        config.insert("min_upper".to_string(), Value::Number(3.into()));
        let p = proposed_new(&b, &Value::Map(prior.clone()), &Value::Map(config));
        assert_eq!(p.get("result"), &Value::String("old".into()));
        assert_eq!(changed_attributes(&b, &Value::Map(prior), &p), ["min_upper"]);
    }
}
