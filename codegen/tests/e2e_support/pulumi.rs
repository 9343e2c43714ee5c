//! One Pulumi project and stack driven through the real `pulumi` CLI, sealed off from the
//! machine: PULUMI_HOME and the file backend in the test's temp dir, the passphrase
//! secrets provider, no update checks, no plugin downloads, no network beyond loopback.
//! Plugins (language hosts, resource providers) come only from PATH.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::run::{run_bounded, run_ok, step_timeout, Ran};

/// The passphrase the stack's secrets are encrypted with.
pub const PASSPHRASE: &str = "cloudgen-e2e-passphrase";

/// The stack every test uses (one project per temp dir, so no clashes).
pub const STACK: &str = "e2e";

/// A project directory with its own Pulumi home and state backend.
pub struct Workspace {
    label: String,
    engine: PathBuf,
    project: PathBuf,
    home: PathBuf,
    state: PathBuf,
    logs: PathBuf,
    path: Vec<PathBuf>,
    env: Vec<(String, OsString)>,
    timeout: Duration,
}

impl Workspace {
    /// A workspace for the project in `project` (its Pulumi.yaml already written), with
    /// home, state and logs under `scratch`. `path` is put before PATH (after the engine).
    pub fn new(label: &str, engine: &Path, project: &Path, scratch: &Path, path: Vec<PathBuf>) -> Self {
        let ws = Workspace {
            label: label.to_string(),
            engine: engine.to_path_buf(),
            project: project.to_path_buf(),
            home: scratch.join("pulumi-home"),
            state: scratch.join("pulumi-state"),
            logs: scratch.join("logs"),
            path,
            env: Vec::new(),
            timeout: step_timeout(600),
        };
        for d in [&ws.home, &ws.state, &ws.logs] {
            std::fs::create_dir_all(d).expect("create workspace dirs");
        }
        ws
    }

    /// An extra environment variable for every `pulumi` run (and so for the program).
    pub fn env(&mut self, key: &str, value: impl Into<OsString>) {
        self.env.push((key.to_string(), value.into()));
    }

    /// `pulumi` with `args`, in the project directory, with the sealed environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(self.engine.join("pulumi"));
        cmd.args(args).current_dir(&self.project);
        // Nothing from the developer's own Pulumi setup may leak in (backend, tokens,
        // IGNORE_AMBIENT_PLUGINS, ...).
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("PULUMI_") {
                cmd.env_remove(k);
            }
        }
        let mut path = vec![self.engine.clone()];
        path.extend(self.path.iter().cloned());
        path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        cmd.env("PATH", std::env::join_paths(path).expect("PATH entries"))
            .env("PULUMI_HOME", &self.home)
            .env("PULUMI_BACKEND_URL", format!("file://{}", self.state.display()))
            .env("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
            .env("PULUMI_SKIP_UPDATE_CHECK", "true")
            .env("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true")
            .env("PULUMI_DISABLE_REGISTRY_RESOLVE", "true")
            .env("PULUMI_SKIP_CONFIRMATIONS", "true")
            .env("PULUMI_DIY_BACKEND_NO_LEGACY_WARNING", "true")
            .env("PULUMI_SUPPRESS_NEO_LINK", "true")
            .env("NO_COLOR", "1");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    fn step(&self, step: &str) -> String {
        format!("{}: {step}", self.label)
    }

    /// Runs `pulumi args`, which must succeed.
    pub fn run(&self, step: &str, args: &[&str]) -> Ran {
        run_ok(&self.step(step), self.command(args), &self.logs, self.timeout)
    }

    /// Runs `pulumi args` and returns whatever happened.
    pub fn try_run(&self, step: &str, args: &[&str]) -> Ran {
        run_bounded(&self.step(step), self.command(args), &self.logs, self.timeout)
    }

    /// `pulumi login file://<state>` and `pulumi stack init e2e`.
    pub fn init(&self) {
        let url = format!("file://{}", self.state.display());
        self.run("login", &["login", &url]);
        self.run("stack init", &["stack", "init", STACK, "--non-interactive"]);
    }

    /// `pulumi config set [--secret] key value`.
    pub fn config_set(&self, key: &str, value: &str, secret: bool) {
        let mut args = vec!["config", "set", key, value, "--stack", STACK];
        if secret {
            args.push("--secret");
        }
        self.run(&format!("config set {key}"), &args);
    }

    /// `pulumi up --yes`; returns the run (its stdout lists the operations).
    pub fn up(&self, step: &str) -> Ran {
        self.run(step, &["up", "--yes", "--non-interactive", "--skip-preview", "--color", "never", "--stack", STACK])
    }

    /// `pulumi preview --expect-no-changes`: fails the test if the program and the state differ.
    pub fn preview_no_changes(&self, step: &str) -> Ran {
        self.run(step, &["preview", "--expect-no-changes", "--non-interactive", "--color", "never", "--stack", STACK])
    }

    /// `pulumi refresh --yes [--expect-no-changes]`.
    pub fn refresh(&self, step: &str, expect_no_changes: bool) -> Ran {
        let mut args = vec!["refresh", "--yes", "--non-interactive", "--skip-preview", "--color", "never", "--stack", STACK];
        if expect_no_changes {
            args.push("--expect-no-changes");
        }
        self.run(step, &args)
    }

    /// `pulumi destroy --yes`.
    pub fn destroy(&self, step: &str) -> Ran {
        self.run(step, &["destroy", "--yes", "--non-interactive", "--skip-preview", "--color", "never", "--stack", STACK])
    }

    /// The stack's outputs (`pulumi stack output --json`), secrets in plaintext if asked.
    pub fn outputs(&self, show_secrets: bool) -> Value {
        let mut args = vec!["stack", "output", "--json", "--stack", STACK];
        if show_secrets {
            args.push("--show-secrets");
        }
        let step = if show_secrets { "stack output --show-secrets" } else { "stack output" };
        let ran = self.run(step, &args);
        serde_json::from_str(&ran.stdout).unwrap_or_else(|e| panic!("[{}] stack output is not JSON: {e}\n{}", self.label, ran.show()))
    }

    /// The stack's state as stored (`pulumi stack export`, secrets left encrypted).
    pub fn export(&self) -> (String, Value) {
        let ran = self.run("stack export", &["stack", "export", "--stack", STACK]);
        let v = serde_json::from_str(&ran.stdout).unwrap_or_else(|e| panic!("[{}] stack export is not JSON: {e}\n{}", self.label, ran.show()));
        (ran.stdout, v)
    }

    /// The resources in an exported state.
    pub fn resources(export: &Value) -> Vec<Value> {
        export.pointer("/deployment/resources").and_then(Value::as_array).cloned().unwrap_or_default()
    }

    /// Where this workspace's step logs go.
    pub fn logs(&self) -> &Path {
        &self.logs
    }
}
