//! Lowering: inferred resources and functions → IR members through the builder.
//!
//! - Resource inputs: parent path parameters (required, replace on change; for
//!   create-or-update and singletons the item name too), the create body's writable
//!   fields, then every other parameter or update-body field the lifecycle needs and no
//!   earlier input covers (optional).
//! - Resource outputs: the read response's fields (without `writeOnly` ones), unwrapped
//!   from a one-field envelope (`{"droplet": {...}}`, the field named like the resource),
//!   plus every input the response does not echo.
//! - The id: the override's `id_field`, else the first of the id parameter's name, its
//!   last word (`zone_id` → `id`, `metadata_kind` → `kind`), `id`, `name` and (Kubernetes)
//!   `metadata.name` that the read response has. After create it is read from that
//!   response field (inside the envelope), else from a declared `Location` header.
//! - Functions: parameters and body fields in, the success response out (its fields when
//!   it is an object, else one value).

use super::infer::{Inference, Op, Plan, Rule};
use super::naming;
use super::schema::{Field, Hint, Mapper, SRef};
use crate::diag::{Diagnostic, SourceRef};
use crate::ir::names::split_words;
use crate::ir::{
    DefaultValue, Function, FunctionResult, Lifecycle, ObjectShape, PackageBuilder, Property, RawMap, Resource, RestIdSource, RestOperation, RestParamLocation,
    RestParameter, Token, TypeRef,
};
use openapiv3::{MediaType, OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr, RequestBody, Response, Schema, SecurityScheme, StatusCode};
use std::collections::BTreeSet;

/// Envelope fields that are never the payload.
const META_FIELDS: [&str; 4] = ["links", "_links", "meta", "_meta"];

/// Lowering state for one document.
pub struct Lowerer<'a, 'm> {
    pub api: &'a OpenAPI,
    pub pkg: String,
    pub file: SourceRef,
    pub mapper: &'m mut Mapper<'a>,
    pub diags: Vec<Diagnostic>,
}

/// A parameter with where it goes.
struct Param<'a> {
    p: &'a Parameter,
    location: RestParamLocation,
    src: SourceRef,
}

/// A request body, as fields or as one value.
enum Body {
    None,
    Fields(Vec<Field>),
    Whole { name: String, ty: TypeRef, required: bool },
}

impl<'a, 'm> Lowerer<'a, 'm> {
    fn param_ref(&self, r: &'a ReferenceOr<Parameter>) -> Option<&'a Parameter> {
        match r {
            ReferenceOr::Item(p) => Some(p),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/parameters/")?.replace("~1", "/").replace("~0", "~");
                match self.api.components.as_ref()?.parameters.get(&name)? {
                    ReferenceOr::Item(p) => Some(p),
                    ReferenceOr::Reference { .. } => None,
                }
            }
        }
    }

    /// Path-item parameters overridden by operation parameters of the same name and place.
    fn params(&mut self, o: &Op<'a>) -> Vec<Param<'a>> {
        let mut out: Vec<Param<'a>> = Vec::new();
        let lists = [(o.shared, o.src.child("..").child("parameters")), (o.op.parameters.as_slice(), o.src.child("parameters"))];
        for (list, lsrc) in lists {
            for (i, r) in list.iter().enumerate() {
                let src = lsrc.child(&i.to_string());
                let Some(p) = self.param_ref(r) else {
                    self.diags.push(
                        Diagnostic::error(src, "cannot resolve parameter reference")
                            .with_hint("parameter references must name an entry of `components.parameters`"),
                    );
                    continue;
                };
                let location = match p {
                    Parameter::Path { .. } => RestParamLocation::Path,
                    Parameter::Query { .. } => RestParamLocation::Query,
                    Parameter::Header { .. } => RestParamLocation::Header,
                    // Cookies are not something a provider sets per resource.
                    Parameter::Cookie { .. } => continue,
                };
                let name = &p.parameter_data_ref().name;
                out.retain(|q| !(q.location == location && &q.p.parameter_data_ref().name == name));
                out.push(Param { p, location, src });
            }
        }
        out
    }

    fn param_prop(&mut self, p: &Param<'a>, hint: &Hint) -> Property {
        let d = p.p.parameter_data_ref();
        let ty = match &d.format {
            ParameterSchemaOrContent::Schema(s) => self.mapper.ty(s, &hint.child(&d.name), &p.src.child("schema")),
            ParameterSchemaOrContent::Content(c) => match pick_media(c).and_then(|m| m.1.schema.as_ref()) {
                Some(s) => self.mapper.ty(s, &hint.child(&d.name), &p.src.child("content")),
                None => TypeRef::string(),
            },
        };
        let mut prop = Property::new(d.name.clone(), ty, p.src.clone());
        prop.required = d.required || p.location == RestParamLocation::Path;
        prop.docs = d.description.clone().filter(|s| !s.trim().is_empty());
        if d.deprecated == Some(true) {
            prop.deprecation = Some("Deprecated.".into());
        }
        if let ParameterSchemaOrContent::Schema(ReferenceOr::Item(s)) = &d.format {
            if let Some(v) = &s.schema_data.default {
                if !v.is_null() && matches!(prop.ty, TypeRef::Primitive { .. }) {
                    prop.default = Some(DefaultValue { value: Some(v.clone()), environment: Vec::new(), extra: RawMap::new() });
                }
            }
        }
        prop
    }

    fn request_body(&self, o: &Op<'a>) -> Option<(&'a RequestBody, SourceRef)> {
        match o.op.request_body.as_ref()? {
            ReferenceOr::Item(b) => Some((b, o.src.child("requestBody"))),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/requestBodies/")?.replace("~1", "/").replace("~0", "~");
                match self.api.components.as_ref()?.request_bodies.get(&name)? {
                    ReferenceOr::Item(b) => Some((b, self.file.child("components").child("requestBodies").child(&name))),
                    ReferenceOr::Reference { .. } => None,
                }
            }
        }
    }

    /// The fields (or the single value) of an operation's request body.
    fn body(&mut self, o: &Op<'a>, hint: &Hint) -> Body {
        let Some((b, bsrc)) = self.request_body(o) else { return Body::None };
        let Some((ct, media)) = pick_media(&b.content) else { return Body::None };
        let Some(schema) = media.schema.as_ref() else { return Body::None };
        let src = bsrc.child("content").child(ct).child("schema");
        if let Some(fields) = self.object_fields(SRef::Plain(schema), hint, &src) {
            return Body::Fields(fields);
        }
        let name = b.extensions.get("x-body-name").and_then(|v| v.as_str()).filter(|n| n.chars().any(char::is_alphanumeric)).unwrap_or("body").to_string();
        let ty = self.mapper.ty(schema, &hint.child(&name), &src);
        Body::Whole { name, ty, required: b.required }
    }

    /// Fields of an object schema; named schemas keep their own naming scope so nested
    /// inline types are shared with the named type rather than duplicated.
    fn object_fields(&mut self, s: SRef<'a>, hint: &Hint, src: &SourceRef) -> Option<Vec<Field>> {
        let (schema, name) = self.mapper.deref_s(s)?;
        if !self.mapper.is_object(schema) {
            return None;
        }
        match name {
            Some(n) => {
                let TypeRef::Named { token } = self.mapper.named_ty(&n) else { return None };
                let h = Hint::new(token.module.clone(), token.name.clone());
                let csrc = self.mapper.component_src(&n);
                Some(self.mapper.fields(schema, &h, &csrc))
            }
            None => Some(self.mapper.fields(schema, hint, src)),
        }
    }

    fn response(&self, o: &Op<'a>) -> Option<(&'a Response, SourceRef)> {
        let rs = &o.op.responses;
        let mut candidates: Vec<(u16, &'a ReferenceOr<Response>, String)> = Vec::new();
        for (code, r) in &rs.responses {
            let (rank, text) = match code {
                StatusCode::Code(c) if (200..300).contains(c) => (*c, c.to_string()),
                StatusCode::Range(2) => (299, "2XX".to_string()),
                _ => continue,
            };
            candidates.push((rank, r, text));
        }
        candidates.sort_by_key(|c| c.0);
        let (r, code) = match candidates.first() {
            Some((_, r, code)) => (*r, code.clone()),
            None => (rs.default.as_ref()?, "default".to_string()),
        };
        match r {
            ReferenceOr::Item(resp) => Some((resp, o.src.child("responses").child(&code))),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix("#/components/responses/")?.replace("~1", "/").replace("~0", "~");
                match self.api.components.as_ref()?.responses.get(&name)? {
                    ReferenceOr::Item(resp) => Some((resp, self.file.child("components").child("responses").child(&name))),
                    ReferenceOr::Reference { .. } => None,
                }
            }
        }
    }

    fn response_schema(&self, o: &Op<'a>) -> Option<(&'a ReferenceOr<Schema>, SourceRef)> {
        let (resp, rsrc) = self.response(o)?;
        let (ct, media) = pick_media(&resp.content)?;
        Some((media.schema.as_ref()?, rsrc.child("content").child(ct).child("schema")))
    }

    /// The payload of a response: unwrapped from a one-field envelope named like `noun`.
    fn payload(&mut self, s: SRef<'a>, src: &SourceRef, noun: &str) -> (SRef<'a>, Option<String>, SourceRef) {
        if let Some((schema, _)) = self.mapper.deref_s(s) {
            if self.mapper.is_object(schema) {
                let props = object_props(schema);
                let payload: Vec<_> = props.iter().filter(|(k, _)| !META_FIELDS.contains(&k.as_str())).collect();
                if let [(key, inner)] = payload.as_slice() {
                    let last = split_words(key).pop().unwrap_or_default();
                    let noun_last = split_words(noun).pop().map(|w| naming::singular(&w)).unwrap_or_default();
                    // Only an envelope named like the resource: a lone `metadata` or `spec`
                    // field is part of the payload, not a wrapper around it.
                    let named_like = !noun_last.is_empty() && naming::singular(&last) == noun_last;
                    let inner = SRef::Boxed(inner);
                    if named_like && self.mapper.deref_s(inner).is_some_and(|(s, _)| self.mapper.is_object(s)) {
                        return (inner, Some(key.to_string()), src.child("properties").child(key));
                    }
                }
            }
        }
        (s, None, src.clone())
    }

    /// Lowers one inferred resource.
    pub fn resource(&mut self, p: &Plan, inf: &Inference<'a>) -> Resource {
        let token = Token::new(self.pkg.clone(), p.module.clone(), p.name.clone());
        let hint = Hint::new(p.module.clone(), p.name.clone());
        let anchor = p.create.or(p.read).unwrap_or(0);
        let mut r = Resource::new(token, inf.ops[anchor].src.clone());
        let create_op = p.create.map(|c| &inf.ops[c]);
        r.docs = p.read.map(|o| &inf.ops[o]).and_then(|o| docs_of_op(o)).or_else(|| create_op.and_then(docs_of_op));

        let mut inputs: Vec<Property> = Vec::new();
        let mut names: BTreeSet<String> = BTreeSet::new();
        let id_param = p.id_param.clone();
        // Path parameters of the create (else read) path, without the server-assigned id.
        for &o in p.create.iter().chain(p.read.iter()) {
            let params = self.params(&inf.ops[o]);
            for prm in params.iter().filter(|q| q.location == RestParamLocation::Path) {
                let name = prm.p.parameter_data_ref().name.clone();
                if Some(&name) == id_param.as_ref() || names.contains(&name) {
                    continue;
                }
                let mut prop = self.param_prop(prm, &hint);
                prop.required = true;
                prop.replace_on_changes = true;
                names.insert(name);
                inputs.push(prop);
            }
        }
        let mut write_only: BTreeSet<String> = BTreeSet::new();
        let mut body_params: Vec<Vec<RestParameter>> = vec![Vec::new(); 4];
        for (slot, o) in [(0usize, p.create), (2usize, p.update)] {
            let Some(o) = o else { continue };
            match self.body(&inf.ops[o], &hint) {
                Body::Fields(fields) => {
                    for f in fields.into_iter().filter(|f| !f.read_only) {
                        let wire = f.prop.name.wire.clone();
                        if f.write_only {
                            write_only.insert(wire.clone());
                        }
                        body_params[slot].push(RestParameter {
                            name: wire.clone(),
                            property: wire.clone(),
                            location: RestParamLocation::Body,
                            required: f.prop.required,
                            is_id: false,
                        });
                        if names.insert(wire) {
                            let mut prop = f.prop;
                            if slot != 0 {
                                prop.required = false;
                            }
                            inputs.push(prop);
                        }
                    }
                }
                Body::Whole { name, ty, required } => {
                    body_params[slot].push(RestParameter {
                        name: String::new(),
                        property: name.clone(),
                        location: RestParamLocation::Body,
                        required,
                        is_id: false,
                    });
                    if names.insert(name.clone()) {
                        let mut prop = Property::new(name, ty, inf.ops[o].src.child("requestBody"));
                        prop.required = required && slot == 0;
                        inputs.push(prop);
                    }
                }
                Body::None => {}
            }
        }
        // Every other parameter of the lifecycle.
        let mut ops_params: Vec<Vec<RestParameter>> = vec![Vec::new(); 4];
        for (slot, o) in [(0usize, p.create), (1, p.read), (2, p.update), (3, p.delete)] {
            let Some(o) = o else { continue };
            let params = self.params(&inf.ops[o]);
            for prm in &params {
                let name = prm.p.parameter_data_ref().name.clone();
                let is_id = prm.location == RestParamLocation::Path && Some(&name) == id_param.as_ref();
                if is_id {
                    ops_params[slot].push(RestParameter { name, property: "id".into(), location: prm.location, required: true, is_id: true });
                    continue;
                }
                if !names.contains(&name) {
                    let mut prop = self.param_prop(prm, &hint);
                    if prm.location != RestParamLocation::Path {
                        prop.required = prop.required && slot == 0;
                    } else {
                        prop.replace_on_changes = true;
                    }
                    names.insert(name.clone());
                    inputs.push(prop);
                }
                ops_params[slot].push(RestParameter {
                    name: name.clone(),
                    property: name,
                    location: prm.location,
                    required: prm.p.parameter_data_ref().required,
                    is_id: false,
                });
            }
            ops_params[slot].append(&mut body_params[slot]);
        }

        // Outputs: the read response, unwrapped.
        let mut outputs: Vec<Property> = Vec::new();
        let mut envelope = None;
        if let Some(read) = p.read {
            if let Some((s, src)) = self.response_schema(&inf.ops[read]) {
                let (payload, env, psrc) = self.payload(SRef::Plain(s), &src, &p.name);
                envelope = env;
                if let Some(fields) = self.object_fields(payload, &hint, &psrc) {
                    outputs.extend(fields.into_iter().filter(|f| !f.write_only).map(|f| f.prop));
                }
            }
        }
        let out_names: BTreeSet<String> = outputs.iter().map(|o| o.name.wire.clone()).collect();
        for i in &inputs {
            if !out_names.contains(&i.name.wire) && !write_only.contains(&i.name.wire) {
                let mut o = i.clone();
                o.replace_on_changes = false;
                o.default = None;
                outputs.push(o);
            }
        }

        // The id.
        let id_field = p.id_field.clone().or_else(|| {
            if p.rule != Rule::CollectionPost && p.rule != Rule::Override {
                return None;
            }
            let mut candidates: Vec<String> = Vec::new();
            if let Some(idp) = &id_param {
                candidates.push(idp.clone());
                if let Some(last) = split_words(idp).pop() {
                    candidates.push(last);
                }
            }
            candidates.extend(["id".to_string(), "name".to_string(), "uid".to_string()]);
            let found = candidates.into_iter().find(|c| outputs.iter().any(|o| &o.name.wire == c));
            found.or_else(|| (p.gvk.is_some() && outputs.iter().any(|o| o.name.wire == "metadata")).then(|| "metadata.name".to_string()))
        });
        let mut ops: Vec<Option<RestOperation>> = vec![None, None, None, None];
        for (slot, o) in [(0usize, p.create), (1, p.read), (2, p.update), (3, p.delete)] {
            let Some(o) = o else { continue };
            let op = &inf.ops[o];
            let mut rest = RestOperation {
                method: op.method.to_string(),
                path: op.path.to_string(),
                operation_id: op.op.operation_id.clone(),
                parameters: std::mem::take(&mut ops_params[slot]),
                id_source: None,
            };
            if slot == 0 {
                rest.id_source = match p.rule {
                    Rule::PutCreateOrUpdate | Rule::Singleton => Some(RestIdSource::Path),
                    _ if op.method == "PUT" => Some(RestIdSource::Path),
                    _ => self.create_id_source(op, id_field.as_deref(), envelope.as_deref(), &p.name),
                };
            }
            ops[slot] = Some(rest);
        }
        let mut it = ops.into_iter();
        let mut next = || it.next().flatten().map(Box::new);
        r.lifecycle = Some(Lifecycle::Rest { create: next(), read: next(), update: next(), delete: next(), invoke: None, id_field });
        r.inputs = inputs;
        r.outputs = outputs;
        r
    }

    /// Where the id comes from after create: a response field, else a `Location` header.
    fn create_id_source(&mut self, op: &Op<'a>, id_field: Option<&str>, read_envelope: Option<&str>, noun: &str) -> Option<RestIdSource> {
        let field_ptr = |f: &str| format!("/{}", f.split('.').map(|s| s.replace('~', "~0").replace('/', "~1")).collect::<Vec<_>>().join("/"));
        if let Some(f) = id_field {
            let top = f.split('.').next().unwrap_or(f).to_string();
            if let Some((s, src)) = self.response_schema(op) {
                let (payload, env, _) = self.payload(SRef::Plain(s), &src, noun);
                if let Some((schema, _)) = self.mapper.deref_s(payload) {
                    if object_props(schema).iter().any(|(k, _)| **k == top) {
                        let prefix = env.map(|e| format!("/{}", e.replace('~', "~0").replace('/', "~1"))).unwrap_or_default();
                        return Some(RestIdSource::ResponseField { pointer: format!("{prefix}{}", field_ptr(f)) });
                    }
                }
            }
        }
        if let Some((resp, _)) = self.response(op) {
            if resp.headers.keys().any(|h| h.eq_ignore_ascii_case("location")) {
                return Some(RestIdSource::LocationHeader);
            }
        }
        // The create response does not say; assume it looks like the read response.
        id_field.map(|f| {
            let prefix = read_envelope.map(|e| format!("/{e}")).unwrap_or_default();
            RestIdSource::ResponseField { pointer: format!("{prefix}{}", field_ptr(f)) }
        })
    }

    /// Lowers one operation left as a function.
    pub fn function(&mut self, o: &Op<'a>, name: &str, module: &str) -> Function {
        let token = Token::new(self.pkg.clone(), module.to_string(), name.to_string());
        let hint = Hint::new(module.to_string(), naming::type_name(name));
        let mut f = Function::new(token, o.src.clone());
        f.docs = docs_of_op(o);
        if o.op.deprecated {
            f.deprecation = Some("Deprecated.".into());
        }
        let mut props: Vec<Property> = Vec::new();
        let mut names = BTreeSet::new();
        let mut rest_params = Vec::new();
        for prm in self.params(o) {
            let prop = self.param_prop(&prm, &hint);
            let name = prop.name.wire.clone();
            rest_params.push(RestParameter { name: name.clone(), property: name.clone(), location: prm.location, required: prop.required, is_id: false });
            if names.insert(name) {
                props.push(prop);
            }
        }
        match self.body(o, &hint) {
            Body::Fields(fields) => {
                for fl in fields.into_iter().filter(|fl| !fl.read_only) {
                    let wire = fl.prop.name.wire.clone();
                    rest_params.push(RestParameter {
                        name: wire.clone(),
                        property: wire.clone(),
                        location: RestParamLocation::Body,
                        required: fl.prop.required,
                        is_id: false,
                    });
                    if names.insert(wire) {
                        props.push(fl.prop);
                    }
                }
            }
            Body::Whole { name, ty, required } => {
                rest_params.push(RestParameter { name: String::new(), property: name.clone(), location: RestParamLocation::Body, required, is_id: false });
                if names.insert(name.clone()) {
                    let mut prop = Property::new(name, ty, o.src.child("requestBody"));
                    prop.required = required;
                    props.push(prop);
                }
            }
            Body::None => {}
        }
        if !props.is_empty() {
            f.inputs = Some(ObjectShape { docs: None, properties: props, extra: RawMap::new() });
        }
        if let Some((s, src)) = self.response_schema(o) {
            let rhint = Hint::new(module.to_string(), format!("{}Result", naming::type_name(name)));
            f.outputs = match self.object_fields(SRef::Plain(s), &rhint, &src) {
                Some(fields) => Some(FunctionResult::Object {
                    shape: ObjectShape { docs: None, properties: fields.into_iter().filter(|f| !f.write_only).map(|f| f.prop).collect(), extra: RawMap::new() },
                }),
                None => Some(FunctionResult::Value { ty: self.mapper.ty(s, &rhint, &src), extra: RawMap::new() }),
            };
        }
        f.lifecycle = Some(Lifecycle::Rest {
            create: None,
            read: None,
            update: None,
            delete: None,
            invoke: Some(Box::new(RestOperation {
                method: o.method.to_string(),
                path: o.path.to_string(),
                operation_id: o.op.operation_id.clone(),
                parameters: rest_params,
                id_source: None,
            })),
            id_field: None,
        });
        f
    }

    /// Provider configuration: the base URL and one entry per security scheme.
    pub fn config(&mut self, b: &mut PackageBuilder) {
        let mut base = Property::new("baseUrl", TypeRef::string(), self.file.child("servers"));
        base.docs = Some("The base URL of the API.".into());
        if let Some(s) = self.api.servers.first() {
            if s.url.contains("://") && !s.url.contains('{') {
                base.default = Some(DefaultValue { value: Some(serde_json::Value::String(s.url.clone())), environment: Vec::new(), extra: RawMap::new() });
            }
        }
        b.add_config(base);
        let mut names = BTreeSet::new();
        let Some(c) = &self.api.components else { return };
        for (key, scheme) in &c.security_schemes {
            let ReferenceOr::Item(scheme) = scheme else { continue };
            let src = self.file.child("components").child("securitySchemes").child(key);
            let entries: Vec<(&str, String)> = match scheme {
                SecurityScheme::APIKey { name, .. } => vec![("apiKey", format!("The API key, sent as `{name}`."))],
                SecurityScheme::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("basic") => {
                    vec![
                        ("username", "The user name for HTTP basic authentication.".into()),
                        ("password", "The password for HTTP basic authentication.".into()),
                    ]
                }
                SecurityScheme::HTTP { .. } => vec![("token", "The bearer token.".into())],
                SecurityScheme::OAuth2 { .. } | SecurityScheme::OpenIDConnect { .. } => vec![("accessToken", "An OAuth 2.0 access token.".into())],
            };
            for (name, docs) in entries {
                if names.insert(name) {
                    let mut p = Property::new(name, TypeRef::string(), src.clone());
                    p.secret = name != "username";
                    p.docs = Some(docs);
                    b.add_config(p);
                }
            }
        }
    }
}

/// The own properties of an object schema (envelopes are plain objects, so merged
/// `allOf` members are not followed here).
fn object_props(s: &Schema) -> Vec<(&String, &ReferenceOr<Box<Schema>>)> {
    use openapiv3::{SchemaKind, Type};
    let props = match &s.schema_kind {
        SchemaKind::Type(Type::Object(o)) => &o.properties,
        SchemaKind::Any(a) => &a.properties,
        _ => return Vec::new(),
    };
    props.iter().collect()
}

/// The JSON media type of a content map (else the first).
pub fn pick_media(content: &openapiv3::Content) -> Option<(&String, &MediaType)> {
    content
        .iter()
        .find(|(k, _)| k.as_str() == "application/json")
        .or_else(|| content.iter().find(|(k, _)| k.contains("json")))
        .or_else(|| content.iter().next())
}

fn docs_of_op(o: &Op) -> Option<String> {
    let parts: Vec<&str> = [o.op.summary.as_deref(), o.op.description.as_deref()].into_iter().flatten().map(str::trim).filter(|s| !s.is_empty()).collect();
    let mut out: Vec<&str> = Vec::new();
    for p in parts {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out.join("\n\n"))
    }
}
