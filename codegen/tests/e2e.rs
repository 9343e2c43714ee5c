//! End-to-end tests on the real Pulumi engine (README "End-to-end suite"): the `pulumi`
//! CLI and language hosts from scripts/setup-pulumi-engine.sh, the pinned Node.js and
//! Python runtimes from scripts/setup-tools.sh, a local file backend and the passphrase
//! secrets provider, all in a temp dir; no network beyond loopback.
//!
//! - `engine_smoke_*`: a program with config and stack outputs only, through each
//!   language host: proves the engine, the host and the runtime fit together.
//! - `providers_*`: the real Terraform providers random, tls, local and time
//!   (scripts/setup-terraform-providers.sh) behind cloudgen's shim: schemas imported from
//!   the binaries, SDKs generated, shim plugins built, and tests/e2e/programs/providers run
//!   through up, a changed input, refresh, drift repair and destroy (see `lifecycle`).
//!
//! A missing tool prints why the test skipped; with CI=true or CLOUDGEN_REQUIRE_TOOLS=1 it
//! fails. Every `pulumi` step is killed after CLOUDGEN_E2E_TIMEOUT_SECS (default 600).
//! CLOUDGEN_KEEP_TEMP=1 keeps the temp dirs (projects, state, per-step logs).

mod common;
mod e2e_support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use e2e_support::pulumi::{Workspace, PASSPHRASE};
use e2e_support::{cloudgen, project, tools, Scratch};
use serde_json::Value;

/// The smoke test's secret config value: it must reach the program and never the state
/// in plaintext.
const SMOKE_TOKEN: &str = "smoke-token-5e1c7d0a";

/// Runs the smoke program of `lang` through `up`, checks outputs and secrets, then
/// `preview --expect-no-changes` and `destroy`.
fn smoke(ws: &Workspace, lang: &str) {
    ws.init();
    ws.config_set("token", SMOKE_TOKEN, true);
    ws.up("up");

    let outputs = ws.outputs(true);
    assert_eq!(outputs["language"], lang, "outputs: {outputs}");
    let greeting = outputs["greeting"].as_str().unwrap_or_default();
    assert!(greeting.starts_with("hello from cloudgen-") && greeting.ends_with("/e2e"), "greeting: {greeting:?}");
    assert_eq!(outputs["token"], SMOKE_TOKEN, "the secret config value did not reach the program");

    let masked = ws.outputs(false);
    assert_ne!(masked["token"], SMOKE_TOKEN, "`stack output` without --show-secrets shows the secret");
    let (raw, state) = ws.export();
    assert!(!raw.contains(SMOKE_TOKEN), "the exported state holds the secret in plaintext");
    assert!(!raw.contains(PASSPHRASE), "the exported state holds the passphrase");
    let stack = Workspace::resources(&state)
        .into_iter()
        .find(|r| r["type"] == "pulumi:pulumi:Stack")
        .expect("the state has the stack resource");
    let token = &stack["outputs"]["token"];
    assert!(token.get("ciphertext").and_then(Value::as_str).is_some_and(|c| !c.is_empty()), "the token output is not stored as ciphertext: {token}");

    ws.preview_no_changes("preview (no changes)");
    ws.destroy("destroy");
    let (_, state) = ws.export();
    assert!(Workspace::resources(&state).is_empty(), "resources left after destroy: {state}");
}

#[test]
fn engine_smoke_typescript() {
    let Some(engine) = tools::engine_bin_dir() else { return };
    let Some(nm) = tools::node_modules() else { return };
    let scratch = Scratch::new("smoke-ts");
    let work = scratch.path().join("project");
    let logs = scratch.path().join("logs");
    project::typescript("smoke-ts", &work, &project::program_dir("smoke", "typescript"), &[], &nm, &logs);
    let ws = Workspace::new("smoke-ts", &engine, &work, scratch.path(), vec![]);
    smoke(&ws, "typescript");
}

#[test]
fn engine_smoke_python() {
    let Some(engine) = tools::engine_bin_dir() else { return };
    let Some(venv) = tools::python_venv() else { return };
    let scratch = Scratch::new("smoke-py");
    let work = scratch.path().join("project");
    let logs = scratch.path().join("logs");
    let pythonpath = project::python("smoke-py", &work, &project::program_dir("smoke", "python"), &[], &venv, &logs);
    let mut ws = Workspace::new("smoke-py", &engine, &work, scratch.path(), vec![]);
    ws.env("PYTHONPATH", pythonpath);
    ws.env("PYTHONDONTWRITEBYTECODE", "1");
    smoke(&ws, "python");
}

// ---------------------------------------------------------------------------------------
// Terraform providers through the shim
// ---------------------------------------------------------------------------------------

/// The providers the program uses (their binaries are pinned by
/// tests/terraform-providers/providers.txt).
const PROVIDERS: &[&str] = &["random", "tls", "local", "time"];

/// The resources the program declares: name → type token.
const RESOURCES: &[(&str, &str)] = &[
    ("pet", "random:index/pet:Pet"),
    ("password", "random:index/password:Password"),
    ("id", "random:index/id:Id"),
    ("key", "tls:index/privateKey:PrivateKey"),
    ("cert", "tls:index/selfSignedCert:SelfSignedCert"),
    ("file", "local:index/file:File"),
    ("trigger", "time:index/static:Static"),
];

/// The resources whose inputs follow the `generation` config value (directly or through
/// another replaced resource); every one of them is replaced when it changes.
const REPLACED_ON_GENERATION: &[&str] = &["pet", "id", "file", "trigger"];

/// The URN's last segment: the resource's name.
fn urn_name(urn: &str) -> &str {
    urn.rsplit("::").next().unwrap_or(urn)
}

/// The state entry of the resource named `name`.
fn state_of<'a>(resources: &'a [Value], name: &str) -> &'a Value {
    resources
        .iter()
        .find(|r| r["urn"].as_str().is_some_and(|u| urn_name(u) == name) && !r["type"].as_str().unwrap_or_default().starts_with("pulumi:providers:"))
        .unwrap_or_else(|| panic!("no resource {name} in the state"))
}

fn is_ciphertext(v: &Value) -> bool {
    v.get("ciphertext").and_then(Value::as_str).is_some_and(|c| !c.is_empty())
}

fn text<'a>(outputs: &'a Value, key: &str) -> &'a str {
    outputs[key].as_str().unwrap_or_else(|| panic!("output {key} is not a string: {outputs}"))
}

/// The program's outputs after an `up`, checked against what the providers promise and
/// against the file on disk.
fn check_outputs(outputs: &Value, files: &Path) {
    let pet = text(outputs, "petName");
    let words: Vec<&str> = pet.split('-').collect();
    assert!(words.len() == 2 && words.iter().all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())), "petName: {pet:?}");
    let password = text(outputs, "passwordResult");
    assert!(password.len() == 24 && password.chars().all(|c| c.is_ascii_alphanumeric()), "password: {password:?}");
    let hex = text(outputs, "idHex");
    assert!(hex.len() == 16 && hex.chars().all(|c| c.is_ascii_hexdigit()), "idHex: {hex:?}");
    assert_eq!(text(outputs, "keyAlgorithm"), "ECDSA");
    assert!(text(outputs, "publicKeyPem").starts_with("-----BEGIN PUBLIC KEY-----"), "{outputs}");
    assert!(text(outputs, "privateKeyPem").contains("PRIVATE KEY-----"), "privateKeyPem is not a PEM key");
    assert!(text(outputs, "certPem").starts_with("-----BEGIN CERTIFICATE-----"), "{outputs}");
    assert!(!text(outputs, "triggerId").is_empty());

    let path = files.join("pet.txt");
    assert_eq!(Path::new(text(outputs, "filePath")), path);
    let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(on_disk, format!("{pet}\n"), "the file's content on disk");
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "file_permission");
    assert_eq!(text(outputs, "readBackContent"), on_disk, "the local_file data source read something else");
}

/// What a `pulumi preview --json` plans per resource name: the ops of its steps (a
/// replacement may be spelled `replace` or as its create/delete halves).
fn planned_ops(preview_json: &str) -> BTreeMap<String, BTreeSet<String>> {
    let plan: Value = serde_json::from_str(preview_json).unwrap_or_else(|e| panic!("preview --json is not JSON: {e}\n{preview_json}"));
    let mut ops: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for step in plan["steps"].as_array().into_iter().flatten() {
        let (Some(urn), Some(op)) = (step["urn"].as_str(), step["op"].as_str()) else { continue };
        if urn.contains("::pulumi:pulumi:Stack::") || urn.contains("::pulumi:providers:") {
            continue;
        }
        ops.entry(urn_name(urn).to_string()).or_default().insert(op.to_string());
    }
    ops
}

fn is_replacement(ops: Option<&BTreeSet<String>>) -> bool {
    ops.is_some_and(|ops| ops.iter().any(|op| op == "replace" || op == "create-replacement"))
}

fn is_unchanged(ops: Option<&BTreeSet<String>>) -> bool {
    ops.is_none_or(|ops| ops.iter().all(|op| op == "same"))
}

/// The whole lifecycle on one stack: create, secrets, a changed input, a clean refresh,
/// drift detected and repaired, destroy.
fn lifecycle(ws: &Workspace, files: &Path) {
    ws.init();
    ws.config_set("dir", files.to_str().expect("utf-8 temp path"), false);
    ws.config_set("generation", "one", false);

    // 1. `up` creates everything.
    ws.up("up #1 (create)");
    let first = ws.outputs(true);
    check_outputs(&first, files);
    let (raw, state) = ws.export();
    let resources = Workspace::resources(&state);
    for (name, ty) in RESOURCES {
        assert_eq!(state_of(&resources, name)["type"], *ty, "resource {name}");
    }

    // 2. Secrets stay secrets: encrypted in the state, masked in outputs.
    let password = text(&first, "passwordResult");
    let key_line = text(&first, "privateKeyPem").lines().nth(1).expect("a PEM body line").to_string();
    assert!(!raw.contains(password), "the exported state holds the password in plaintext");
    assert!(!raw.contains(&key_line), "the exported state holds the private key in plaintext");
    assert!(is_ciphertext(&state_of(&resources, "password")["outputs"]["result"]), "random_password.result is not stored as a secret");
    assert!(is_ciphertext(&state_of(&resources, "key")["outputs"]["privateKeyPem"]), "tls_private_key.private_key_pem is not stored as a secret");
    assert!(is_ciphertext(&state_of(&resources, "cert")["inputs"]["privateKeyPem"]), "the cert's private_key_pem input is not stored as a secret");
    let masked = ws.outputs(false);
    for secret in ["passwordResult", "privateKeyPem"] {
        assert_ne!(masked[secret], first[secret], "`stack output` shows the secret {secret}");
    }
    ws.preview_no_changes("preview after up #1");

    // 3. A changed input: the providers plan replacements for what follows it, nothing else.
    ws.config_set("generation", "two", false);
    let preview = ws.run("preview #2 (json)", &["preview", "--json", "--non-interactive", "--stack", e2e_support::pulumi::STACK]);
    let ops = planned_ops(&preview.stdout);
    for name in REPLACED_ON_GENERATION {
        assert!(is_replacement(ops.get(*name)), "{name} should be replaced; plan: {ops:?}");
    }
    for (name, _) in RESOURCES.iter().filter(|(n, _)| !REPLACED_ON_GENERATION.contains(n)) {
        assert!(is_unchanged(ops.get(*name)), "{name} should not change; plan: {ops:?}");
    }
    ws.up("up #2 (changed input)");
    let second = ws.outputs(true);
    check_outputs(&second, files);
    // The trigger's id is its creation time (seconds), so it is not compared: its
    // replacement is asserted in the plan above, and its triggers must follow the config.
    assert_eq!(text(&first, "triggerGeneration"), "one");
    assert_eq!(text(&second, "triggerGeneration"), "two");
    for changed in ["petName", "idHex"] {
        assert_ne!(second[changed], first[changed], "{changed} should have been replaced");
    }
    for same in ["passwordResult", "publicKeyPem", "certPem"] {
        assert_eq!(second[same], first[same], "{same} should not have changed");
    }

    // 4. Refresh against the real world finds nothing to change.
    ws.refresh("refresh (clean)", true);
    ws.preview_no_changes("preview after refresh");

    // 5. Drift: the file is deleted behind Pulumi's back, detected, then repaired.
    let path = files.join("pet.txt");
    std::fs::remove_file(&path).expect("delete the file");
    let drift = ws.try_run("preview --refresh (drift)", &["preview", "--refresh", "--expect-no-changes", "--non-interactive", "--stack", e2e_support::pulumi::STACK]);
    assert!(!drift.status.success(), "a deleted file went unnoticed by preview --refresh\n{}", drift.show());
    ws.refresh("refresh (drift)", false);
    let (_, state) = ws.export();
    assert!(
        !Workspace::resources(&state).iter().any(|r| r["urn"].as_str().is_some_and(|u| urn_name(u) == "file") && r["type"] == "local:index/file:File"),
        "refresh kept the deleted file in the state"
    );
    ws.up("up #3 (repair)");
    check_outputs(&ws.outputs(true), files);
    ws.refresh("refresh after repair", true);
    ws.preview_no_changes("preview after repair");

    // 6. Destroy removes everything, on disk too.
    ws.destroy("destroy");
    let (_, state) = ws.export();
    assert!(Workspace::resources(&state).is_empty(), "resources left after destroy: {state}");
    assert!(!path.exists(), "the file survived destroy");
}

/// The engine, the providers and cloudgen's shim commands, or `None` after saying why.
fn provider_tools(logs: &Path) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let engine = tools::engine_bin_dir()?;
    let tf = tools::tf_providers_dir(PROVIDERS)?;
    if !cloudgen::has_shim_commands(logs) {
        tools::skip("this cloudgen has no `import-schema`/`shim` commands (the provider shim)");
        return None;
    }
    Some((engine, tf))
}

#[test]
fn providers_typescript() {
    let scratch = Scratch::new("providers-ts");
    let logs = scratch.path().join("logs");
    let Some((engine, tf)) = provider_tools(&logs) else { return };
    let Some(nm) = tools::node_modules() else { return };
    let gen = cloudgen::generate("providers-ts", PROVIDERS, &tf, scratch.path(), &logs);
    let work = scratch.path().join("project");
    project::typescript("providers-ts", &work, &project::program_dir("providers", "typescript"), &gen.typescript, &nm, &logs);
    let files = scratch.path().join("files");
    std::fs::create_dir_all(&files).expect("mkdir files");
    let ws = Workspace::new("providers-ts", &engine, &work, scratch.path(), vec![gen.plugins.clone(), tf]);
    lifecycle(&ws, &files);
}

#[test]
fn providers_python() {
    let scratch = Scratch::new("providers-py");
    let logs = scratch.path().join("logs");
    let Some((engine, tf)) = provider_tools(&logs) else { return };
    let Some(venv) = tools::python_venv() else { return };
    let gen = cloudgen::generate("providers-py", PROVIDERS, &tf, scratch.path(), &logs);
    let work = scratch.path().join("project");
    let pythonpath = project::python("providers-py", &work, &project::program_dir("providers", "python"), &gen.python, &venv, &logs);
    let files = scratch.path().join("files");
    std::fs::create_dir_all(&files).expect("mkdir files");
    let mut ws = Workspace::new("providers-py", &engine, &work, scratch.path(), vec![gen.plugins.clone(), tf]);
    ws.env("PYTHONPATH", pythonpath);
    ws.env("PYTHONDONTWRITEBYTECODE", "1");
    lifecycle(&ws, &files);
}
