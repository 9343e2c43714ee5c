//! A client for a running Terraform provider over plugin protocol 5 or 6. Both versions
//! share their request/response messages (proto/tfplugin_common.proto); only the method
//! names and the schema messages differ, so each call dispatches on the version here and
//! callers never see it. Error diagnostics become `TfError`s; warnings are kept.

use crate::cty::{self, Type, Value};
use crate::goplugin::{self, PluginProcess};
use crate::proto::tfplugin::{self as m, DynamicValue};
use crate::proto::{tfplugin5, tfplugin6};
use crate::tfschema::{self, ProviderSchema, Schema};
use std::fmt;
use std::path::Path;
use tonic::transport::Channel;

type V5 = tfplugin5::provider_client::ProviderClient<Channel>;
type V6 = tfplugin6::provider_client::ProviderClient<Channel>;

/// An error from the provider: its error diagnostics, or a transport/codec failure.
#[derive(Debug, Clone)]
pub struct TfError {
    /// One entry per error: summary, detail and the attribute path when there is one.
    pub diagnostics: Vec<Diag>,
}

/// One diagnostic.
#[derive(Debug, Clone)]
pub struct Diag {
    /// Short text.
    pub summary: String,
    /// Long text.
    pub detail: String,
    /// The attribute it is about, as Terraform attribute names and keys.
    pub path: Vec<String>,
}

impl TfError {
    /// An error that is not a provider diagnostic.
    pub fn msg(s: impl Into<String>) -> TfError {
        TfError { diagnostics: vec![Diag { summary: s.into(), detail: String::new(), path: vec![] }] }
    }
}

impl fmt::Display for TfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if !d.path.is_empty() {
                write!(f, "{}: ", d.path.join("."))?;
            }
            f.write_str(&d.summary)?;
            if !d.detail.is_empty() {
                write!(f, ": {}", d.detail)?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for TfError {}

impl From<tonic::Status> for TfError {
    fn from(s: tonic::Status) -> TfError {
        TfError::msg(format!("provider RPC failed: {} ({:?})", s.message(), s.code()))
    }
}

impl From<cty::CtyError> for TfError {
    fn from(e: cty::CtyError) -> TfError {
        TfError::msg(e.0)
    }
}

/// Turns the error diagnostics of a response into an error.
fn check(diags: &[m::Diagnostic]) -> Result<(), TfError> {
    let errors: Vec<Diag> = diags
        .iter()
        .filter(|d| d.severity == m::diagnostic::Severity::Error as i32)
        .map(|d| Diag {
            summary: d.summary.clone(),
            detail: d.detail.clone(),
            path: d.attribute.as_ref().map(path_steps).unwrap_or_default(),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(TfError { diagnostics: errors })
    }
}

/// The steps of an attribute path as strings: attribute names, `[key]`, `[0]`.
pub fn path_steps(p: &m::AttributePath) -> Vec<String> {
    use m::attribute_path::step::Selector;
    p.steps
        .iter()
        .filter_map(|s| match &s.selector {
            Some(Selector::AttributeName(n)) => Some(n.clone()),
            Some(Selector::ElementKeyString(k)) => Some(format!("[{k:?}]")),
            Some(Selector::ElementKeyInt(i)) => Some(format!("[{i}]")),
            None => None,
        })
        .collect()
}

#[derive(Clone)]
enum Rpc {
    V5(V5),
    V6(V6),
}

/// Calls `$method5` or `$method6` with the same request and unwraps the response.
macro_rules! call {
    ($self:ident, $m5:ident, $m6:ident, $req:expr) => {{
        let req = $req;
        // tonic clients are cheap handles on one HTTP/2 connection: clone per call so
        // calls run concurrently.
        match $self.rpc.clone() {
            Rpc::V5(mut c) => c.$m5(req).await?.into_inner(),
            Rpc::V6(mut c) => c.$m6(req).await?.into_inner(),
        }
    }};
}

/// A launched provider with its schema.
pub struct Provider {
    process: Option<PluginProcess>,
    rpc: Rpc,
    /// The provider's schema, as it reported it.
    pub schema: ProviderSchema,
}

/// What PlanResourceChange answered.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The planned new state (unknowns where the provider will decide at apply).
    pub planned_state: Value,
    /// Attribute paths whose change forces replacement.
    pub requires_replace: Vec<Vec<String>>,
    /// Opaque provider data to hand to ApplyResourceChange.
    pub planned_private: Vec<u8>,
}

fn dv(v: &Value, ty: &Type) -> Result<Option<DynamicValue>, TfError> {
    Ok(Some(DynamicValue { msgpack: cty::to_msgpack(v, ty)?, json: vec![] }))
}

fn undv(d: Option<&DynamicValue>, ty: &Type) -> Result<Value, TfError> {
    match d {
        None => Ok(Value::Null),
        Some(d) if !d.msgpack.is_empty() => Ok(cty::from_msgpack(&d.msgpack, ty)?),
        Some(d) if !d.json.is_empty() => {
            let j: serde_json::Value = serde_json::from_slice(&d.json)
                .map_err(|e| TfError::msg(format!("provider sent bad JSON: {e}")))?;
            Ok(from_json(&j))
        }
        Some(_) => Ok(Value::Null),
    }
}

/// A JSON value as a cty value (JSON-encoded DynamicValues carry no unknowns).
pub fn from_json(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.clone()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            Value::Map(o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

/// A cty value as JSON (unknowns become null; used for RawState).
pub fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Unknown | Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Number(n) => serde_json::Value::Number(n.clone()),
        Value::String(s) => s.clone().into(),
        Value::List(a) => a.iter().map(to_json).collect(),
        Value::Map(m) => m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect::<serde_json::Map<_, _>>().into(),
    }
}

impl Provider {
    /// Launches `binary` and fetches its schema.
    pub async fn launch(binary: &Path) -> Result<Provider, TfError> {
        let process = goplugin::launch(binary).await.map_err(|e| TfError::msg(e.0))?;
        let rpc = match process.protocol {
            5 => Rpc::V5(V5::new(process.channel.clone()).max_decoding_message_size(256 << 20)),
            _ => Rpc::V6(V6::new(process.channel.clone()).max_decoding_message_size(256 << 20)),
        };
        let mut p = Provider { process: Some(process), rpc, schema: ProviderSchema::default() };
        p.schema = p.fetch_schema().await?;
        Ok(p)
    }

    /// The negotiated protocol version.
    pub fn protocol(&self) -> u32 {
        match self.rpc {
            Rpc::V5(_) => 5,
            Rpc::V6(_) => 6,
        }
    }

    async fn fetch_schema(&mut self) -> Result<ProviderSchema, TfError> {
        fn collect<S>(
            m: &std::collections::HashMap<String, S>,
            f: fn(&S) -> Result<Schema, cty::CtyError>,
        ) -> Result<std::collections::BTreeMap<String, Schema>, TfError> {
            m.iter().map(|(k, s)| Ok((k.clone(), f(s)?))).collect()
        }
        let req = m::GetProviderSchemaRequest {};
        match self.rpc.clone() {
            Rpc::V5(mut c) => {
                let r = c.get_schema(req).await?.into_inner();
                check(&r.diagnostics)?;
                Ok(ProviderSchema {
                    provider: r.provider.as_ref().map(tfschema::from_v5).transpose()?.unwrap_or_default(),
                    resources: collect(&r.resource_schemas, tfschema::from_v5)?,
                    data_sources: collect(&r.data_source_schemas, tfschema::from_v5)?,
                })
            }
            Rpc::V6(mut c) => {
                let r = c.get_provider_schema(req).await?.into_inner();
                check(&r.diagnostics)?;
                Ok(ProviderSchema {
                    provider: r.provider.as_ref().map(tfschema::from_v6).transpose()?.unwrap_or_default(),
                    resources: collect(&r.resource_schemas, tfschema::from_v6)?,
                    data_sources: collect(&r.data_source_schemas, tfschema::from_v6)?,
                })
            }
        }
    }

    fn resource_type(&self, type_name: &str) -> Result<Type, TfError> {
        self.schema
            .resources
            .get(type_name)
            .map(|s| s.block.implied_type())
            .ok_or_else(|| TfError::msg(format!("the provider has no resource type `{type_name}`")))
    }

    /// ValidateProviderConfig (v5: PrepareProviderConfig).
    pub async fn validate_provider_config(&self, config: &Value) -> Result<(), TfError> {
        let ty = self.schema.provider.block.implied_type();
        let r = call!(self, prepare_provider_config, validate_provider_config,
            m::ValidateProviderConfigRequest { config: dv(config, &ty)? });
        check(&r.diagnostics)
    }

    /// ConfigureProvider (v5: Configure).
    pub async fn configure(&self, config: &Value) -> Result<(), TfError> {
        let ty = self.schema.provider.block.implied_type();
        let r = call!(self, configure, configure_provider, m::ConfigureProviderRequest {
            terraform_version: "1.9.0".into(),
            config: dv(config, &ty)?,
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)
    }

    /// ValidateResourceConfig (v5: ValidateResourceTypeConfig).
    pub async fn validate_resource_config(&self, type_name: &str, config: &Value) -> Result<(), TfError> {
        let ty = self.resource_type(type_name)?;
        let r = call!(self, validate_resource_type_config, validate_resource_config, m::ValidateResourceConfigRequest {
            type_name: type_name.into(),
            config: dv(config, &ty)?,
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)
    }

    /// PlanResourceChange. `prior` is null for a create; `proposed` null for a destroy.
    pub async fn plan(&self,
        type_name: &str,
        prior: &Value,
        proposed: &Value,
        config: &Value,
        prior_private: &[u8],
    ) -> Result<Plan, TfError> {
        let ty = self.resource_type(type_name)?;
        let r = call!(self, plan_resource_change, plan_resource_change, m::PlanResourceChangeRequest {
            type_name: type_name.into(),
            prior_state: dv(prior, &ty)?,
            proposed_new_state: dv(proposed, &ty)?,
            config: dv(config, &ty)?,
            prior_private: prior_private.to_vec(),
            provider_meta: None,
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)?;
        Ok(Plan {
            planned_state: undv(r.planned_state.as_ref(), &ty)?,
            requires_replace: r.requires_replace.iter().map(path_steps).collect(),
            planned_private: r.planned_private,
        })
    }

    /// ApplyResourceChange; returns the new state and the provider's private data.
    pub async fn apply(&self,
        type_name: &str,
        prior: &Value,
        planned: &Value,
        config: &Value,
        planned_private: &[u8],
    ) -> Result<(Value, Vec<u8>), TfError> {
        let ty = self.resource_type(type_name)?;
        let r = call!(self, apply_resource_change, apply_resource_change, m::ApplyResourceChangeRequest {
            type_name: type_name.into(),
            prior_state: dv(prior, &ty)?,
            planned_state: dv(planned, &ty)?,
            config: dv(config, &ty)?,
            planned_private: planned_private.to_vec(),
            provider_meta: None,
        });
        check(&r.diagnostics)?;
        Ok((undv(r.new_state.as_ref(), &ty)?, r.private))
    }

    /// ReadResource; returns the refreshed state (null when the resource is gone).
    pub async fn read(&self, type_name: &str, state: &Value, private: &[u8]) -> Result<(Value, Vec<u8>), TfError> {
        let ty = self.resource_type(type_name)?;
        let r = call!(self, read_resource, read_resource, m::ReadResourceRequest {
            type_name: type_name.into(),
            current_state: dv(state, &ty)?,
            private: private.to_vec(),
            provider_meta: None,
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)?;
        Ok((undv(r.new_state.as_ref(), &ty)?, r.private))
    }

    /// ImportResourceState: the state(s) an import id expands to, of `type_name`.
    pub async fn import(&self, type_name: &str, id: &str) -> Result<Vec<(Value, Vec<u8>)>, TfError> {
        let ty = self.resource_type(type_name)?;
        let r = call!(self, import_resource_state, import_resource_state, m::ImportResourceStateRequest {
            type_name: type_name.into(),
            id: id.into(),
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)?;
        r.imported_resources
            .iter()
            .filter(|i| i.type_name == type_name)
            .map(|i| Ok((undv(i.state.as_ref(), &ty)?, i.private.clone())))
            .collect()
    }

    /// UpgradeResourceState from a JSON state written at schema `version`.
    pub async fn upgrade(&self, type_name: &str, version: i64, state: &Value) -> Result<Value, TfError> {
        let ty = self.resource_type(type_name)?;
        let json = serde_json::to_vec(&to_json(state)).expect("JSON");
        let r = call!(self, upgrade_resource_state, upgrade_resource_state, m::UpgradeResourceStateRequest {
            type_name: type_name.into(),
            version,
            raw_state: Some(m::RawState { json, flatmap: Default::default() }),
        });
        check(&r.diagnostics)?;
        undv(r.upgraded_state.as_ref(), &ty)
    }

    /// ValidateDataResourceConfig + ReadDataSource.
    pub async fn read_data_source(&self, type_name: &str, config: &Value) -> Result<Value, TfError> {
        let ty = self
            .schema
            .data_sources
            .get(type_name)
            .map(|s| s.block.implied_type())
            .ok_or_else(|| TfError::msg(format!("the provider has no data source `{type_name}`")))?;
        let r = call!(self, validate_data_source_config, validate_data_resource_config, m::ValidateDataResourceConfigRequest {
            type_name: type_name.into(),
            config: dv(config, &ty)?,
        });
        check(&r.diagnostics)?;
        let r = call!(self, read_data_source, read_data_source, m::ReadDataSourceRequest {
            type_name: type_name.into(),
            config: dv(config, &ty)?,
            provider_meta: None,
            client_capabilities: Some(m::ClientCapabilities { deferral_allowed: false, write_only_attributes_allowed: true }),
        });
        check(&r.diagnostics)?;
        undv(r.state.as_ref(), &ty)
    }

    /// StopProvider (v5: Stop): asks in-flight operations to wind down.
    pub async fn stop(&self) -> Result<(), TfError> {
        let r = call!(self, stop, stop_provider, m::StopRequest {});
        if r.error.is_empty() {
            Ok(())
        } else {
            Err(TfError::msg(r.error))
        }
    }

    /// The provider's recent log lines.
    pub fn stderr_tail(&self) -> String {
        self.process.as_ref().map(|p| p.stderr_tail()).unwrap_or_default()
    }

    /// Stops the provider process.
    pub async fn shutdown(mut self) {
        if let Some(p) = self.process.take() {
            p.shutdown().await;
        }
    }
}
