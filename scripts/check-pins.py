#!/usr/bin/env python3
"""Check that every pinned dependency the tests install still resolves from its registry,
with no local cache: metadata only, so it costs seconds, not a rebuild.

Why: a warm cache hides a pin the registry no longer serves (the Go module proxy stopped
serving the null provider's pseudo-version; only machines whose module cache still held it
stayed green). scripts/test.sh runs this first, so such a pin fails every run, on every
machine, with the pin's name and the registry's answer.

What is checked, and how (each against the registry the matching client would use):
  cargo   Cargo.lock                         crates.io sparse index: version listed, checksum equal, not yanked
  npm     tests/toolchains/node/package-lock.json   registry version document: present, integrity equal
  pypi    tests/toolchains/python/*requirements.txt PEP 691 simple index: a file of that version, not yanked
  go      tests/terraform-providers/providers.txt   each provider pin, then its module graph
          tests/e2e/engine/go.mod (+ go.sum)        the engine's whole module graph
          the Go SDK requirements (generated go.mod) and the official SDKs the parity tests use
  maven   tests/toolchains/java/pom.xml              the dependency graph (poms) by Maven itself,
                                                     then every jar in it (HEAD)
Go and Maven run their own clients against an empty, temporary GOMODCACHE / local
repository; the rest are plain HTTPS requests.

Usage: scripts/check-pins.py [--only cargo,npm,pypi,go,maven] [--repo DIR]
  --repo: check the pins of another checkout (default: this script's; the tests point it at
  a scratch tree holding a pin the registry refuses).
Exit status: 0 when every pin resolves, 1 when one does not (each failure says which pin,
where it is pinned, what the registry answered and how to fix it), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HTTP_TIMEOUT = 30
HTTP_WORKERS = 8


@dataclass
class Failure:
    """One pin that does not resolve."""

    pin: str
    where: str
    answer: str
    fix: str


def log(msg: str) -> None:
    print(f"check-pins: {msg}", file=sys.stderr, flush=True)


def rel(path: Path) -> str:
    return str(path.relative_to(REPO))


_local = threading.local()

# An answer that says nothing about the pin: the network or the registry failed this time.
TRANSIENT = re.compile(r"dial tcp|i/o timeout|lookup .* on|connection (reset|refused)|TLS handshake|"
                       r"temporary failure|timed out|no such host|50[0234] ", re.I)


def fetch(url: str, method: str = "GET", accept: str | None = None) -> tuple[int, bytes, str]:
    """(status, body, reason); status 0 when no answer came after three tries.

    One kept-alive connection per host and thread: a few hundred requests then cost a few
    DNS lookups and TLS handshakes, not one each (a burst of lookups is what a small
    resolver drops)."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"User-Agent": "cloudgen-check-pins"}
    if accept:
        headers["Accept"] = accept
    conns = _local.__dict__.setdefault("conns", {})
    reason = "no answer"
    for attempt in range(3):
        conn = conns.get(parts.netloc)
        if conn is None:
            conn = conns[parts.netloc] = http.client.HTTPSConnection(parts.netloc, timeout=HTTP_TIMEOUT)
        try:
            conn.request(method, path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status < 500:
                if resp.status >= 400:
                    reason = f"{resp.status} {resp.reason}: {body[:300].decode('utf-8', 'replace').strip()}"
                else:
                    reason = resp.reason
                return resp.status, body, reason
            reason = f"{resp.status} {resp.reason}"
        except (OSError, http.client.HTTPException) as e:
            reason = f"no answer: {e}"
            conn.close()
            conns.pop(parts.netloc, None)
        time.sleep(1 + 2 * attempt)
    return 0, b"", reason


def run_go(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A go command, tried again (up to three times) when it failed on the network rather
    than on an answer from the proxy."""
    for attempt in range(3):
        out = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        if out.returncode == 0 or not TRANSIENT.search(out.stderr) or attempt == 2:
            return out
        time.sleep(2 + 3 * attempt)
    return out


def parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(HTTP_WORKERS) as pool:
        return [f for fs in pool.map(fn, items) for f in fs]


# --- cargo ---------------------------------------------------------------------------------

def sparse_path(name: str) -> str:
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[:2]}/{n[2:4]}/{n}"


def check_cargo() -> tuple[int, list[Failure]]:
    lock = REPO / "Cargo.lock"
    pkgs = [
        p for p in tomllib.loads(lock.read_text())["package"]
        if p.get("source", "").startswith("registry+https://github.com/rust-lang/crates.io-index")
    ]
    by_name: dict[str, list[dict]] = {}
    for p in pkgs:
        by_name.setdefault(p["name"], []).append(p)
    fix = "run `cargo update -p NAME` to a served version and commit Cargo.lock"

    def one(name: str) -> list[Failure]:
        status, body, reason = fetch(f"https://index.crates.io/{sparse_path(name)}")
        wanted = by_name[name]
        if status != 200:
            return [Failure(f"{name}@{p['version']}", rel(lock), reason, fix) for p in wanted]
        listed = {}
        for line in body.decode().splitlines():
            if line.strip():
                entry = json.loads(line)
                listed[entry["vers"]] = entry
        out = []
        for p in wanted:
            entry = listed.get(p["version"])
            if entry is None:
                out.append(Failure(f"{name}@{p['version']}", rel(lock), "the index does not list this version", fix))
            elif entry.get("cksum") != p.get("checksum"):
                out.append(Failure(f"{name}@{p['version']}", rel(lock), f"checksum {entry.get('cksum')} differs from the lock's", fix))
        return out

    return len(pkgs), parallel(one, sorted(by_name))


# --- npm -----------------------------------------------------------------------------------

def npm_registry() -> str:
    try:
        out = subprocess.run(["npm", "config", "get", "registry"], capture_output=True, text=True, timeout=60)
        if out.returncode == 0 and out.stdout.strip().startswith("http"):
            return out.stdout.strip().rstrip("/")
    except (OSError, subprocess.TimeoutExpired):
        pass
    return "https://registry.npmjs.org"


def check_npm() -> tuple[int, list[Failure]]:
    lock = REPO / "tests/toolchains/node/package-lock.json"
    registry = npm_registry()
    pins = []
    for path, meta in json.loads(lock.read_text())["packages"].items():
        if not path or meta.get("link"):
            continue
        name = meta.get("name") or path.rsplit("node_modules/", 1)[-1]
        pins.append((name, meta["version"], meta.get("integrity")))
    pins = sorted(set(pins))
    fix = "pick a served version in tests/toolchains/node/package.json, then `npm install --package-lock-only`"

    def one(pin) -> list[Failure]:
        name, version, integrity = pin
        url = f"{registry}/{urllib.parse.quote(name, safe='@')}/{version}"
        status, body, reason = fetch(url, accept="application/json")
        if status != 200:
            return [Failure(f"{name}@{version}", rel(lock), reason, fix)]
        got = json.loads(body).get("dist", {}).get("integrity")
        if integrity and got != integrity:
            return [Failure(f"{name}@{version}", rel(lock), f"integrity {got} differs from the lock's", fix)]
        return []

    return len(pins), parallel(one, pins)


# --- pypi ----------------------------------------------------------------------------------

def pypi_index() -> str:
    url = os.environ.get("PIP_INDEX_URL")
    if not url:
        try:
            out = subprocess.run([sys.executable, "-m", "pip", "config", "get", "global.index-url"],
                                 capture_output=True, text=True, timeout=60)
            url = out.stdout.strip() if out.returncode == 0 else ""
        except (OSError, subprocess.TimeoutExpired):
            url = ""
    return (url or "https://pypi.org/simple").rstrip("/")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def check_pypi() -> tuple[int, list[Failure]]:
    index = pypi_index()
    pins = []
    for manifest in ["tests/toolchains/python/requirements.txt", "tests/toolchains/python/parity-requirements.txt"]:
        for line in (REPO / manifest).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
                if not m:
                    return 0, [Failure(line, manifest, "not a `name==version` pin", "pin every package exactly")]
                pins.append((m[1], m[2], manifest))
    fix = "pick a served version, resolve in a scratch venv and refresh the file (see tests/toolchains/README.md)"

    def one(pin) -> list[Failure]:
        name, version, manifest = pin
        status, body, reason = fetch(f"{index}/{normalize(name)}/", accept="application/vnd.pypi.simple.v1+json")
        if status != 200:
            return [Failure(f"{name}=={version}", manifest, reason, fix)]
        stem = re.sub(r"[-_.]+", "_", name).lower()
        files = [
            f for f in json.loads(body).get("files", [])
            if f["filename"].lower().startswith(f"{stem}-{version}-".lower())
            or f["filename"].lower().startswith(f"{normalize(name)}-{version}-")
            or f["filename"].lower() in (f"{stem}-{version}.tar.gz", f"{normalize(name)}-{version}.tar.gz")
        ]
        if not files:
            return [Failure(f"{name}=={version}", manifest, "the index lists no file of this version", fix)]
        if all(f.get("yanked") for f in files):
            return [Failure(f"{name}=={version}", manifest, "every file of this version is yanked", fix)]
        return []

    return len(pins), parallel(one, pins)


# --- go ------------------------------------------------------------------------------------

def go_env(cache: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, GOMODCACHE=str(cache), GOWORK="off", GOTOOLCHAIN="local", GOFLAGS="-mod=mod")
    env.update(extra)
    return env


def go_graph(module_dir: Path, env: dict[str, str]) -> tuple[int, str | None]:
    """`go list -m all` in `module_dir`: (modules listed, error text or None)."""
    out = run_go(["go", "list", "-m", "all"], module_dir, env)
    if out.returncode != 0:
        return 0, out.stderr.strip()
    return len(out.stdout.splitlines()), None


def go_mod_of(requires: list[tuple[str, str]], go_version: str = "1.25") -> str:
    lines = "".join(f"\t{m} {v}\n" for m, v in requires)
    return f"module cloudgen.check/pins\n\ngo {go_version}\n\nrequire (\n{lines})\n"


def check_go() -> tuple[int, list[Failure]]:
    failures: list[Failure] = []
    count = 0
    with tempfile.TemporaryDirectory(prefix="cloudgen-check-pins-go-") as tmp:
        tmp = Path(tmp)
        cache = tmp / "modcache"
        # 1. Terraform providers: the pinned module, then the graph its go.mod asks for.
        pins = REPO / "tests/terraform-providers/providers.txt"
        for line in pins.read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, module, version = line.split()[:3]
            count += 1
            env = go_env(cache, GONOSUMDB=module)
            out = run_go(["go", "list", "-m", "-json", f"{module}@{version}"], tmp, env)
            if out.returncode != 0:
                failures.append(Failure(f"{module}@{version} ({name})", rel(pins), out.stderr.strip(),
                                        f"pick a version the proxy serves (`GOMODCACHE=$(mktemp -d) go list -m -versions {module}`) and update its line (version and h1: hash)"))
                continue
            work = tmp / f"provider-{name}"
            work.mkdir()
            shutil.copy(json.loads(out.stdout)["GoMod"], work / "go.mod")
            n, err = go_graph(work, env)
            count += n
            if err:
                failures.append(Failure(f"the module graph of {module}@{version}", rel(pins), err,
                                        "the provider's own dependencies are not served: pin another provider version"))
        # 2. The engine: its committed go.mod + go.sum, read-only, as the build uses them.
        engine = REPO / "tests/e2e/engine"
        work = tmp / "engine"
        work.mkdir()
        for f in ["go.mod", "go.sum"]:
            shutil.copy(engine / f, work / f)
        n, err = go_graph(work, go_env(cache, GOFLAGS="-mod=readonly"))
        count += n
        if err:
            failures.append(Failure("the engine's module graph", rel(engine / "go.mod"), err,
                                    "bump the pin in tests/e2e/engine/go.mod to a served version and `go mod tidy`"))
        # 3. What generated Go SDKs require, and the official SDKs the parity programs build.
        sdk_mod = sorted((REPO / "generated/go").glob("*/go.mod"))
        requires: list[tuple[str, str]] = []
        if sdk_mod:
            requires = re.findall(r"^\t(\S+) (v\S+)$", sdk_mod[0].read_text(), flags=re.M)
        parity = [("github.com/pulumi/pulumi-random/sdk/v4", "v4.21.1"), ("github.com/pulumi/pulumi-tls/sdk/v4", "v4.10.0")]
        for label, reqs, where in [
            ("the Go SDK's requirements", requires, rel(sdk_mod[0]) if sdk_mod else "generated/go"),
            ("the official parity SDKs", parity, "codegen/tests/go_target.rs"),
        ]:
            work = tmp / label.replace(" ", "-").replace("'", "")
            work.mkdir()
            (work / "go.mod").write_text(go_mod_of(reqs))
            n, err = go_graph(work, go_env(cache))
            count += n
            if err:
                failures.append(Failure(label, where, err, "bump the pinned version to one the proxy serves"))
        subprocess.run(["go", "clean", "-modcache"], env=go_env(cache), capture_output=True)
    return count, failures


# --- maven ---------------------------------------------------------------------------------

def check_maven() -> tuple[int, list[Failure]]:
    pom = REPO / "tests/toolchains/java/pom.xml"
    fix = "pick a version Maven Central serves in tests/toolchains/java/pom.xml (and PULUMI_JAVA_VERSION)"
    with tempfile.TemporaryDirectory(prefix="cloudgen-check-pins-m2-") as tmp:
        tree = Path(tmp) / "tree.txt"
        for attempt in range(3):
            out = subprocess.run(
                ["mvn", "-B", "-q", "-f", str(pom), f"-Dmaven.repo.local={tmp}/repo", "dependency:tree",
                 f"-DoutputFile={tree}", "-DoutputType=text"],
                capture_output=True, text=True, timeout=600,
            )
            # Maven reports a failed download, not why; retry what looks like the network.
            if out.returncode == 0 or not re.search(r"UnknownHost|timed out|Connection reset|transfer failed", out.stdout, re.I):
                break
            time.sleep(2 + 3 * attempt)
        if out.returncode != 0:
            errors = [l for l in out.stdout.splitlines() if "[ERROR]" in l][:5]
            return 0, [Failure("the dependency graph", rel(pom), "\n".join(errors) or out.stdout[-800:], fix)]
        coords = re.findall(r"([\w.\-]+):([\w.\-]+):(jar|pom):([\w.\-]+):(?:compile|runtime|provided|test|system)", tree.read_text())
    artifacts = sorted(set(coords))

    def one(c) -> list[Failure]:
        g, a, kind, v = c
        if kind != "jar":
            return []
        url = f"https://repo.maven.apache.org/maven2/{g.replace('.', '/')}/{a}/{v}/{a}-{v}.jar"
        status, _, reason = fetch(url, method="HEAD")
        return [] if status == 200 else [Failure(f"{g}:{a}:{v}", rel(pom), f"{url}: {reason}", fix)]

    return len(artifacts), parallel(one, artifacts)


CHECKS = {"cargo": check_cargo, "npm": check_npm, "pypi": check_pypi, "go": check_go, "maven": check_maven}
TOOLS = {"npm": "npm", "go": "go", "maven": "mvn"}


def main() -> int:
    global REPO
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default=",".join(CHECKS), help="comma-separated subset of: " + ", ".join(CHECKS))
    ap.add_argument("--repo", type=Path, default=REPO, help="the checkout whose pins to check")
    args = ap.parse_args()
    REPO = args.repo.resolve()
    wanted = [c.strip() for c in args.only.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in CHECKS]
    if unknown:
        ap.error(f"unknown check(s): {', '.join(unknown)}")
    start = time.monotonic()
    failures: list[tuple[str, Failure]] = []

    def run(name: str) -> list[tuple[str, Failure]]:
        tool = TOOLS.get(name)
        if tool and shutil.which(tool) is None:
            return [(name, Failure(f"the {tool} command", "PATH", f"{tool} is not installed", f"install {tool}"))]
        t = time.monotonic()
        count, fails = CHECKS[name]()
        log(f"{name}: {count} pins checked, {len(fails)} unresolvable ({time.monotonic() - t:.1f}s)")
        return [(name, f) for f in fails]

    # The checks wait on the network, not the CPU: all at once.
    with concurrent.futures.ThreadPoolExecutor(len(wanted)) as pool:
        for fails in pool.map(run, wanted):
            failures += fails
    for name, f in failures:
        log(f"error: {name}: {f.pin} (pinned in {f.where}) does not resolve")
        for line in f.answer.splitlines()[:8]:
            log(f"    registry: {line}")
        log(f"    fix: {f.fix}")
    verdict = "every pin resolves" if not failures else f"{len(failures)} pin(s) do not resolve"
    log(f"{verdict} ({time.monotonic() - start:.1f}s, no local cache used)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
