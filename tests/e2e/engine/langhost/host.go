// The LanguageRuntime service: plugin metadata, and Run, which launches the published
// runtime's own entry point for the program.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	pbempty "google.golang.org/protobuf/types/known/emptypb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// version is what GetPluginInfo reports: this host's own version, not Pulumi's.
const version = "1.0.0"

// userActionableExit is the exit code both runtimes use after they have already reported
// the program's error through the engine; the engine must then not print another one.
const userActionableExit = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	runtime string
	engine  string
}

func newHost(runtime, engine string) *host {
	return &host{runtime: runtime, engine: engine}
}

func (h *host) Handshake(context.Context, *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GetRequiredPlugins reports nothing: the suite's providers are ambient plugins on PATH,
// found by the engine when a program first uses them, so nothing is ever downloaded.
func (h *host) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages: as GetRequiredPlugins.
func (h *host) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(context.Context, *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

// InstallDependencies does nothing: the suite installs the runtimes itself, pinned.
func (h *host) InstallDependencies(*pulumirpc.InstallDependenciesRequest, grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) error {
	return nil
}

func (h *host) RuntimeOptionsPrompts(context.Context, *pulumirpc.RuntimeOptionsRequest) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *host) About(_ context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	exe := "node"
	if h.runtime == "python" {
		exe = pythonFor(req.GetInfo())
	}
	path, err := exec.LookPath(exe)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{Executable: path}, nil
}

func (h *host) Cancel(context.Context, *pbempty.Empty) (*pbempty.Empty, error) {
	return &pbempty.Empty{}, nil
}

// Run starts the program under the runtime's entry point and waits for it. The program's
// stdout and stderr are ours, which the engine already collects and shows.
func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	pwd := req.GetPwd()
	if pwd == "" {
		pwd = info.GetProgramDirectory()
	}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}

	var cmd *exec.Cmd
	var err error
	switch h.runtime {
	case "nodejs":
		cmd, err = h.nodeCommand(ctx, req, pwd, entry)
	default:
		cmd, err = h.pythonCommand(ctx, req, pwd, entry)
	}
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretsJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	cmd.Env = append(cmd.Env, "PULUMI_CONFIG="+string(configJSON), "PULUMI_CONFIG_SECRET_KEYS="+string(secretsJSON))
	cmd.Dir = pwd
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == userActionableExit {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("%s program exited with %v", h.runtime, exit)}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start the %s program: %v", h.runtime, err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// nodeCommand runs @pulumi/pulumi's cmd/run, resolved from the program directory the way
// Node resolves the program's own `require("@pulumi/pulumi")`, so both are one copy.
func (h *host) nodeCommand(ctx context.Context, req *pulumirpc.RunRequest, pwd, entry string) (*exec.Cmd, error) {
	run, err := findUp(pwd, filepath.Join("node_modules", "@pulumi", "pulumi", "cmd", "run", "index.js"))
	if err != nil {
		return nil, fmt.Errorf("@pulumi/pulumi is not installed for the program in %s: %w", pwd, err)
	}
	opts := req.GetInfo().GetOptions().AsMap()
	args := []string{filepath.Dir(run),
		"--monitor=" + req.GetMonitorAddress(),
		"--engine=" + h.engine,
		"--project=" + req.GetProject(),
		"--stack=" + req.GetStack(),
		"--organization=" + req.GetOrganization(),
		"--root-directory=" + req.GetInfo().GetRootDirectory(),
		"--pwd=" + pwd,
		"--parallel=" + strconv.Itoa(int(req.GetParallel())),
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)
	cmd := exec.CommandContext(ctx, "node", args...)
	// TypeScript programs run through ts-node unless Pulumi.yaml says `typescript: false`
	// (the suite compiles with the pinned tsc and runs JavaScript).
	typescript := true
	if v, ok := opts["typescript"].(bool); ok {
		typescript = v
	}
	cmd.Env = append(os.Environ(), "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript))
	return cmd, nil
}

// pythonCommand runs the SDK's pulumi-language-python-exec (installed beside this binary)
// with the program's interpreter: Pulumi.yaml's `virtualenv` option, else python3 on PATH.
func (h *host) pythonCommand(ctx context.Context, req *pulumirpc.RunRequest, pwd, entry string) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	execScript := filepath.Join(filepath.Dir(self), "pulumi-language-python-exec")
	if _, err := os.Stat(execScript); err != nil {
		return nil, fmt.Errorf("pulumi-language-python-exec is not installed beside %s: %w", self, err)
	}
	info := req.GetInfo()
	args := []string{"-u", execScript,
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engine,
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--organization", req.GetOrganization(),
		"--root_directory", info.GetRootDirectory(),
		"--pwd", pwd,
		"--parallel", strconv.Itoa(int(req.GetParallel())),
		"--dry_run", strconv.FormatBool(req.GetDryRun()),
		entry,
	}
	args = append(args, req.GetArgs()...)
	python := pythonFor(info)
	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Env = os.Environ()
	if venv := virtualenv(info); venv != "" {
		cmd.Env = append(cmd.Env, "VIRTUAL_ENV="+venv, "PATH="+filepath.Join(venv, "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	return cmd, nil
}

// virtualenv is Pulumi.yaml's `runtime.options.virtualenv`, made absolute against the
// project root, or "".
func virtualenv(info *pulumirpc.ProgramInfo) string {
	v, _ := info.GetOptions().AsMap()["virtualenv"].(string)
	if v == "" || filepath.IsAbs(v) {
		return v
	}
	return filepath.Join(info.GetRootDirectory(), v)
}

func pythonFor(info *pulumirpc.ProgramInfo) string {
	if venv := virtualenv(info); venv != "" {
		return filepath.Join(venv, "bin", "python")
	}
	return "python3"
}

// findUp returns dir/rel for the nearest dir at or above start that has it.
func findUp(start, rel string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no %s at or above %s", rel, start)
		}
		dir = parent
	}
}
