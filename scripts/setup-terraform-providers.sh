#!/usr/bin/env bash
# Build the real Terraform providers that the shim tests drive (random, tls, local, null,
# time) from the Go module proxy with `go install MODULE@VERSION`, at the versions pinned in
# tests/terraform-providers/providers.txt.
#
# They go into a cache OUTSIDE the clone, ${CLOUDGEN_TOOLS_DIR:-$HOME/.cache/cloudgen-tools},
# in a directory named after a hash of the pins and of the Go version, so a second run is a
# fast no-op and bumping a pin builds beside the old tree:
#   $TOOLS/tf-providers-<hash>/bin/terraform-provider-<name>   $TOOLS/tf-providers -> ...
#
# Usage: scripts/setup-terraform-providers.sh [--print-env]
#   Progress goes to stderr. With --print-env, stdout gets
#   `export CLOUDGEN_TF_PROVIDERS_DIR=...` (the bin directory) for scripts/test.sh to eval.
#
# Needs: go (>= the providers' go directive, 1.25.8 for these pins) and the Go module proxy
# on the first run only. Builds run at `nice -n 10`, two packages at a time (GOFLAGS=-p=2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
setup_init setup-terraform-providers 17 "$@"
pins="$repo/tests/terraform-providers/providers.txt"

command -v go >/dev/null || die "go is not on PATH (need go >= 1.25.8)"

go_version="$(go env GOVERSION)"
key="$( { grep -v '^#' "$pins"; echo "go=$go_version"; } | sha256 | cut -c1-16)"
dir="$tools/tf-providers-$key"

# Shares the lock with setup-tools.sh: one setup at a time per cache directory.
setup_lock

if [[ -f "$dir/.complete" ]]; then
  log "providers up to date: $dir/bin"
else
  log "building providers into $dir ($go_version)"
  start=$SECONDS
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  # GOFLAGS: no VCS stamping (module builds have none anyway) and a trimmed path so the
  # binaries do not depend on where the module cache lives.
  while read -r name module version sum _; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    t=$SECONDS
    # The pinned hash stands in for the checksum database, which lacks these
    # pseudo-versions; GONOSUMDB names only the provider module itself.
    got="$(GONOSUMDB="$module" go mod download -json "$module@$version" \
      | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",\{0,1\}$/\1/p')" \
      || die "go mod download $module@$version failed"
    [[ "$got" == "$sum" ]] \
      || die "$module@$version has hash ${got:-<none>}, but providers.txt pins $sum"
    log "go install $module@$version ($sum)"
    GOBIN="$dir/bin" GOFLAGS="-buildvcs=false -trimpath -p=2" CGO_ENABLED=0 GONOSUMDB="$module" \
      nice -n 10 go install "$module@$version" >&2 \
      || die "go install $module@$version failed"
    [[ -x "$dir/bin/terraform-provider-$name" ]] \
      || die "go install $module@$version did not produce terraform-provider-$name"
    log "  built terraform-provider-$name in $((SECONDS - t))s"
  done < "$pins"
  touch "$dir/.complete"
  log "providers built in $((SECONDS - start))s"
fi

setup_link "tf-providers-$key" tf-providers

if [[ $print_env -eq 1 ]]; then
  printf 'export CLOUDGEN_TF_PROVIDERS_DIR=%q\n' "$dir/bin"
fi
log "ready: CLOUDGEN_TF_PROVIDERS_DIR=$dir/bin"
