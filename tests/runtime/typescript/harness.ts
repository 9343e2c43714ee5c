// Shared by the runtime programs in this directory (copied beside each one by
// codegen/tests/toolchains.rs). Installs recording mocks and turns Outputs into promises,
// so a program can assert exactly what the generated SDK sent to the engine.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";

export interface Recorder {
    resources: pulumi.runtime.MockResourceArgs[];
    calls: pulumi.runtime.MockCallArgs[];
}

/** Outputs a fake provider computes for a resource type (merged over its inputs). */
export type Computed = (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>;
/** Results a fake provider returns for a function token. */
export type CallResult = (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>;

/**
 * Install mocks that echo every input back as state (plus `computed` outputs) and answer
 * function calls with `call`, recording everything they see. Call once per program,
 * before creating resources.
 */
export function installMocks(computed: Computed, call: CallResult): Recorder {
    const rec: Recorder = { resources: [], calls: [] };
    pulumi.runtime.setMocks(
        {
            newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
                rec.resources.push(args);
                return { id: `${args.name}-id`, state: { ...args.inputs, ...computed(args) } };
            },
            call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
                rec.calls.push(args);
                return call(args);
            },
        },
        "project",
        "stack",
        false, // not a preview: outputs are known, so apply() callbacks run
    );
    return rec;
}

/** The value of an Output, once the mock engine has resolved it. */
export function resolve<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise<T>((ok) => {
        o.apply((v) => {
            ok(v);
            return v;
        });
    });
}

/** The one registered resource with this type token and name; fails listing what was seen. */
export function registered(rec: Recorder, type: string, name: string): pulumi.runtime.MockResourceArgs {
    const found = rec.resources.filter((r) => r.type === type && r.name === name);
    assert.equal(
        found.length,
        1,
        `expected one ${type} named ${name}; registered: ${rec.resources.map((r) => `${r.type} ${r.name}`).join(", ")}`,
    );
    return found[0];
}

/**
 * Assert that a registered input travelled as a secret and return its plain value. The
 * mock monitor hands inputs over in wire form, where a secret is a signature-tagged object.
 */
export function secretInput(value: unknown): unknown {
    assert.ok(typeof value === "object" && value !== null, `expected a secret, got ${JSON.stringify(value)}`);
    const v = value as Record<string, unknown>;
    assert.equal(v[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, `expected a secret, got ${JSON.stringify(value)}`);
    return v["value"];
}
