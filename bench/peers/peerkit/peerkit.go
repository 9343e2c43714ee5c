// Package peerkit is the part the benchmark's Pulumi peer programs share: read a Pulumi
// package schema, bind it the way `pulumi package gen-sdk` does (validated), call one
// language generator, write the files it returns, and report per-phase wall times.
//
// Every peer program goes through Run so that each one pays for exactly the same work
// around its generator: the comparison with cloudgen is then generator against generator.
package peerkit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// Generate is one language's SDK generator applied to a bound package; it returns the files
// to write, keyed by path relative to the output directory.
type Generate func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error)

// Prepare rewrites a parsed spec before binding, for a language host that does so (Java
// de-duplicates case-insensitively equal types first); it counts as bind time.
type Prepare func(spec *schema.PackageSpec) (*schema.PackageSpec, error)

// Usage prints msg and exits 2 (bad arguments).
func Usage(msg string) {
	fmt.Fprintf(os.Stderr, "usage: %s\n", msg)
	os.Exit(2)
}

func fail(code int, format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s: error: "+format+"\n", append([]any{filepath.Base(os.Args[0])}, args...)...)
	os.Exit(code)
}

// Run reads schemaPath, binds it, runs gen and writes the result below out/<lang>.
// It exits the process: 0 on success, 2 when the schema does not parse or bind, 1 when
// the generator or the file system fails.
// prepare may be nil.
func Run(schemaPath, out, lang string, prepare Prepare, gen Generate) {
	t0 := time.Now()
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		fail(2, "reading %s: %v", schemaPath, err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		fail(2, "%s is not a Pulumi package schema (JSON): %v", schemaPath, err)
	}
	t1 := time.Now()

	loader := offlineLoader{}
	if prepare != nil {
		prepared, err := prepare(&spec)
		if err != nil {
			fail(2, "preparing %s: %v", schemaPath, err)
		}
		spec = *prepared
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	if err != nil {
		fail(2, "binding %s: %v", schemaPath, err)
	}
	if diags.HasErrors() {
		fail(2, "%s does not bind (%d diagnostics); first: %v", schemaPath, len(diags), diags.Errs()[0])
	}
	t2 := time.Now()

	files, err := gen(pkg, loader)
	if err != nil {
		fail(1, "%s generator: %v", lang, err)
	}
	t3 := time.Now()

	// Sorted so the write phase touches the disk in the same order on every run.
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var bytes, unwritable int
	root := filepath.Join(out, lang)
	for _, p := range paths {
		dst := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fail(1, "%v", err)
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			// A generated file name longer than the file system allows (Java classes named
			// after deeply nested types) is the generator's output all the same: count it
			// and go on, so the run still measures the generator.
			if errors.Is(err, syscall.ENAMETOOLONG) {
				unwritable++
				continue
			}
			fail(1, "%v", err)
		}
		bytes += len(files[p])
	}
	t4 := time.Now()

	fmt.Fprintf(os.Stderr, "phases: lang=%s read=%.3fs bind=%.3fs generate=%.3fs write=%.3fs files=%d bytes=%d name-too-long=%d\n",
		lang, t1.Sub(t0).Seconds(), t2.Sub(t1).Seconds(), t3.Sub(t2).Seconds(), t4.Sub(t3).Seconds(),
		len(paths), bytes, unwritable)
}

// offlineLoader refuses every package reference: the benchmark inputs are self-contained,
// and a peer that tried to download a plugin schema mid-run would be measuring the network.
type offlineLoader struct{}

var errOffline = errors.New("pulumi-gen resolves no external package references (inputs must be self-contained)")

func (offlineLoader) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errOffline
}

func (offlineLoader) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errOffline
}

func (offlineLoader) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errOffline
}

func (offlineLoader) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errOffline
}
