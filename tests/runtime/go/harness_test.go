// Shared by every Go runtime program (copied beside it by codegen/tests/go_target.rs):
// recording mocks for pulumi.RunWithMocks and a helper that waits for outputs.
package main

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
)

// registration is one resource the program registered.
type registration struct {
	Token  string
	Name   string
	Inputs resource.PropertyMap
}

// recorder implements pulumi.MockResourceMonitor, remembering every registration and call.
type recorder struct {
	mu        sync.Mutex
	resources []registration
	calls     []pulumi.MockCallArgs
	computed  func(args pulumi.MockResourceArgs) resource.PropertyMap
	call      func(args pulumi.MockCallArgs) resource.PropertyMap
}

func (r *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	r.resources = append(r.resources, registration{Token: args.TypeToken, Name: args.Name, Inputs: args.Inputs})
	r.mu.Unlock()
	outs := args.Inputs.Copy()
	if r.computed != nil {
		for k, v := range r.computed(args) {
			outs[k] = v
		}
	}
	return args.Name + "-id", outs, nil
}

func (r *recorder) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	r.mu.Lock()
	r.calls = append(r.calls, args)
	r.mu.Unlock()
	if r.call == nil {
		return resource.PropertyMap{}, nil
	}
	return r.call(args), nil
}

// registered returns the registration of token/name or fails the test.
func (r *recorder) registered(t *testing.T, token, name string) registration {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, reg := range r.resources {
		if reg.Token == token && reg.Name == name {
			return reg
		}
	}
	t.Fatalf("no %s named %q was registered; got %v", token, name, r.resources)
	return registration{}
}

// run runs program under the mocks and fails the test on error.
func run(t *testing.T, rec *recorder, program pulumi.RunFunc) {
	t.Helper()
	err := pulumi.RunErr(program, pulumi.WithMocks("project", "stack", rec))
	if err != nil {
		t.Fatalf("program failed: %v", err)
	}
}

// await resolves an output to its plain value, synchronously, inside the program.
func await(t *testing.T, o pulumi.Output) interface{} {
	t.Helper()
	r, err := internals.UnsafeAwaitOutput(context.Background(), o)
	if err != nil {
		t.Fatalf("output failed: %v", err)
	}
	if !r.Known {
		t.Fatalf("output is unknown")
	}
	return r.Value
}

// input returns inputs[key] (unwrapping a secret), failing when absent.
func input(t *testing.T, inputs resource.PropertyMap, key string) resource.PropertyValue {
	t.Helper()
	v, ok := inputs[resource.PropertyKey(key)]
	if !ok {
		t.Fatalf("input %q missing; inputs: %v", key, inputs)
	}
	if v.IsSecret() {
		return v.SecretValue().Element
	}
	return v
}

func expect(t *testing.T, what string, got, want interface{}) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}
