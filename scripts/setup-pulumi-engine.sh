#!/usr/bin/env bash
# Build the Pulumi engine the end-to-end suite drives (tests/e2e/, shim/tests/e2e.rs):
#   - the `pulumi` CLI from github.com/pulumi/pulumi/pkg/v3 (pinned in tests/e2e/engine/go.mod;
#     pkg/v3 has replace directives, so it is built as a dependency of that small module,
#     whose go.sum pins every module in the graph);
#   - the Node.js and Python language hosts: tests/e2e/engine/langhost, installed as
#     pulumi-language-nodejs and pulumi-language-python (see the comment in its main.go for
#     why it is ours), plus pulumi-language-python-exec from the pinned sdk/v3 module.
# The runtimes the programs run on (@pulumi/pulumi, the pulumi wheel) come from
# scripts/setup-tools.sh.
#
# It goes into a cache OUTSIDE the clone, ${CLOUDGEN_TOOLS_DIR:-$HOME/.cache/cloudgen-tools},
# in a directory named after a hash of the module files, the host's sources and the Go
# version, so a second run is a fast no-op and bumping a pin builds beside the old tree:
#   $TOOLS/pulumi-engine-<hash>/bin/{pulumi,pulumi-language-*}   $TOOLS/pulumi-engine -> ...
# Go's own caches (GOMODCACHE, GOCACHE) are used as they are configured.
#
# Usage: scripts/setup-pulumi-engine.sh [--print-env]
#   Progress goes to stderr. With --print-env, stdout gets
#   `export CLOUDGEN_PULUMI_BIN_DIR=...` for scripts/test.sh to eval.
#
# Needs: go (>= the module's go directive) and the Go module proxy on the first run only.
# The first build compiles the whole CLI: see README "End-to-end suite" for the measured cost.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
setup_init setup-pulumi-engine 24 "$@"
module="$repo/tests/e2e/engine"

command -v go >/dev/null || die "go is not on PATH (need the version in $module/go.mod)"

go_version="$(go env GOVERSION)"
key="$( { cat "$module/go.mod" "$module/go.sum"; find "$module/langhost" -type f -name '*.go' | LC_ALL=C sort | xargs cat; echo "go=$go_version"; } | sha256 | cut -c1-16)"
dir="$tools/pulumi-engine-$key"
# The CLI's version string, taken from the pin so `pulumi version` tells the truth.
pkg_version="$(awk '$1=="github.com/pulumi/pulumi/pkg/v3"{print $2}' "$module/go.mod")"
[[ -n "$pkg_version" ]] || die "no github.com/pulumi/pulumi/pkg/v3 requirement in $module/go.mod"

# Shares the lock with the other setup scripts: one setup at a time per cache directory.
setup_lock

if [[ -f "$dir/.complete" ]]; then
  log "pulumi engine up to date: $dir/bin"
else
  log "building the pulumi CLI $pkg_version and the language hosts into $dir ($go_version)"
  start=$SECONDS
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  # -mod=readonly: the committed go.sum is the pin; a build never rewrites it.
  # -trimpath + no VCS stamping: the binaries do not depend on where things live.
  # CGO off: no C toolchain needed, and the CLI only talks to loopback and files here.
  export GOFLAGS="-mod=readonly -buildvcs=false -trimpath"
  export CGO_ENABLED=0
  (cd "$module" && nice -n 10 go build \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$pkg_version" \
      -o "$dir/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2) \
    || die "building the pulumi CLI failed (go's reason is above; pins: tests/e2e/engine/go.mod + go.sum; \`scripts/check-pins.py --only go\` names a module the proxy refuses)"
  log "  built pulumi in $((SECONDS - start))s"
  (cd "$module" && nice -n 10 go build -o "$dir/bin/cloudgen-langhost" ./langhost >&2) \
    || die "building the language host failed"
  ln -s cloudgen-langhost "$dir/bin/pulumi-language-nodejs"
  ln -s cloudgen-langhost "$dir/bin/pulumi-language-python"
  # The Python runtime's entry point ships in the sdk/v3 module the CLI was built against.
  sdk_dir="$(cd "$module" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
  install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$dir/bin/pulumi-language-python-exec" \
    || die "pulumi-language-python-exec is missing from $sdk_dir"
  "$dir/bin/pulumi" version >/dev/null || die "the built pulumi CLI does not run"
  touch "$dir/.complete"
  log "pulumi engine built in $((SECONDS - start))s: $("$dir/bin/pulumi" version)"
fi

setup_link "pulumi-engine-$key" pulumi-engine

stale=$(find "$tools" -maxdepth 1 -mindepth 1 -type d -name 'pulumi-engine-*' ! -name "pulumi-engine-$key" | wc -l)
if [[ "$stale" -gt 0 ]]; then
  log "note: $stale older engine tree(s) in $tools from other pins; delete them if unused"
fi

if [[ $print_env -eq 1 ]]; then
  printf 'export CLOUDGEN_PULUMI_BIN_DIR=%q\n' "$dir/bin"
fi
log "ready: CLOUDGEN_PULUMI_BIN_DIR=$dir/bin"
