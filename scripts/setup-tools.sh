#!/usr/bin/env bash
# Install the pinned toolchains that cloudgen's toolchain and runtime tests drive:
#   - node: typescript, @pulumi/pulumi, @types/node  (tests/toolchains/node/package-lock.json)
#   - python: a venv with pulumi, mypy, pytest        (tests/toolchains/python/requirements.txt)
#     and, beside it, the official pulumi-random/pulumi-tls (parity-requirements.txt)
#
# They go into a cache OUTSIDE the clone, ${CLOUDGEN_TOOLS_DIR:-$HOME/.cache/cloudgen-tools},
# in directories named after a hash of the manifests (and of the interpreter they were built
# with), so a second run, or a second clone with the same pins, is a fast no-op, and bumping
# a pin installs beside the old tree instead of mutating it under a running test.
#
# Layout:
#   $TOOLS/node-<hash>/node_modules/...      $TOOLS/node   -> node-<hash>    (latest set up)
#   $TOOLS/python-<hash>/venv/bin/python     $TOOLS/python -> python-<hash>
#
# Usage: scripts/setup-tools.sh [--print-env]
#   Progress goes to stderr. With --print-env, stdout gets `export VAR=...` lines naming the
#   exact directories (scripts/test.sh evals them), so tests never depend on the symlinks.
#
# Needs: node >= 20 with npm, python >= 3.10 (override with CLOUDGEN_PYTHON), network access to
# the npm registry and PyPI on the first run only.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
setup_init setup-tools 22 "$@"
node_manifests=("$repo/tests/toolchains/node/package.json" "$repo/tests/toolchains/node/package-lock.json")
py_manifest="$repo/tests/toolchains/python/requirements.txt"
py_parity_manifest="$repo/tests/toolchains/python/parity-requirements.txt"
python="${CLOUDGEN_PYTHON:-python3}"

command -v node >/dev/null || die "node is not on PATH (need node >= 20)"
command -v npm >/dev/null || die "npm is not on PATH"
command -v "$python" >/dev/null || die "$python is not on PATH (need python >= 3.10; set CLOUDGEN_PYTHON)"
"$python" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || die "$python must be >= 3.10 and have the venv module"

# The interpreter is part of the key: a venv is bound to the python that made it, and a
# node_modules tree is only known-good for the node major it was installed with.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
py_id="$("$python" -c 'import sys; print(sys.version.split()[0], sys.executable)')"
node_key="$( { cat "${node_manifests[@]}"; echo "node-major=$node_major"; } | sha256 | cut -c1-16)"
py_key="$( { cat "$py_manifest" "$py_parity_manifest"; echo "python=$py_id"; } | sha256 | cut -c1-16)"
node_dir="$tools/node-$node_key"
py_dir="$tools/python-$py_key"

# One setup at a time per cache dir: concurrent clones (or concurrent CI jobs on one host)
# would otherwise race on the same target directory.
setup_lock

# A directory counts as installed only once its .complete marker exists; anything else is
# a leftover from an interrupted run and is rebuilt from scratch.
setup_node() {
  if [[ -f "$node_dir/.complete" ]]; then
    log "node tools up to date: $node_dir"
    return
  fi
  log "installing node tools into $node_dir (npm ci, pinned lock file; node $(node --version), npm $(npm --version 2>/dev/null))"
  local start=$SECONDS
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  cp "${node_manifests[@]}" "$node_dir/"
  # --ignore-scripts: nothing in the tree needs an install script to work (protobufjs's
  # postinstall only prints version hints), and not running them keeps installs hermetic.
  (cd "$node_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) \
    || die "npm ci failed in $node_dir (npm's reason is above; pins: tests/toolchains/node/package-lock.json; \`scripts/check-pins.py --only npm\` names a pin the registry refuses; to re-pin see tests/toolchains/README.md)"
  for bin in node_modules/typescript/bin/tsc node_modules/@pulumi/pulumi/index.js; do
    [[ -e "$node_dir/$bin" ]] || die "npm ci finished but $node_dir/$bin is missing"
  done
  touch "$node_dir/.complete"
  log "node tools installed in $((SECONDS - start))s: typescript $(node -p "require('$node_dir/node_modules/typescript/package.json').version"), @pulumi/pulumi $(node -p "require('$node_dir/node_modules/@pulumi/pulumi/package.json').version")"
}

setup_python() {
  if [[ -f "$py_dir/.complete" ]]; then
    log "python tools up to date: $py_dir"
    return
  fi
  log "installing python tools into $py_dir (venv + pip, pinned requirements; $("$python" --version 2>&1))"
  local start=$SECONDS
  rm -rf "$py_dir"
  mkdir -p "$py_dir"
  cp "$py_manifest" "$py_dir/"
  "$python" -m venv "$py_dir/venv" >&2 || die "could not create a venv with $python"
  "$py_dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-virtualenv -r "$py_manifest" >&2 \
    || die "pip install failed in $py_dir (pip's reason is above; pins: tests/toolchains/python/requirements.txt; \`scripts/check-pins.py --only pypi\` names a pin the index refuses; to re-pin see tests/toolchains/README.md)"
  "$py_dir/venv/bin/python" -c 'import pulumi, mypy, pytest' \
    || die "pip install finished but pulumi/mypy/pytest do not import"
  # The official SDKs for the parity programs, beside the venv (see the manifest's header).
  "$py_dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --no-deps --target "$py_dir/parity" -r "$py_parity_manifest" >&2 \
    || die "pip install of the official parity SDKs failed in $py_dir/parity (pins: tests/toolchains/python/parity-requirements.txt; \`scripts/check-pins.py --only pypi\`)"
  touch "$py_dir/.complete"
  log "python tools installed in $((SECONDS - start))s: $("$py_dir/venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | awk '$1=="pulumi"||$1=="mypy"||$1=="pytest"{printf "%s %s  ", $1, $2}')"
}

setup_node
setup_python

# Convenience symlinks for running `cargo test` by hand after a setup: the tests fall back
# to $CLOUDGEN_TOOLS_DIR/{node,python} when the exact paths are not in the environment.
# Replaced atomically (ln to a temp name, then rename) so a reader never sees them missing.
setup_link "node-$node_key" node
setup_link "python-$py_key" python

stale=$(find "$tools" -maxdepth 1 -mindepth 1 -type d \( -name 'node-*' -o -name 'python-*' \) \
  ! -name "node-$node_key" ! -name "python-$py_key" | wc -l)
if [[ "$stale" -gt 0 ]]; then
  log "note: $stale older tool tree(s) in $tools from other pins; delete them if unused"
fi

if [[ $print_env -eq 1 ]]; then
  printf 'export CLOUDGEN_TOOLS_DIR=%q\n' "$tools"
  printf 'export CLOUDGEN_NODE_MODULES=%q\n' "$node_dir/node_modules"
  printf 'export CLOUDGEN_PYTHON_VENV=%q\n' "$py_dir/venv"
  printf 'export CLOUDGEN_PYTHON_PARITY_SITE=%q\n' "$py_dir/parity"
fi
log "ready: CLOUDGEN_NODE_MODULES=$node_dir/node_modules CLOUDGEN_PYTHON_VENV=$py_dir/venv"
