"""Shared by the runtime programs in this directory (copied beside each one by
codegen/tests/toolchains.rs). Installs recording mocks and resolves Outputs, so a program
can assert exactly what the generated SDK sent to the engine.

Typed for mypy --strict: the programs are checked as user code against the generated SDK.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Optional, TypeVar

import pulumi
import pulumi.runtime

T = TypeVar("T")

# Wire-format tags from the Pulumi RPC protocol (pulumi.runtime.rpc keeps them private):
# the mock monitor hands inputs over in wire form, where a secret is a tagged object.
SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"

Computed = Callable[[pulumi.runtime.MockResourceArgs], dict[str, Any]]
CallResult = Callable[[pulumi.runtime.MockCallArgs], dict[str, Any]]


@dataclass
class Recorder(pulumi.runtime.Mocks):
    """Echoes every input back as state (plus `computed` outputs), answers function calls
    with `call_result`, and records everything it sees."""

    computed: Computed
    call_result: CallResult
    resources: list[pulumi.runtime.MockResourceArgs] = field(default_factory=list)
    calls: list[pulumi.runtime.MockCallArgs] = field(default_factory=list)

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[Optional[str], dict[Any, Any]]:
        self.resources.append(args)
        return f"{args.name}-id", {**args.inputs, **self.computed(args)}

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[Any, Any], Optional[list[tuple[str, str]]]]:
        self.calls.append(args)
        # An empty failure list, not None: pulumi 3.272's mock monitor iterates it.
        return self.call_result(args), []


def install_mocks(computed: Computed, call_result: CallResult) -> Recorder:
    """Install fresh recording mocks; call at the start of every test."""
    rec = Recorder(computed, call_result)
    # preview=False: outputs are known, so apply() callbacks run.
    pulumi.runtime.set_mocks(rec, project="project", stack="stack", preview=False)
    return rec


def run(program: Callable[[], "pulumi.Output[T]"]) -> T:
    """Run `program` under the mocks until every resource registration and call it started
    has finished, and return the value of the Output it returns."""
    results: list[T] = []

    def body() -> "pulumi.Output[None]":
        return program().apply(results.append)

    # pulumi.runtime.test is unannotated in the published runtime; it waits for all
    # outstanding RPCs, which is what makes the recorder complete afterwards.
    pulumi.runtime.test(body)()  # type: ignore[no-untyped-call]
    assert len(results) == 1, "the program's Output never resolved"
    return results[0]


def registered(rec: Recorder, typ: str, name: str) -> pulumi.runtime.MockResourceArgs:
    """The one registered resource with this type token and name."""
    found = [r for r in rec.resources if r.typ == typ and r.name == name]
    seen = ", ".join(f"{r.typ} {r.name}" for r in rec.resources)
    assert len(found) == 1, f"expected one {typ} named {name}; registered: {seen}"
    return found[0]


def secret_input(value: Any) -> Any:
    """Assert that a registered input travelled as a secret; return its plain value."""
    assert isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG, f"expected a secret, got {value!r}"
    return value["value"]
