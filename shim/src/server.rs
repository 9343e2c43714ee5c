//! The Pulumi side: a `pulumirpc.ResourceProvider` gRPC server that answers each engine
//! call by driving the Terraform provider (launched on first use). Check validates the
//! configuration with the provider; Diff is the provider's own plan against the prior
//! state (replacement when the plan says RequiresReplace); Create/Update plan then apply
//! (plan only during preview, so unknowns flow back to the engine); Read refreshes or
//! imports; Delete applies a destroy. The provider's private state travels in the
//! resource's outputs under `__meta`.

use crate::cty::Value;
use crate::mapping::{Entity, Mapping};
use crate::proto::pulumirpc::{self as rpc, resource_provider_server::ResourceProvider};
use crate::pvalue::{from_struct, to_struct, PMap, PValue};
use crate::tfclient::{Provider, TfError};
use crate::tfschema::{Block, Schema};
use crate::translate::{self, block_from_tf, block_to_tf, pulumi_name};
use base64::Engine as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::OnceCell;
use tonic::{Request, Response, Status};

/// The output key that carries the provider's private state and schema version.
pub const META_KEY: &str = "__meta";

/// The provider plugin's state.
pub struct Shim {
    schema_json: String,
    version: String,
    mapping: Mapping,
    binary: Option<PathBuf>,
    provider: OnceCell<Arc<Provider>>,
    configured: tokio::sync::Mutex<bool>,
    accept_secrets: AtomicBool,
}

fn status(e: TfError) -> Status {
    Status::unknown(e.to_string())
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// A request's resource type: its `type` field, or the one in its URN when that is empty.
fn resource_token(ty: &str, urn: &str) -> String {
    if ty.is_empty() { urn_type(urn).to_string() } else { ty.to_string() }
}

/// The type token of a URN (`urn:pulumi:stack::project::parent$pkg:mod:Type::name`).
fn urn_type(urn: &str) -> &str {
    let t = urn.split("::").nth(2).unwrap_or_default();
    t.rsplit('$').next().unwrap_or(t)
}

impl Shim {
    /// A shim for the package described by `schema_json` and `mapping_json`; the provider
    /// binary is `binary`, or found by [`crate::goplugin::find_provider`] on first use.
    pub fn new(schema_json: &str, mapping_json: &str, binary: Option<PathBuf>) -> Result<Shim, String> {
        let mapping = Mapping::from_json(mapping_json)?;
        let schema: serde_json::Value =
            serde_json::from_str(schema_json).map_err(|e| format!("schema.json: {e}"))?;
        let version = schema.get("version").and_then(|v| v.as_str()).unwrap_or("0.0.0").to_string();
        Ok(Shim {
            schema_json: schema_json.to_string(),
            version,
            mapping,
            binary,
            provider: OnceCell::new(),
            configured: tokio::sync::Mutex::new(false),
            accept_secrets: AtomicBool::new(false),
        })
    }

    async fn provider(&self) -> Result<Arc<Provider>, Status> {
        self.provider
            .get_or_try_init(|| async {
                let bin = match &self.binary {
                    Some(b) => b.clone(),
                    None => crate::goplugin::find_provider(&self.mapping.provider)
                        .map_err(|e| Status::failed_precondition(e.0))?,
                };
                Provider::launch(&bin).await.map(Arc::new).map_err(status)
            })
            .await
            .cloned()
    }

    /// The provider, configured (with an empty configuration if Configure never came).
    async fn configured(&self) -> Result<Arc<Provider>, Status> {
        let p = self.provider().await?;
        let mut done = self.configured.lock().await;
        if !*done {
            let cfg = block_to_tf(&PMap::new(), &p.schema.provider.block, &self.mapping.config);
            p.configure(&cfg).await.map_err(status)?;
            *done = true;
        }
        Ok(p)
    }

    fn resource(&self, token: &str) -> Result<&Entity, Status> {
        self.mapping
            .resources
            .get(token)
            .ok_or_else(|| Status::invalid_argument(format!("unknown resource type `{token}`")))
    }

    fn secrets(&self) -> bool {
        self.accept_secrets.load(Ordering::Relaxed)
    }

    /// Pulumi outputs for a Terraform state, with secrets carried over from the inputs and
    /// the provider's private data under `__meta`.
    fn outputs(&self, state: &Value, schema: &Schema, e: &Entity, inputs: &PMap, private: &[u8]) -> PMap {
        let mut out = block_from_tf(state, &schema.block, &e.fields);
        for (k, v) in out.iter_mut() {
            if inputs.get(k).is_some_and(PValue::contains_secret) {
                *v = std::mem::replace(v, PValue::Null).into_secret();
            }
        }
        let mut meta = PMap::new();
        meta.insert("schemaVersion".into(), PValue::Number(schema.version as f64));
        if !private.is_empty() {
            meta.insert("private".into(), PValue::String(b64().encode(private)));
        }
        out.insert(META_KEY.into(), PValue::Object(meta));
        out
    }

    /// The Terraform state in Pulumi outputs (upgraded if written at an older schema
    /// version) and the private data stored beside it.
    /// What Terraform plans for moving `olds` (stored outputs) to `news` (checked inputs):
    /// Diff and Update both start here.
    async fn plan_change(&self, p: &Provider, e: &Entity, schema: &Schema, olds: &PMap, news: &PMap) -> Result<Change, Status> {
        let (prior, private) = self.state(p, e, schema, olds).await?;
        let config = block_to_tf(news, &schema.block, &e.fields);
        let proposed = translate::proposed_new(&schema.block, &prior, &config);
        let plan = p.plan(&e.tf_type, &prior, &proposed, &config, &private).await.map_err(status)?;
        Ok(Change { prior, private, config, plan })
    }

    async fn state(&self, p: &Provider, e: &Entity, schema: &Schema, olds: &PMap) -> Result<(Value, Vec<u8>), Status> {
        let state = block_to_tf(olds, &schema.block, &e.fields);
        let (version, private) = match olds.get(META_KEY).map(PValue::unsecret) {
            Some(PValue::Object(m)) => (
                match m.get("schemaVersion") {
                    Some(PValue::Number(n)) => *n as i64,
                    _ => schema.version,
                },
                match m.get("private") {
                    Some(PValue::String(s)) => b64().decode(s).unwrap_or_default(),
                    _ => vec![],
                },
            ),
            _ => (schema.version, vec![]),
        };
        let state = if version < schema.version {
            p.upgrade(&e.tf_type, version, &state).await.map_err(status)?
        } else {
            state
        };
        Ok((state, private))
    }
}

/// A planned change with what it was planned from.
struct Change {
    prior: Value,
    private: Vec<u8>,
    config: Value,
    plan: crate::tfclient::Plan,
}

fn schema_of<'p>(p: &'p Provider, e: &Entity) -> Result<&'p Schema, Status> {
    p.schema
        .resources
        .get(&e.tf_type)
        .ok_or_else(|| Status::failed_precondition(format!("the provider has no resource `{}`", e.tf_type)))
}

/// Check failures from provider diagnostics, with the Terraform path's first step renamed.
fn failures(err: &TfError, block: &Block, e: &crate::mapping::Fields) -> Vec<rpc::CheckFailure> {
    let _ = block;
    err.diagnostics
        .iter()
        .map(|d| rpc::CheckFailure {
            property: d.path.first().map(|tf| pulumi_name(e, tf)).unwrap_or_default(),
            reason: if d.detail.is_empty() { d.summary.clone() } else { format!("{}: {}", d.summary, d.detail) },
        })
        .collect()
}

/// The inputs a state implies (for import): everything that is not computed-only.
fn inputs_of(state: &PMap, schema: &Schema, e: &Entity) -> PMap {
    let mut out = PMap::new();
    for (tf, a) in &schema.block.attributes {
        if a.computed && !a.optional {
            continue;
        }
        let name = pulumi_name(&e.fields, tf);
        if let Some(v) = state.get(&name) {
            out.insert(name, v.clone());
        }
    }
    for tf in schema.block.block_types.keys() {
        let name = pulumi_name(&e.fields, tf);
        if let Some(v) = state.get(&name) {
            out.insert(name, v.clone());
        }
    }
    out
}

#[tonic::async_trait]
impl ResourceProvider for Shim {
    async fn get_schema(&self, _r: Request<rpc::GetSchemaRequest>) -> Result<Response<rpc::GetSchemaResponse>, Status> {
        Ok(Response::new(rpc::GetSchemaResponse { schema: self.schema_json.clone() }))
    }

    async fn get_plugin_info(&self, _r: Request<()>) -> Result<Response<rpc::PluginInfo>, Status> {
        Ok(Response::new(rpc::PluginInfo { version: self.version.clone() }))
    }

    async fn get_mapping(&self, _r: Request<rpc::GetMappingRequest>) -> Result<Response<rpc::GetMappingResponse>, Status> {
        // No converter mappings: an empty answer means "none" to the engine.
        Ok(Response::new(rpc::GetMappingResponse::default()))
    }

    async fn check_config(&self, r: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let r = r.into_inner();
        let news = r.news.as_ref().map(from_struct).unwrap_or_default();
        let p = self.provider().await?;
        let cfg = block_to_tf(&news, &p.schema.provider.block, &self.mapping.config);
        let failures = match p.validate_provider_config(&cfg).await {
            Ok(()) => vec![],
            Err(e) => failures(&e, &p.schema.provider.block, &self.mapping.config),
        };
        Ok(Response::new(rpc::CheckResponse { inputs: r.news, failures }))
    }

    async fn diff_config(&self, r: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let r = r.into_inner();
        let olds = r.old_inputs.or(r.olds).as_ref().map(from_struct).unwrap_or_default();
        let news = r.news.as_ref().map(from_struct).unwrap_or_default();
        let diffs: Vec<String> = olds
            .keys()
            .chain(news.keys())
            .filter(|k| olds.get(*k) != news.get(*k))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let changes = if diffs.is_empty() { rpc::diff_response::DiffChanges::DiffNone } else { rpc::diff_response::DiffChanges::DiffSome };
        Ok(Response::new(rpc::DiffResponse { changes: changes as i32, diffs, ..Default::default() }))
    }

    async fn configure(&self, r: Request<rpc::ConfigureRequest>) -> Result<Response<rpc::ConfigureResponse>, Status> {
        let r = r.into_inner();
        self.accept_secrets.store(r.accept_secrets, Ordering::Relaxed);
        let mut args = r.args.as_ref().map(from_struct).unwrap_or_default();
        if r.args.is_none() {
            // Older engines send `pkg:config:key` strings; values may be JSON.
            for (k, v) in &r.variables {
                let key = k.rsplit(':').next().unwrap_or(k).to_string();
                let val = serde_json::from_str::<serde_json::Value>(v)
                    .ok()
                    .filter(|j| !j.is_string())
                    .map_or_else(|| PValue::String(v.clone()), |j| json_to_p(&j));
                args.insert(key, val);
            }
        }
        let p = self.provider().await?;
        let cfg = block_to_tf(&args, &p.schema.provider.block, &self.mapping.config);
        p.validate_provider_config(&cfg).await.map_err(|e| Status::invalid_argument(e.to_string()))?;
        let mut done = self.configured.lock().await;
        p.configure(&cfg).await.map_err(status)?;
        *done = true;
        Ok(Response::new(rpc::ConfigureResponse {
            accept_secrets: true,
            supports_preview: true,
            accept_resources: false,
            accept_outputs: false,
            supports_autonaming_configuration: false,
        }))
    }

    async fn invoke(&self, r: Request<rpc::InvokeRequest>) -> Result<Response<rpc::InvokeResponse>, Status> {
        let r = r.into_inner();
        let e = self
            .mapping
            .functions
            .get(&r.tok)
            .ok_or_else(|| Status::invalid_argument(format!("unknown function `{}`", r.tok)))?;
        let p = self.configured().await?;
        let schema = p
            .schema
            .data_sources
            .get(&e.tf_type)
            .ok_or_else(|| Status::failed_precondition(format!("the provider has no data source `{}`", e.tf_type)))?;
        let args = r.args.as_ref().map(from_struct).unwrap_or_default();
        let cfg = block_to_tf(&args, &schema.block, &e.fields);
        match p.read_data_source(&e.tf_type, &cfg).await {
            Ok(state) => {
                let out = block_from_tf(&state, &schema.block, &e.fields);
                Ok(Response::new(rpc::InvokeResponse { r#return: Some(to_struct(&out, self.secrets())), failures: vec![] }))
            }
            Err(err) => Ok(Response::new(rpc::InvokeResponse {
                r#return: None,
                failures: failures(&err, &schema.block, &e.fields),
            })),
        }
    }

    async fn check(&self, r: Request<rpc::CheckRequest>) -> Result<Response<rpc::CheckResponse>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.provider().await?;
        let schema = schema_of(&p, e)?;
        let news = r.news.as_ref().map(from_struct).unwrap_or_default();
        let cfg = block_to_tf(&news, &schema.block, &e.fields);
        let failures = match p.validate_resource_config(&e.tf_type, &cfg).await {
            Ok(()) => vec![],
            Err(err) => failures(&err, &schema.block, &e.fields),
        };
        Ok(Response::new(rpc::CheckResponse { inputs: r.news, failures }))
    }

    async fn diff(&self, r: Request<rpc::DiffRequest>) -> Result<Response<rpc::DiffResponse>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.configured().await?;
        let schema = schema_of(&p, e)?;
        let olds = r.olds.as_ref().map(from_struct).unwrap_or_default();
        let news = r.news.as_ref().map(from_struct).unwrap_or_default();
        let Change { prior, private: _, config, plan } = self.plan_change(&p, e, schema, &olds, &news).await?;

        let ignored: std::collections::BTreeSet<&str> = r.ignore_changes.iter().map(String::as_str).collect();
        let replace_tf: std::collections::BTreeSet<&str> =
            plan.requires_replace.iter().filter_map(|p| p.first().map(String::as_str)).collect();
        let mut diffs = vec![];
        let mut replaces = vec![];
        let mut detailed = std::collections::HashMap::new();
        for tf in translate::changed_attributes(&schema.block, &prior, &plan.planned_state) {
            let name = pulumi_name(&e.fields, &tf);
            if ignored.contains(name.as_str()) {
                continue;
            }
            let replace = replace_tf.contains(tf.as_str());
            let (before, after) = (prior.get(&tf), plan.planned_state.get(&tf));
            use rpc::property_diff::Kind;
            let kind = match (before == &Value::Null, after == &Value::Null, replace) {
                (true, false, false) => Kind::Add,
                (true, false, true) => Kind::AddReplace,
                (false, true, false) => Kind::Delete,
                (false, true, true) => Kind::DeleteReplace,
                (_, _, false) => Kind::Update,
                (_, _, true) => Kind::UpdateReplace,
            };
            // Only differences in what the user wrote are input diffs; computed values
            // that merely become unknown are not worth showing as changes of their own.
            let input = config.get(&tf) != &Value::Null;
            if !input && !replace && after == &Value::Unknown {
                continue;
            }
            detailed.insert(name.clone(), rpc::PropertyDiff { kind: kind as i32, input_diff: input });
            if replace {
                replaces.push(name.clone());
            }
            diffs.push(name);
        }
        let changes = if diffs.is_empty() { rpc::diff_response::DiffChanges::DiffNone } else { rpc::diff_response::DiffChanges::DiffSome };
        Ok(Response::new(rpc::DiffResponse {
            replaces,
            stables: vec![],
            delete_before_replace: false,
            changes: changes as i32,
            diffs,
            detailed_diff: detailed,
            has_detailed_diff: true,
        }))
    }

    async fn create(&self, r: Request<rpc::CreateRequest>) -> Result<Response<rpc::CreateResponse>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.configured().await?;
        let schema = schema_of(&p, e)?;
        let inputs = r.properties.as_ref().map(from_struct).unwrap_or_default();
        let config = block_to_tf(&inputs, &schema.block, &e.fields);
        let proposed = translate::proposed_new(&schema.block, &Value::Null, &config);
        let plan = p.plan(&e.tf_type, &Value::Null, &proposed, &config, &[]).await.map_err(status)?;
        if r.preview {
            let out = self.outputs(&plan.planned_state, schema, e, &inputs, &[]);
            return Ok(Response::new(rpc::CreateResponse { id: String::new(), properties: Some(to_struct(&out, self.secrets())) }));
        }
        let (state, private) = p
            .apply(&e.tf_type, &Value::Null, &plan.planned_state, &config, &plan.planned_private)
            .await
            .map_err(status)?;
        let id = match state.get("id") {
            Value::String(s) => s.clone(),
            _ => return Err(Status::internal(format!("{} was created but has no id", e.tf_type))),
        };
        let out = self.outputs(&state, schema, e, &inputs, &private);
        Ok(Response::new(rpc::CreateResponse { id, properties: Some(to_struct(&out, self.secrets())) }))
    }

    async fn read(&self, r: Request<rpc::ReadRequest>) -> Result<Response<rpc::ReadResponse>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.configured().await?;
        let schema = schema_of(&p, e)?;
        let olds = r.properties.as_ref().map(from_struct).unwrap_or_default();
        let old_inputs = r.inputs.as_ref().map(from_struct);
        let (state, private) = if olds.is_empty() {
            // Import (`pulumi import`, `.get`): the provider turns the id into a state.
            let mut found = p.import(&e.tf_type, &r.id).await.map_err(status)?;
            if found.is_empty() {
                return Ok(Response::new(rpc::ReadResponse::default()));
            }
            found.swap_remove(0)
        } else {
            self.state(&p, e, schema, &olds).await?
        };
        let (state, private) = p.read(&e.tf_type, &state, &private).await.map_err(status)?;
        if state == Value::Null {
            // Gone: an empty id tells the engine so.
            return Ok(Response::new(rpc::ReadResponse::default()));
        }
        let secrets_from = old_inputs.clone().unwrap_or_default();
        let out = self.outputs(&state, schema, e, &secrets_from, &private);
        let id = match state.get("id") {
            Value::String(s) => s.clone(),
            _ => r.id.clone(),
        };
        let inputs = match old_inputs {
            Some(i) if !i.is_empty() => i,
            _ => inputs_of(&out, schema, e),
        };
        Ok(Response::new(rpc::ReadResponse {
            id,
            properties: Some(to_struct(&out, self.secrets())),
            inputs: Some(to_struct(&inputs, self.secrets())),
        }))
    }

    async fn update(&self, r: Request<rpc::UpdateRequest>) -> Result<Response<rpc::UpdateResponse>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.configured().await?;
        let schema = schema_of(&p, e)?;
        let olds = r.olds.as_ref().map(from_struct).unwrap_or_default();
        let news = r.news.as_ref().map(from_struct).unwrap_or_default();
        let Change { prior, private, config, plan } = self.plan_change(&p, e, schema, &olds, &news).await?;
        if r.preview {
            let out = self.outputs(&plan.planned_state, schema, e, &news, &private);
            return Ok(Response::new(rpc::UpdateResponse { properties: Some(to_struct(&out, self.secrets())) }));
        }
        let (state, private) = p
            .apply(&e.tf_type, &prior, &plan.planned_state, &config, &plan.planned_private)
            .await
            .map_err(status)?;
        let out = self.outputs(&state, schema, e, &news, &private);
        Ok(Response::new(rpc::UpdateResponse { properties: Some(to_struct(&out, self.secrets())) }))
    }

    async fn delete(&self, r: Request<rpc::DeleteRequest>) -> Result<Response<()>, Status> {
        let r = r.into_inner();
        let token = resource_token(&r.r#type, &r.urn);
        let e = self.resource(&token)?;
        let p = self.configured().await?;
        let schema = schema_of(&p, e)?;
        let olds = r.properties.as_ref().map(from_struct).unwrap_or_default();
        let (prior, private) = self.state(&p, e, schema, &olds).await?;
        // Terraform destroys by applying a null planned state with a null configuration.
        p.apply(&e.tf_type, &prior, &Value::Null, &Value::Null, &private).await.map_err(status)?;
        Ok(Response::new(()))
    }

    async fn cancel(&self, _r: Request<()>) -> Result<Response<()>, Status> {
        if let Some(p) = self.provider.get() {
            p.stop().await.map_err(status)?;
        }
        Ok(Response::new(()))
    }
}

fn json_to_p(j: &serde_json::Value) -> PValue {
    match j {
        serde_json::Value::Null => PValue::Null,
        serde_json::Value::Bool(b) => PValue::Bool(*b),
        serde_json::Value::Number(n) => PValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => PValue::String(s.clone()),
        serde_json::Value::Array(a) => PValue::Array(a.iter().map(json_to_p).collect()),
        serde_json::Value::Object(o) => PValue::Object(o.iter().map(|(k, v)| (k.clone(), json_to_p(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn urn_types() {
        assert_eq!(super::urn_type("urn:pulumi:dev::proj::random:index/randomString:RandomString::s"), "random:index/randomString:RandomString");
        assert_eq!(super::urn_type("urn:pulumi:dev::proj::my:C$random:index/randomPet:RandomPet::p"), "random:index/randomPet:RandomPet");
    }
}
