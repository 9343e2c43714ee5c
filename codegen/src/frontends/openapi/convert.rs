//! Version conversion: every input becomes the OpenAPI 3.0 shape `openapiv3` reads.
//!
//! - Swagger 2.0: `definitions` → `components.schemas`, `securityDefinitions` →
//!   `components.securitySchemes`, `host`/`basePath`/`schemes` → `servers`, body and
//!   form parameters → `requestBody` (with `consumes`), response `schema` → `content`
//!   (with `produces`), non-body parameter types → `schema`, `x-nullable` → `nullable`,
//!   `type: file` → binary string, and `#/definitions/` references rewritten. Global
//!   `#/parameters/` and `#/responses/` references are inlined first (a body parameter
//!   has no 3.0 equivalent under `components.parameters`).
//! - OpenAPI 3.1: `type` lists with `"null"` → `nullable`, other type lists → `anyOf`,
//!   `const` → a one-value `enum`, numeric `exclusiveMinimum`/`exclusiveMaximum` → 3.0
//!   booleans, `{type: null}` members of `oneOf`/`anyOf` → `nullable`.
//! - Every version: values `openapiv3` would reject outright where a human reader would
//!   shrug (a boolean `required` on a property, tuple `items`) are repaired so one sloppy
//!   corner of a spec does not hide the rest of it.

use serde_json::{json, Map, Value};

/// Converts a bundled Swagger 2.0 document into the OpenAPI 3.0 shape.
pub fn swagger2(doc: Value) -> Value {
    let Value::Object(mut src) = doc else { return doc };
    let globals_params = src.remove("parameters").unwrap_or(Value::Null);
    let globals_responses = src.remove("responses").unwrap_or(Value::Null);
    let consumes = strings(src.get("consumes"));
    let produces = strings(src.get("produces"));

    let mut out = Map::new();
    out.insert("openapi".into(), json!("3.0.3"));
    for k in ["info", "tags", "security", "externalDocs"] {
        if let Some(v) = src.remove(k) {
            out.insert(k.into(), v);
        }
    }
    if !out.contains_key("info") {
        out.insert("info".into(), json!({"title": "", "version": ""}));
    }
    let base_path = src.get("basePath").and_then(Value::as_str).unwrap_or("").trim_end_matches('/').to_string();
    let url = match src.get("host").and_then(Value::as_str) {
        Some(host) => {
            let scheme = strings(src.get("schemes"))
                .into_iter()
                .find(|s| s == "https")
                .or_else(|| strings(src.get("schemes")).into_iter().next())
                .unwrap_or_else(|| "https".into());
            format!("{scheme}://{host}{base_path}")
        }
        None => {
            if base_path.is_empty() {
                "/".to_string()
            } else {
                base_path.clone()
            }
        }
    };
    out.insert("servers".into(), json!([{ "url": url }]));

    let mut components = Map::new();
    if let Some(defs) = src.remove("definitions") {
        components.insert("schemas".into(), defs);
    }
    if let Some(Value::Object(sec)) = src.remove("securityDefinitions") {
        let converted: Map<String, Value> = sec.into_iter().map(|(k, v)| (k, security_scheme(v))).collect();
        components.insert("securitySchemes".into(), Value::Object(converted));
    }
    out.insert("components".into(), Value::Object(components));

    let mut paths = Map::new();
    if let Some(Value::Object(ps)) = src.remove("paths") {
        for (path, item) in ps {
            let Value::Object(item) = item else { continue };
            let shared: Vec<Value> = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
            let mut new_item = Map::new();
            for (k, v) in item {
                match k.as_str() {
                    "get" | "put" | "post" | "delete" | "options" | "head" | "patch" => {
                        new_item.insert(k, operation(v, &shared, &consumes, &produces, &globals_params, &globals_responses));
                    }
                    "parameters" => {}
                    _ if k.starts_with("x-") => {
                        new_item.insert(k, v);
                    }
                    _ => {}
                }
            }
            paths.insert(path, Value::Object(new_item));
        }
    }
    out.insert("paths".into(), Value::Object(paths));
    for (k, v) in src {
        if k.starts_with("x-") {
            out.insert(k, v);
        }
    }
    let mut out = Value::Object(out);
    rewrite_refs(&mut out);
    out
}

/// The media types a converted body or response is listed under: the JSON one only when
/// there is one. Kubernetes lists five per operation (JSON, YAML, protobuf, two watch
/// streams) with the same schema; keeping one copy keeps the converted document small.
fn media_types(declared: &[String]) -> Vec<String> {
    let json = declared.iter().find(|t| t.as_str() == "application/json").or_else(|| declared.iter().find(|t| t.contains("json")));
    match (json, declared.first()) {
        (Some(j), _) => vec![j.clone()],
        (None, Some(first)) => vec![first.clone()],
        (None, None) => vec!["application/json".to_string()],
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
}

fn security_scheme(v: Value) -> Value {
    let Value::Object(mut m) = v else { return v };
    match m.get("type").and_then(Value::as_str) {
        Some("basic") => {
            m.insert("type".into(), json!("http"));
            m.insert("scheme".into(), json!("basic"));
        }
        Some("oauth2") => {
            let flow = m.remove("flow").and_then(|f| f.as_str().map(str::to_string)).unwrap_or_default();
            let scopes = m.remove("scopes").unwrap_or_else(|| json!({}));
            let mut f = Map::new();
            f.insert("scopes".into(), scopes);
            for k in ["authorizationUrl", "tokenUrl"] {
                if let Some(u) = m.remove(k) {
                    f.insert(k.into(), u);
                }
            }
            let name = match flow.as_str() {
                "implicit" => "implicit",
                "password" => "password",
                "application" => "clientCredentials",
                _ => "authorizationCode",
            };
            m.insert("flows".into(), json!({ name: Value::Object(f) }));
        }
        _ => {}
    }
    Value::Object(m)
}

/// Follows a local `#/parameters/x` or `#/responses/x` reference into the globals.
fn deref_global<'v>(v: &'v Value, globals: &'v Value, section: &str) -> &'v Value {
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        if let Some(name) = r.strip_prefix(&format!("#/{section}/")) {
            let name = name.replace("~1", "/").replace("~0", "~");
            if let Some(g) = globals.get(&name) {
                return g;
            }
        }
    }
    v
}

fn operation(op: Value, shared: &[Value], consumes: &[String], produces: &[String], gparams: &Value, gresponses: &Value) -> Value {
    let Value::Object(mut op) = op else { return op };
    let consumes = op.remove("consumes").map(|c| strings(Some(&c))).filter(|c| !c.is_empty()).unwrap_or_else(|| consumes.to_vec());
    let produces = op.remove("produces").map(|c| strings(Some(&c))).filter(|c| !c.is_empty()).unwrap_or_else(|| produces.to_vec());
    // Operation parameters override path-level ones with the same name and location.
    let own: Vec<Value> = op.remove("parameters").and_then(|p| p.as_array().cloned()).unwrap_or_default();
    let own: Vec<Value> = own.iter().map(|p| deref_global(p, gparams, "parameters").clone()).collect();
    let key = |p: &Value| (p.get("name").and_then(Value::as_str).unwrap_or("").to_string(), p.get("in").and_then(Value::as_str).unwrap_or("").to_string());
    let mut params: Vec<Value> =
        shared.iter().map(|p| deref_global(p, gparams, "parameters").clone()).filter(|p| !own.iter().any(|o| key(o) == key(p))).collect();
    params.extend(own);

    let mut new_params = Vec::new();
    let mut body: Option<Value> = None;
    let mut form = Map::new();
    let mut form_required = Vec::new();
    let mut has_file = false;
    for p in params {
        let Value::Object(mut p) = p else { continue };
        match p.get("in").and_then(Value::as_str) {
            Some("body") => {
                let mut rb = Map::new();
                if let Some(d) = p.remove("description") {
                    rb.insert("description".into(), d);
                }
                if p.get("required").and_then(Value::as_bool) == Some(true) {
                    rb.insert("required".into(), json!(true));
                }
                let schema = p.remove("schema").unwrap_or_else(|| json!({}));
                let types = media_types(&consumes);
                let content: Map<String, Value> = types.iter().map(|t| (t.clone(), json!({ "schema": schema.clone() }))).collect();
                rb.insert("content".into(), Value::Object(content));
                if let Some(n) = p.get("name").cloned() {
                    rb.insert("x-body-name".into(), n);
                }
                body = Some(Value::Object(rb));
            }
            Some("formData") => {
                let name = p.get("name").and_then(Value::as_str).unwrap_or("").to_string();
                if p.get("required").and_then(Value::as_bool) == Some(true) {
                    form_required.push(json!(name.clone()));
                }
                if p.get("type").and_then(Value::as_str) == Some("file") {
                    has_file = true;
                }
                form.insert(name, param_schema(&mut p));
            }
            Some(_) => {
                let schema = param_schema(&mut p);
                let mut np = Map::new();
                for k in ["name", "in", "description", "required", "deprecated", "allowEmptyValue"] {
                    if let Some(v) = p.remove(k) {
                        np.insert(k.into(), v);
                    }
                }
                for (k, v) in p.iter() {
                    if k.starts_with("x-") {
                        np.insert(k.clone(), v.clone());
                    }
                }
                if np.get("in").and_then(Value::as_str) == Some("path") {
                    np.insert("required".into(), json!(true));
                }
                np.insert("schema".into(), schema);
                new_params.push(Value::Object(np));
            }
            None => {}
        }
    }
    if body.is_none() && !form.is_empty() {
        let ct = if has_file || consumes.iter().any(|c| c == "multipart/form-data") { "multipart/form-data" } else { "application/x-www-form-urlencoded" };
        let mut schema = json!({"type": "object", "properties": Value::Object(form)});
        if !form_required.is_empty() {
            schema["required"] = Value::Array(form_required);
        }
        body = Some(json!({ "content": { ct: { "schema": schema } } }));
    }
    if !new_params.is_empty() {
        op.insert("parameters".into(), Value::Array(new_params));
    }
    if let Some(b) = body {
        op.insert("requestBody".into(), b);
    }
    let responses = op.remove("responses").unwrap_or_else(|| json!({}));
    let mut new_responses = Map::new();
    if let Value::Object(rs) = responses {
        for (code, r) in rs {
            if code.starts_with("x-") {
                continue;
            }
            let r = deref_global(&r, gresponses, "responses").clone();
            new_responses.insert(code, response(r, &produces));
        }
    }
    if new_responses.is_empty() {
        new_responses.insert("default".into(), json!({"description": ""}));
    }
    op.insert("responses".into(), Value::Object(new_responses));
    Value::Object(op)
}

fn response(r: Value, produces: &[String]) -> Value {
    let Value::Object(mut r) = r else { return json!({"description": ""}) };
    let mut out = Map::new();
    out.insert("description".into(), r.remove("description").unwrap_or_else(|| json!("")));
    if let Some(schema) = r.remove("schema") {
        let types = media_types(produces);
        let content: Map<String, Value> = types.iter().map(|t| (t.clone(), json!({ "schema": schema.clone() }))).collect();
        out.insert("content".into(), Value::Object(content));
    }
    if let Some(Value::Object(hs)) = r.remove("headers") {
        let mut headers = Map::new();
        for (name, mut h) in hs {
            let desc = h.as_object_mut().and_then(|m| m.remove("description"));
            let schema = match &mut h {
                Value::Object(m) => param_schema(m),
                _ => json!({}),
            };
            let mut nh = Map::new();
            if let Some(d) = desc {
                nh.insert("description".into(), d);
            }
            nh.insert("schema".into(), schema);
            headers.insert(name, Value::Object(nh));
        }
        out.insert("headers".into(), Value::Object(headers));
    }
    Value::Object(out)
}

/// The 3.0 `schema` of a 2.0 non-body parameter or header (its type keywords moved).
fn param_schema(p: &mut Map<String, Value>) -> Value {
    if let Some(s) = p.remove("schema") {
        return s;
    }
    let mut s = Map::new();
    for k in [
        "type",
        "format",
        "items",
        "enum",
        "default",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "multipleOf",
        "x-nullable",
    ] {
        if let Some(v) = p.remove(k) {
            s.insert(k.into(), v);
        }
    }
    if s.get("type").and_then(Value::as_str) == Some("file") {
        s.insert("type".into(), json!("string"));
        s.insert("format".into(), json!("binary"));
    }
    Value::Object(s)
}

/// `#/definitions/X` → `#/components/schemas/X`, everywhere.
fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, child) in m.iter_mut() {
                if k == "$ref" {
                    if let Some(r) = child.as_str() {
                        if let Some(rest) = r.strip_prefix("#/definitions/") {
                            *child = Value::String(format!("#/components/schemas/{rest}"));
                        }
                    }
                } else if k == "mapping" {
                    if let Value::Object(mm) = child {
                        for (_, t) in mm.iter_mut() {
                            if let Some(rest) = t.as_str().and_then(|r| r.strip_prefix("#/definitions/")) {
                                *t = Value::String(format!("#/components/schemas/{rest}"));
                            }
                        }
                    }
                } else {
                    rewrite_refs(child);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

/// Normalizes every schema of a 3.x document (3.1 keywords, Swagger leftovers, repairs).
pub fn normalize_schemas(doc: &mut Value) {
    walk_doc(doc, false);
}

/// Walks a document; `schema` is true when `v` is a schema.
fn walk_doc(v: &mut Value, schema: bool) {
    if schema {
        normalize_schema(v);
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, child) in m.iter_mut() {
                match k.as_str() {
                    "schema" => normalize_schema(child),
                    "schemas" => {
                        if let Value::Object(s) = child {
                            s.values_mut().for_each(normalize_schema);
                        }
                    }
                    _ => walk_doc(child, false),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|c| walk_doc(c, false)),
        _ => {}
    }
}

const BOOL_KEYS: [&str; 6] = ["nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems", "x-nullable"];
const NUM_KEYS: [&str; 7] = ["minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems"];

fn normalize_schema(v: &mut Value) {
    let Value::Object(m) = v else {
        // `true`/`false` schemas (3.1): anything / nothing; both read as "anything".
        *v = json!({});
        return;
    };
    if m.contains_key("$ref") {
        // Siblings of a 3.0 reference are ignored by openapiv3; keep only the reference.
        let r = m.get("$ref").cloned().unwrap_or(Value::Null);
        if !r.is_string() {
            m.remove("$ref");
        } else {
            // Docs and flags beside a reference are worth keeping: wrap it in a one-member
            // `allOf`, which the mapper reads as the referenced type itself.
            let kept: Map<String, Value> = m
                .iter()
                .filter(|(k, _)| matches!(k.as_str(), "description" | "readOnly" | "writeOnly" | "nullable" | "deprecated" | "default" | "title"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            m.clear();
            if kept.is_empty() {
                m.insert("$ref".into(), r);
                return;
            }
            m.extend(kept);
            m.insert("allOf".into(), json!([{ "$ref": r }]));
            // fall through: the flags are checked like any schema's
        }
    }
    if m.remove("x-nullable").and_then(|n| n.as_bool()) == Some(true) {
        m.insert("nullable".into(), json!(true));
    }
    if let Some(t) = m.get("type").cloned() {
        match t {
            Value::Array(types) => {
                let has_null = types.iter().any(|t| t == "null");
                let others: Vec<Value> = types.into_iter().filter(|t| t != "null" && t.is_string()).collect();
                m.remove("type");
                if has_null {
                    m.insert("nullable".into(), json!(true));
                }
                match others.len() {
                    0 => {}
                    1 => {
                        m.insert("type".into(), others[0].clone());
                    }
                    _ => {
                        let any: Vec<Value> = others.into_iter().map(|t| json!({ "type": t })).collect();
                        m.insert("anyOf".into(), Value::Array(any));
                    }
                }
            }
            Value::String(s) if s == "null" => {
                m.remove("type");
                m.insert("nullable".into(), json!(true));
            }
            Value::String(s) if s == "file" => {
                m.insert("type".into(), json!("string"));
                m.insert("format".into(), json!("binary"));
            }
            Value::String(_) => {}
            _ => {
                m.remove("type");
            }
        }
    }
    if let Some(c) = m.remove("const") {
        m.insert("enum".into(), json!([c]));
    }
    for k in ["exclusiveMinimum", "exclusiveMaximum"] {
        if let Some(x) = m.get(k).cloned() {
            if x.is_number() {
                let bound = if k == "exclusiveMinimum" { "minimum" } else { "maximum" };
                m.insert(bound.into(), x);
                m.insert(k.into(), json!(true));
            } else if !x.is_boolean() {
                m.remove(k);
            }
        }
    }
    for k in BOOL_KEYS {
        if m.get(k).is_some_and(|x| !x.is_boolean()) {
            m.remove(k);
        }
    }
    for k in NUM_KEYS {
        if m.get(k).is_some_and(|x| !x.is_number()) {
            m.remove(k);
        }
    }
    // openapiv3 reads these as unsigned integers.
    for k in ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] {
        if m.get(k).is_some_and(|x| !x.is_u64()) {
            m.remove(k);
        }
    }
    for k in ["minimum", "maximum", "multipleOf"] {
        if m.get(k).is_some_and(|x| x.as_f64().is_some_and(|f| !f.is_finite())) {
            m.remove(k);
        }
    }
    for k in ["pattern", "format", "title", "description"] {
        if m.get(k).is_some_and(|x| !x.is_string()) {
            m.remove(k);
        }
    }
    match m.get("required") {
        Some(Value::Array(a)) if a.iter().all(Value::is_string) => {}
        Some(Value::Array(a)) => {
            let kept: Vec<Value> = a.iter().filter(|x| x.is_string()).cloned().collect();
            m.insert("required".into(), Value::Array(kept));
        }
        Some(_) => {
            m.remove("required");
        }
        None => {}
    }
    if m.get("enum").is_some_and(|e| !e.is_array()) {
        m.remove("enum");
    }
    if let Some(Value::Object(d)) = m.get("discriminator") {
        if !d.get("propertyName").is_some_and(Value::is_string) {
            m.remove("discriminator");
        } else if d.get("mapping").is_some_and(|mp| !mp.as_object().is_some_and(|o| o.values().all(Value::is_string))) {
            if let Some(Value::Object(d)) = m.get_mut("discriminator") {
                d.remove("mapping");
            }
        }
    } else if let Some(Value::String(p)) = m.get("discriminator").cloned() {
        m.insert("discriminator".into(), json!({ "propertyName": p }));
    } else if m.contains_key("discriminator") {
        m.remove("discriminator");
    }
    if let Some(items) = m.get_mut("items") {
        if let Value::Array(a) = items {
            // A tuple: keep the first element's type (positions are not modelled).
            *items = a.first().cloned().unwrap_or_else(|| json!({}));
        }
        normalize_schema(items);
    }
    if let Some(ap) = m.get_mut("additionalProperties") {
        match ap {
            Value::Bool(_) => {}
            Value::Object(_) => normalize_schema(ap),
            _ => {
                m.remove("additionalProperties");
            }
        }
    }
    if let Some(n) = m.get_mut("not") {
        normalize_schema(n);
    }
    match m.get_mut("properties") {
        Some(Value::Object(props)) => props.values_mut().for_each(normalize_schema),
        Some(_) => {
            m.remove("properties");
        }
        None => {}
    }
    for k in ["allOf", "oneOf", "anyOf"] {
        match m.get_mut(k) {
            Some(Value::Array(list)) => {
                list.iter_mut().for_each(normalize_schema);
                // `{type: null}` members (3.1) make the whole schema nullable instead.
                let before = list.len();
                list.retain(|s| !(s.as_object().is_some_and(|o| o.len() == 1 && o.get("nullable") == Some(&json!(true)))));
                let dropped = before != list.len();
                if list.is_empty() {
                    m.remove(k);
                }
                if dropped {
                    m.insert("nullable".into(), json!(true));
                }
            }
            Some(_) => {
                m.remove(k);
            }
            None => {}
        }
    }
    for k in [
        "prefixItems",
        "$defs",
        "patternProperties",
        "dependentSchemas",
        "if",
        "then",
        "else",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "propertyNames",
        "additionalItems",
    ] {
        m.remove(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swagger_body_and_responses_move_to_content() {
        let doc = json!({
            "swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "api.example.com", "basePath": "/v1",
            "consumes": ["application/json"], "produces": ["application/json"],
            "definitions": {"Pet": {"type": "object", "x-nullable": true, "properties": {"id": {"type": "integer"}}}},
            "paths": {"/pets": {"parameters": [{"name": "trace", "in": "header", "type": "string"}],
                "post": {"parameters": [{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Pet"}}],
                          "responses": {"201": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}}}}}
        });
        let mut v = swagger2(doc);
        normalize_schemas(&mut v);
        assert_eq!(v["servers"][0]["url"], "https://api.example.com/v1");
        assert_eq!(v["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Pet");
        assert_eq!(v["paths"]["/pets"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Pet");
        assert_eq!(v["paths"]["/pets"]["post"]["parameters"][0]["schema"]["type"], "string");
        assert_eq!(v["components"]["schemas"]["Pet"]["nullable"], true);
    }

    #[test]
    fn openapi31_type_lists_become_nullable() {
        let mut s = json!({"type": ["string", "null"], "const": "x", "exclusiveMinimum": 3});
        normalize_schema(&mut s);
        assert_eq!(s, json!({"type": "string", "nullable": true, "enum": ["x"], "minimum": 3, "exclusiveMinimum": true}));
        let mut s = json!({"type": ["string", "integer"]});
        normalize_schema(&mut s);
        assert_eq!(s, json!({"anyOf": [{"type": "string"}, {"type": "integer"}]}));
    }
}
