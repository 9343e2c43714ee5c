//! Running a child process with a deadline: its own process group (so the plugins a
//! `pulumi` run starts die with it), stdout/stderr into log files (no pipe to fill up while
//! we wait), and on timeout the whole group killed and a panic that says which step hung.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What a finished step left behind.
pub struct Ran {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// Where the full logs are, for failure messages.
    pub logs: PathBuf,
}

impl Ran {
    /// The tail of both streams, for assertion messages.
    pub fn show(&self) -> String {
        format!(
            "exit: {}\nlogs: {}\n--- stdout (tail) ---\n{}\n--- stderr (tail) ---\n{}",
            self.status,
            self.logs.display(),
            tail(&self.stdout, 60),
            tail(&self.stderr, 60)
        )
    }
}

/// The last `n` lines of `s`.
pub fn tail(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Runs `cmd` to completion or until `timeout`, logging to `log_dir/<step>.{stdout,stderr}`.
/// A timeout kills the process group and panics; a non-zero exit is returned, not judged.
pub fn run_bounded(step: &str, mut cmd: Command, log_dir: &Path, timeout: Duration) -> Ran {
    use std::os::unix::process::CommandExt as _;
    std::fs::create_dir_all(log_dir).expect("create log dir");
    let file = sanitize(step);
    let out_path = log_dir.join(format!("{file}.stdout"));
    let err_path = log_dir.join(format!("{file}.stderr"));
    let out = std::fs::File::create(&out_path).expect("create stdout log");
    let err = std::fs::File::create(&err_path).expect("create stderr log");
    cmd.stdin(Stdio::null()).stdout(out).stderr(err).process_group(0);

    let start = Instant::now();
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("[{step}] could not start {cmd:?}: {e}"));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break status;
        }
        if start.elapsed() > timeout {
            kill_group(child.id());
            let _ = child.wait();
            let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
            let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
            panic!(
                "[{step}] timed out after {}s and was killed (set CLOUDGEN_E2E_TIMEOUT_SECS to allow longer)\ncommand: {cmd:?}\nlogs: {}\n--- stdout (tail) ---\n{}\n--- stderr (tail) ---\n{}",
                timeout.as_secs(),
                log_dir.display(),
                tail(&stdout, 60),
                tail(&stderr, 60)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Ran {
        status,
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
        elapsed: start.elapsed(),
        logs: log_dir.to_path_buf(),
    }
}

/// Runs a step that must succeed; panics with its output otherwise.
pub fn run_ok(step: &str, cmd: Command, log_dir: &Path, timeout: Duration) -> Ran {
    let ran = run_bounded(step, cmd, log_dir, timeout);
    assert!(ran.status.success(), "[{step}] failed\n{}", ran.show());
    ran
}

/// SIGKILL to the whole process group `pgid` (the child was made a group leader), so a
/// hung `pulumi` takes its language host, program and provider plugins with it.
fn kill_group(pgid: u32) {
    let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pgid}")]).status();
}

/// A step name as a file name.
fn sanitize(step: &str) -> String {
    step.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

/// The per-step deadline: CLOUDGEN_E2E_TIMEOUT_SECS, else `default_secs`.
pub fn step_timeout(default_secs: u64) -> Duration {
    let secs = std::env::var("CLOUDGEN_E2E_TIMEOUT_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(default_secs);
    Duration::from_secs(secs)
}
