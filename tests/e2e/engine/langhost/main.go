// Command cloudgen-langhost is the Pulumi language host the end-to-end suite runs programs
// with: one binary, installed as pulumi-language-nodejs and pulumi-language-python (it
// picks the runtime from the name it was started under).
//
// Why our own: Pulumi's language hosts live in their own Go modules
// (github.com/pulumi/pulumi/sdk/{nodejs,python}/cmd/pulumi-language-*/v3) that are never
// tagged, so the Go module proxy this project may use does not serve them. A language host
// is a thin launcher: it implements the LanguageRuntime gRPC service (from the pinned
// github.com/pulumi/pulumi/sdk/v3 protos) and, on Run, starts the published runtime's own
// entry point (@pulumi/pulumi's cmd/run for Node.js, the SDK's pulumi-language-python-exec
// for Python) with the engine's addresses, the stack's config and the program. Everything
// a program does after that goes through the real runtime libraries and the real engine.
//
// Deliberately not implemented (the suite never needs them): dependency installation,
// program/package generation, policy packs, plugins written in these languages.
package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	runtime := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	if runtime != "nodejs" && runtime != "python" {
		fmt.Fprintf(os.Stderr, "cloudgen-langhost: started as %q; install it as pulumi-language-nodejs or pulumi-language-python\n", os.Args[0])
		os.Exit(2)
	}
	engine, err := engineAddress(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-%s: %v\n", runtime, err)
		os.Exit(2)
	}

	// Loopback only: the engine dials us on the port we print.
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-%s: listen: %v\n", runtime, err)
		os.Exit(1)
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 30))
	pulumirpc.RegisterLanguageRuntimeServer(srv, newHost(runtime, engine))
	// The engine reads the first line of our stdout as the port to dial.
	fmt.Printf("%d\n", lis.Addr().(*net.TCPAddr).Port)
	if err := srv.Serve(lis); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-%s: serve: %v\n", runtime, err)
		os.Exit(1)
	}
}

// engineAddress picks the engine's address out of the arguments the engine starts language
// plugins with: `[--logtostderr] [-v=N] [--tracing URL] ENGINE_ADDRESS` (the address last).
func engineAddress(args []string) (string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--tracing" || a == "-tracing" || a == "--root" || a == "-root":
			i++ // these take the next argument as their value
		case strings.HasPrefix(a, "-"):
			// --logtostderr, -v=N, --flag=value: nothing we need.
		default:
			positional = append(positional, a)
		}
	}
	if len(positional) != 1 {
		return "", fmt.Errorf("expected exactly one engine address argument, got %q", args)
	}
	return positional[0], nil
}
