// Command pulumi-gen is the benchmark's peer for cloudgen: it runs Pulumi's own SDK
// generators (github.com/pulumi/pulumi/pkg/v3/codegen/{nodejs,python,go}) in-process on one
// Pulumi package schema and writes what they return, the way `pulumi package gen-sdk` does
// inside each language host, minus the plugin host and gRPC hops.
//
// Usage: pulumi-gen -lang nodejs|python|go -out DIR SCHEMA.json
//
// Per-phase wall times (read, bind, generate, write) go to stderr as one line so bench/run
// can show where a peer spends its time. Exit status: 0 ok, 2 bad arguments or a schema that
// does not bind, 1 generator or I/O failure.
package main

import (
	"flag"
	"fmt"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"

	"cloudgen.bench/peerkit"
)

func main() {
	lang := flag.String("lang", "", "nodejs, python or go")
	out := flag.String("out", "", "output directory (created; files are written below it)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		peerkit.Usage("pulumi-gen -lang nodejs|python|go -out DIR SCHEMA.json")
	}
	gen, ok := generators[*lang]
	if !ok {
		peerkit.Usage(fmt.Sprintf("unknown -lang %q (want nodejs, python or go)", *lang))
	}
	peerkit.Run(flag.Arg(0), *out, *lang, nil, gen)
}

// generators calls each language's GeneratePackage with the arguments its language host
// passes for a published (non-local) SDK.
var generators = map[string]peerkit.Generate{
	"nodejs": func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return nodejs.GeneratePackage("pulumi-gen", pkg, nil, nil, false, loader)
	},
	"python": func(pkg *schema.Package, loader schema.ReferenceLoader) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-gen", pkg, nil, loader)
	},
	"go": func(pkg *schema.Package, _ schema.ReferenceLoader) (map[string][]byte, error) {
		return gogen.GeneratePackage("pulumi-gen", pkg, nil)
	},
}
