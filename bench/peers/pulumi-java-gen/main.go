// Command pulumi-java-gen is the benchmark's Java peer for cloudgen: pulumi-java's SDK
// generator (github.com/pulumi/pulumi-java/pkg/codegen/java) run in-process on one Pulumi
// package schema, with the same steps its language host takes for `pulumi package gen-sdk`
// (case de-duplication of types, bind, GeneratePackage for a published SDK).
//
// It is its own Go module because pulumi-java requires a newer github.com/pulumi/pulumi/pkg/v3
// than the v3.253.0 the other peers are pinned to.
//
// Usage: pulumi-java-gen -out DIR SCHEMA.json    (files go to DIR/java)
package main

import (
	"errors"
	"flag"

	javagen "github.com/pulumi/pulumi-java/pkg/codegen/java"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"cloudgen.bench/peerkit"
)

func main() {
	out := flag.String("out", "", "output directory (files are written below DIR/java)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		peerkit.Usage("pulumi-java-gen -out DIR SCHEMA.json")
	}
	peerkit.Run(flag.Arg(0), *out, "java", dedupe, generate)
}

// dedupe is the Java host's pre-bind step; its error diagnostics stop generation there too.
func dedupe(spec *schema.PackageSpec) (*schema.PackageSpec, error) {
	deduped, diags, err := javagen.DeduplicateTypes(spec)
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, errors.New(diags.Error())
	}
	return deduped, nil
}

func generate(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
	return javagen.GeneratePackage("pulumi-java-gen", pkg, nil, nil, false, false)
}
