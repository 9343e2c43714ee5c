//! The shim's Pulumi protocol against the real Terraform providers, without the engine:
//! each test imports a provider's schema from its binary, generates the package and its
//! mapping.json the way `cloudgen shim` does, serves them with `cloudgen_shim` on a
//! loopback port, and plays the engine's part over gRPC: Configure, Check, Diff, Create
//! (preview with unknowns, then for real), Read (refresh and import), Update, Delete and
//! Invoke, with secrets.
//!
//! Providers come from scripts/setup-terraform-providers.sh (CLOUDGEN_TF_PROVIDERS_DIR);
//! a missing one skips with a message, or fails under CI=true / CLOUDGEN_REQUIRE_TOOLS=1.

mod common;

use cloudgen::backends::{pulumi_schema, shim};
use cloudgen::driver::{self, Input};
use cloudgen::overrides::Overrides;
use cloudgen_shim::proto::pulumirpc::{self as rpc, resource_provider_client::ResourceProviderClient};
use cloudgen_shim::pvalue::{from_struct, to_struct, PMap, PValue};
use cloudgen_shim::tfclient::Provider;
use std::path::{Path, PathBuf};
use tonic::transport::Channel;

/// A shim serving one provider on a loopback port, and an engine-side client.
struct Harness {
    client: ResourceProviderClient<Channel>,
    mapping: cloudgen_shim::mapping::Mapping,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Harness {
    async fn start(name: &str, bin: &Path) -> Harness {
        // The schema straight from the binary, as `cloudgen import-schema` writes it.
        let p = Provider::launch(bin).await.unwrap_or_else(|e| panic!("launch {name}: {e}"));
        let tf = p.schema.to_terraform_json(&format!("registry.terraform.io/hashicorp/{name}"));
        p.shutdown().await;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, serde_json::to_vec(&tf).expect("JSON")).expect("write schema");
        let loaded = driver::load_all(&[Input::new(&file)], None, &Overrides::default(), false)
            .unwrap_or_else(|d| panic!("{name}: the imported schema does not load: {d:?}"));
        let pkg = &loaded.packages[0];
        let schema = String::from_utf8(pulumi_schema::to_schema_bytes(pkg)).expect("utf-8");
        let mapping = shim::mapping::mapping(pkg).unwrap_or_else(|d| panic!("{name}: mapping: {d:?}"));

        let mapping_text = String::from_utf8(shim::mapping::to_bytes(&mapping)).expect("utf-8");
        let server = cloudgen_shim::shim_for(&schema, &mapping_text, bin.to_path_buf()).expect("shim");
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            cloudgen_shim::serve_on(listener, server, async { let _ = stopped.await; }).await.expect("serve");
        });
        let client = ResourceProviderClient::connect(format!("http://127.0.0.1:{port}")).await.expect("connect");
        let mut h = Harness { client, mapping, stop: Some(stop), server: Some(server), _dir: dir };
        h.configure(PMap::new()).await;
        h
    }

    /// The Pulumi token of Terraform type `tf`, from mapping.json.
    fn token(&self, tf: &str) -> String {
        self.mapping
            .resources
            .iter()
            .find(|(_, e)| e.tf_type == tf)
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| panic!("no resource for {tf} in mapping.json"))
    }

    fn urn(token: &str) -> String {
        format!("urn:pulumi:test::shim::{token}::r")
    }

    async fn configure(&mut self, args: PMap) {
        let r = self
            .client
            .configure(rpc::ConfigureRequest { args: Some(to_struct(&args, true)), accept_secrets: true, ..Default::default() })
            .await
            .expect("configure")
            .into_inner();
        assert!(r.accept_secrets && r.supports_preview);
    }

    async fn check(&mut self, token: &str, news: &PMap) -> (PMap, Vec<rpc::CheckFailure>) {
        let r = self
            .client
            .check(rpc::CheckRequest { urn: Self::urn(token), news: Some(to_struct(news, true)), r#type: token.into(), ..Default::default() })
            .await
            .expect("check")
            .into_inner();
        (r.inputs.as_ref().map(from_struct).unwrap_or_default(), r.failures)
    }

    async fn create(&mut self, token: &str, inputs: &PMap, preview: bool) -> (String, PMap) {
        let r = self
            .client
            .create(rpc::CreateRequest {
                urn: Self::urn(token),
                properties: Some(to_struct(inputs, true)),
                preview,
                r#type: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("create {token}: {e}"))
            .into_inner();
        (r.id, r.properties.as_ref().map(from_struct).unwrap_or_default())
    }

    async fn diff(&mut self, token: &str, id: &str, olds: &PMap, news: &PMap) -> rpc::DiffResponse {
        self.client
            .diff(rpc::DiffRequest {
                id: id.into(),
                urn: Self::urn(token),
                olds: Some(to_struct(olds, true)),
                news: Some(to_struct(news, true)),
                r#type: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("diff {token}: {e}"))
            .into_inner()
    }

    async fn read(&mut self, token: &str, id: &str, props: &PMap, inputs: &PMap) -> rpc::ReadResponse {
        self.client
            .read(rpc::ReadRequest {
                id: id.into(),
                urn: Self::urn(token),
                properties: Some(to_struct(props, true)),
                inputs: Some(to_struct(inputs, true)),
                r#type: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("read {token}: {e}"))
            .into_inner()
    }

    async fn update(&mut self, token: &str, id: &str, olds: &PMap, news: &PMap, preview: bool) -> PMap {
        let r = self
            .client
            .update(rpc::UpdateRequest {
                id: id.into(),
                urn: Self::urn(token),
                olds: Some(to_struct(olds, true)),
                news: Some(to_struct(news, true)),
                preview,
                r#type: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("update {token}: {e}"))
            .into_inner();
        r.properties.as_ref().map(from_struct).unwrap_or_default()
    }

    async fn delete(&mut self, token: &str, id: &str, props: &PMap) {
        self.client
            .delete(rpc::DeleteRequest {
                id: id.into(),
                urn: Self::urn(token),
                properties: Some(to_struct(props, true)),
                r#type: token.into(),
                ..Default::default()
            })
            .await
            .unwrap_or_else(|e| panic!("delete {token}: {e}"));
    }

    async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(j) = self.server.take() {
            let _ = j.await;
        }
    }
}

fn props(pairs: &[(&str, PValue)]) -> PMap {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn s(x: &str) -> PValue {
    PValue::String(x.into())
}

fn n(x: f64) -> PValue {
    PValue::Number(x)
}

fn secret(v: PValue) -> PValue {
    PValue::Secret(Box::new(v))
}

fn obj(pairs: &[(&str, PValue)]) -> PValue {
    PValue::Object(props(pairs))
}

fn provider(name: &str) -> Option<PathBuf> {
    common::tf_provider(name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_string_check_create_read_diff_delete() {
    let Some(bin) = provider("random") else { return };
    let mut h = Harness::start("random", &bin).await;
    let t = h.token("random_string");

    // Check: the provider's validators speak through Check failures, by Pulumi name.
    let (_, failures) = h.check(&t, &props(&[("length", n(0.0))])).await;
    assert!(failures.iter().any(|f| f.property == "length"), "expected a `length` failure: {failures:?}");
    // Unknown inputs (preview) validate.
    let news = props(&[("length", n(16.0)), ("special", PValue::Bool(false)), ("keepers", obj(&[("k", PValue::Unknown)]))]);
    let (inputs, failures) = h.check(&t, &news).await;
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(inputs, news);

    // Preview: the result is unknown until apply.
    let (id, preview) = h.create(&t, &news, true).await;
    assert_eq!(id, "");
    assert_eq!(preview["result"], PValue::Unknown);
    assert_eq!(preview["length"], n(16.0));
    assert_eq!(preview["keepers"], obj(&[("k", PValue::Unknown)]));

    // Create for real, with a secret input: the output it feeds stays secret.
    let news = props(&[("length", n(16.0)), ("special", PValue::Bool(false)), ("keepers", secret(obj(&[("k", s("a"))])))]);
    let (id, out) = h.create(&t, &news, false).await;
    let PValue::String(result) = out["result"].unsecret().clone() else { panic!("result: {:?}", out["result"]) };
    assert_eq!(result.len(), 16);
    assert!(result.chars().all(|c| c.is_ascii_alphanumeric()), "{result}");
    assert_eq!(id, result, "random_string's id is its result");
    assert!(matches!(out["keepers"], PValue::Secret(_)), "secret input → secret output: {:?}", out["keepers"]);

    // Read returns the same state.
    let r = h.read(&t, &id, &out, &news).await;
    assert_eq!(r.id, id);
    let read = from_struct(r.properties.as_ref().expect("properties"));
    assert_eq!(read["result"].unsecret(), &PValue::String(result.clone()));

    // Diff: nothing changed → none; a keeper changed → replace (the provider's plan says so).
    let d = h.diff(&t, &id, &out, &news).await;
    assert_eq!(d.changes, rpc::diff_response::DiffChanges::DiffNone as i32, "{d:?}");
    let changed = props(&[("length", n(16.0)), ("special", PValue::Bool(false)), ("keepers", obj(&[("k", s("b"))]))]);
    let d = h.diff(&t, &id, &out, &changed).await;
    assert_eq!(d.changes, rpc::diff_response::DiffChanges::DiffSome as i32);
    assert_eq!(d.replaces, ["keepers"], "{d:?}");
    // An unknown new value is a change too (preview of a dependent update).
    let unknown = props(&[("length", n(16.0)), ("special", PValue::Bool(false)), ("keepers", obj(&[("k", PValue::Unknown)]))]);
    let d = h.diff(&t, &id, &out, &unknown).await;
    assert_eq!(d.replaces, ["keepers"], "{d:?}");

    // Import (`pulumi import`): a Read with no prior state asks the provider to import
    // the id; the inputs come back from the imported state.
    let r = h.read(&t, &id, &PMap::new(), &PMap::new()).await;
    assert_eq!(r.id, id);
    let imported = from_struct(r.inputs.as_ref().expect("inputs"));
    assert_eq!(imported["length"], n(16.0), "{imported:?}");

    h.delete(&t, &id, &out).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_password_result_is_secret() {
    let Some(bin) = provider("random") else { return };
    let mut h = Harness::start("random", &bin).await;
    let t = h.token("random_password");
    let news = props(&[("length", n(20.0))]);
    let (id, out) = h.create(&t, &news, false).await;
    assert_eq!(id, "none", "random_password's id");
    let PValue::Secret(result) = &out["result"] else { panic!("sensitive result must be secret: {:?}", out["result"]) };
    assert!(matches!(&**result, PValue::String(x) if x.len() == 20));
    h.delete(&t, &id, &out).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_file_lifecycle_touches_the_disk() {
    let Some(bin) = provider("local") else { return };
    let mut h = Harness::start("local", &bin).await;
    let t = h.token("local_file");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hello.txt");
    let file = path.to_string_lossy().to_string();
    let news = props(&[("filename", s(&file)), ("content", s("hello\n"))]);
    let (_, failures) = h.check(&t, &news).await;
    assert!(failures.is_empty(), "{failures:?}");
    let (id, preview) = h.create(&t, &news, true).await;
    assert_eq!(id, "");
    assert_eq!(preview["id"], PValue::Unknown);
    assert!(!path.exists(), "preview must not write");

    let (id, out) = h.create(&t, &news, false).await;
    assert_eq!(std::fs::read_to_string(&path).expect("file written"), "hello\n");
    assert!(!id.is_empty());

    // Content changes force a new file.
    let changed = props(&[("filename", s(&file)), ("content", s("bye\n"))]);
    let d = h.diff(&t, &id, &out, &changed).await;
    assert!(d.replaces.contains(&"content".to_string()), "{d:?}");

    // Read notices the file is gone: an empty id.
    std::fs::remove_file(&path).expect("rm");
    let r = h.read(&t, &id, &out, &news).await;
    assert_eq!(r.id, "", "a deleted file reads as gone");

    let (id, out) = h.create(&t, &news, false).await;
    h.delete(&t, &id, &out).await;
    assert!(!path.exists(), "delete removes the file");
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_sensitive_file_content_stays_secret() {
    let Some(bin) = provider("local") else { return };
    let mut h = Harness::start("local", &bin).await;
    let t = h.token("local_sensitive_file");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("secret.txt");
    let news = props(&[("filename", s(&path.to_string_lossy())), ("content", secret(s("s3cret")))]);
    let (id, out) = h.create(&t, &news, false).await;
    assert_eq!(std::fs::read_to_string(&path).expect("written"), "s3cret");
    assert!(matches!(out["content"], PValue::Secret(_)), "{:?}", out["content"]);
    h.delete(&t, &id, &out).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_static_triggers_replace() {
    let Some(bin) = provider("time") else { return };
    let mut h = Harness::start("time", &bin).await;
    let t = h.token("time_static");
    let news = props(&[("triggers", obj(&[("a", s("1"))]))]);
    let (id, out) = h.create(&t, &news, false).await;
    assert!(!id.is_empty());
    let d = h.diff(&t, &id, &out, &props(&[("triggers", obj(&[("a", s("2"))]))])).await;
    // The changed input forces the replacement; the provider also plans its computed
    // timestamp as replaced (RequiresReplace on an attribute that becomes unknown), and the
    // shim passes the provider's plan on as it is.
    assert!(d.replaces.contains(&"triggers".to_string()), "{d:?}");
    assert!(d.detailed_diff["triggers"].input_diff, "{d:?}");
    for other in d.replaces.iter().filter(|r| *r != "triggers") {
        assert!(!d.detailed_diff[other].input_diff, "only `triggers` is an input that changed: {d:?}");
    }
    let d = h.diff(&t, &id, &out, &news).await;
    assert_eq!(d.changes, rpc::diff_response::DiffChanges::DiffNone as i32, "{d:?}");
    h.delete(&t, &id, &out).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_offset_updates_in_place() {
    let Some(bin) = provider("time") else { return };
    let mut h = Harness::start("time", &bin).await;
    let t = h.token("time_offset");
    let base = "2024-01-01T00:00:00Z";
    let news = props(&[("baseRfc3339", s(base)), ("offsetDays", n(1.0))]);
    let (id, out) = h.create(&t, &news, false).await;
    assert_eq!(out["rfc3339"], s("2024-01-02T00:00:00Z"));
    let changed = props(&[("baseRfc3339", s(base)), ("offsetDays", n(2.0))]);
    let d = h.diff(&t, &id, &out, &changed).await;
    assert_eq!(d.changes, rpc::diff_response::DiffChanges::DiffSome as i32);
    assert!(d.replaces.is_empty(), "offset_days updates in place: {d:?}");
    assert!(d.diffs.contains(&"offsetDays".to_string()), "{d:?}");
    // Preview of the update: computed results become unknown.
    let preview = h.update(&t, &id, &out, &changed, true).await;
    assert_eq!(preview["offsetDays"], n(2.0));
    let updated = h.update(&t, &id, &out, &changed, false).await;
    assert_eq!(updated["rfc3339"], s("2024-01-03T00:00:00Z"), "{preview:?}");
    let r = h.read(&t, &id, &updated, &changed).await;
    assert_eq!(from_struct(r.properties.as_ref().expect("props"))["day"], n(3.0));
    h.delete(&t, &id, &updated).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_private_key_is_secret_and_replaced_on_algorithm_change() {
    let Some(bin) = provider("tls") else { return };
    let mut h = Harness::start("tls", &bin).await;
    let t = h.token("tls_private_key");
    let news = props(&[("algorithm", s("ECDSA")), ("ecdsaCurve", s("P256"))]);
    let (_, failures) = h.check(&t, &props(&[("algorithm", s("DSA"))])).await;
    assert!(failures.iter().any(|f| f.property == "algorithm"), "{failures:?}");
    let (id, out) = h.create(&t, &news, false).await;
    let PValue::Secret(pem) = &out["privateKeyPem"] else { panic!("private key must be secret: {:?}", out["privateKeyPem"]) };
    assert!(matches!(&**pem, PValue::String(p) if p.contains("PRIVATE KEY")));
    assert!(matches!(&out["publicKeyPem"], PValue::String(p) if p.contains("PUBLIC KEY")));
    let d = h.diff(&t, &id, &out, &props(&[("algorithm", s("RSA"))])).await;
    assert!(d.replaces.contains(&"algorithm".to_string()), "{d:?}");
    h.delete(&t, &id, &out).await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_file_data_source_invoke() {
    let Some(bin) = provider("local") else { return };
    let mut h = Harness::start("local", &bin).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.txt");
    std::fs::write(&path, "data!").expect("write");
    let tok = h
        .mapping
        .functions
        .iter()
        .find(|(_, e)| e.tf_type == "local_file")
        .map(|(k, _)| k.clone())
        .expect("getFile function");
    let r = h
        .client
        .invoke(rpc::InvokeRequest { tok, args: Some(to_struct(&props(&[("filename", s(&path.to_string_lossy()))]), true)), preview: false })
        .await
        .expect("invoke")
        .into_inner();
    assert!(r.failures.is_empty(), "{:?}", r.failures);
    let ret = from_struct(r.r#return.as_ref().expect("return"));
    assert_eq!(ret["content"], s("data!"));
    h.stop().await;
}

/// `cloudgen shim` on the example Terraform schema: the four files, byte-identical across
/// runs, and a mapping.json that records renames, pluralization and max-items-one.
#[test]
fn shim_command_writes_a_deterministic_plugin_crate() {
    let input = common::repo_root().join("schemas/minidns.tf.json");
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |out: &Path| {
        let st = std::process::Command::new(env!("CARGO_BIN_EXE_cloudgen"))
            .args(["shim", "-q", "--shim-crate", "../../../shim"])
            .arg(&input)
            .arg("-o")
            .arg(out)
            .status()
            .expect("run cloudgen shim");
        assert!(st.success());
    };
    run(&dir.path().join("a"));
    run(&dir.path().join("b"));
    for f in ["schema.json", "mapping.json", "Cargo.toml", "src/main.rs"] {
        let a = std::fs::read(dir.path().join("a/minidns").join(f)).expect(f);
        assert_eq!(a, std::fs::read(dir.path().join("b/minidns").join(f)).expect(f), "{f} differs between runs");
    }
    let cargo = std::fs::read_to_string(dir.path().join("a/minidns/Cargo.toml")).expect("Cargo.toml");
    assert!(cargo.contains("name = \"pulumi-resource-minidns\"") && cargo.contains("path = \"../../../shim\""), "{cargo}");
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("a/minidns/mapping.json")).expect("mapping")).expect("JSON");
    let zone = &m["resources"]["minidns:index/zone:Zone"];
    assert_eq!(zone["tfType"], "minidns_zone");
    assert_eq!(zone["fields"]["forwarding_rule"]["name"], "forwardingRules");
    assert_eq!(zone["fields"]["soa"]["maxItemsOne"], true);
    assert_eq!(zone["fields"]["soa"]["fields"]["admin_email"]["name"], "adminEmail");
    assert_eq!(m["functions"]["minidns:index/getZone:getZone"]["tfType"], "minidns_zone");

    // Not a Terraform package: a clear error, exit 2.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cloudgen"))
        .arg("shim")
        .arg(common::repo_root().join("schemas/blobstore.schema.json"))
        .arg("-o")
        .arg(dir.path().join("c"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Terraform providers only"));
}

/// The plugin process as the engine runs it: the port on stdout, the gRPC service on it,
/// the Terraform provider found on PATH, a clean exit on SIGTERM.
#[test]
fn plugin_process_handshake_and_shutdown() {
    use std::io::BufRead as _;
    let Some(bin) = provider("random") else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let tf = rt.block_on(async {
        let p = Provider::launch(&bin).await.expect("launch");
        let tf = p.schema.to_terraform_json("registry.terraform.io/hashicorp/random");
        p.shutdown().await;
        tf
    });
    let (schema, mapping) = write_package(&tf, dir.path());
    let path = format!("{}:{}", bin.parent().expect("dir").display(), std::env::var("PATH").unwrap_or_default());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cloudgen"))
        .arg("shim-serve")
        .arg("--schema")
        .arg(&schema)
        .arg("--mapping")
        .arg(&mapping)
        .arg("127.0.0.1:12345")
        .env("PATH", path)
        .env_remove("CLOUDGEN_TF_PROVIDER_PATH")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("port line");
    let port: u16 = line.trim().parse().unwrap_or_else(|_| panic!("first stdout line is not a port: {line:?}"));
    rt.block_on(async {
        let mut c = ResourceProviderClient::connect(format!("http://127.0.0.1:{port}")).await.expect("connect");
        let info = c.get_plugin_info(()).await.expect("info").into_inner();
        assert_eq!(info.version, "0.0.0");
        let s = c.get_schema(rpc::GetSchemaRequest::default()).await.expect("schema").into_inner();
        let m: serde_json::Value = serde_json::from_slice(&std::fs::read(&mapping).expect("mapping")).expect("JSON");
        let t = m["resources"]
            .as_object()
            .and_then(|r| r.iter().find(|(_, e)| e["tfType"] == "random_pet"))
            .map(|(k, _)| k.clone())
            .expect("random_pet in mapping.json");
        assert!(s.schema.contains(&format!("\"{t}\"")), "GetSchema returns the package schema");
        c.configure(rpc::ConfigureRequest { accept_secrets: true, ..Default::default() }).await.expect("configure");
        let r = c
            .create(rpc::CreateRequest { urn: format!("urn:pulumi:t::p::{t}::pet"), r#type: t.clone(), properties: Some(to_struct(&PMap::new(), true)), ..Default::default() })
            .await
            .expect("create")
            .into_inner();
        assert!(r.id.contains('-'), "a pet name: {}", r.id);
    });
    // The engine stops plugins with SIGTERM (then SIGKILL).
    let st = std::process::Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().expect("kill");
    assert!(st.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "the plugin exits cleanly on SIGTERM");
}

/// Generates schema.json and mapping.json from a Terraform schema into `dir`.
fn write_package(tf: &serde_json::Value, dir: &Path) -> (PathBuf, PathBuf) {
    let file = dir.join("tf.json");
    std::fs::write(&file, serde_json::to_vec(tf).expect("JSON")).expect("write");
    let loaded = driver::load_all(&[Input::new(&file)], None, &Overrides::default(), false)
        .unwrap_or_else(|d| panic!("load: {d:?}"));
    let pkg = &loaded.packages[0];
    let schema = dir.join("schema.json");
    let mapping = dir.join("mapping.json");
    std::fs::write(&schema, pulumi_schema::to_schema_bytes(pkg)).expect("write");
    std::fs::write(&mapping, shim::mapping::to_bytes(&shim::mapping::mapping(pkg).unwrap_or_else(|d| panic!("mapping: {d:?}")))).expect("write");
    (schema, mapping)
}
