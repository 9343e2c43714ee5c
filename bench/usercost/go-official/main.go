// Package main pins the official Pulumi AWS Go SDK (github.com/pulumi/pulumi-aws/sdk/v6,
// built on terraform-provider-aws 5.100.x) so bench/run can time `go build` of the whole
// SDK module against the one cloudgen generates. Nothing here runs.
package main

import _ "github.com/pulumi/pulumi-aws/sdk/v6/go/aws"

func main() {}
