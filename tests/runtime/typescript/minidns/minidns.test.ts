// Runtime program for the `minidns` SDK generated from schemas/minidns.tf.json (a
// Terraform provider): resources and a data source through the generated TypeScript SDK,
// under @pulumi/pulumi's mocks. Written as a user of the official bridged SDK would write
// it, so it also pins the public surface (class, argument, type and token names).
import * as pulumi from "@pulumi/pulumi";
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { installMocks, registered, resolve, secretInput } from "./harness";
import * as minidns from "./sdk";

const ZONE = "minidns:index/zone:Zone";
const RECORD = "minidns:index/record:Record";
const GET_ZONE = "minidns:index/getZone:getZone";
const PROVIDER = "pulumi:providers:minidns";

const rec = installMocks(
    (args) => {
        switch (args.type) {
            case ZONE:
                return { nameServers: ["ns1.minidns.test", "ns2.minidns.test"] };
            case RECORD:
                return { fqdn: `${args.inputs["name"]}.example.com` };
            default:
                return {};
        }
    },
    (args) => {
        assert.equal(args.token, GET_ZONE, "the only function in minidns is getZone");
        return { id: "zone-123", name: args.inputs["name"], nameServers: ["ns1.minidns.test"], ttl: 300 };
    },
);

test("Zone registers its token and inputs, with max-items-one and plural nested blocks", async () => {
    const soa: minidns.types.input.ZoneSoa = { adminEmail: "hostmaster@example.com", refresh: 7200 };
    const args: minidns.ZoneArgs = {
        name: "example.com",
        ttl: 600,
        dnssec: true,
        labels: { env: "test" },
        soa,
        forwardingRules: [{ domain: "corp.example.com", targets: ["10.0.0.1", "10.0.0.2"] }],
    };
    const zone = new minidns.Zone("apex", args);

    assert.equal(await resolve(zone.id), "apex-id");
    assert.deepEqual(registered(rec, ZONE, "apex").inputs, {
        name: "example.com",
        ttl: 600,
        dnssec: true,
        labels: { env: "test" },
        soa: { adminEmail: "hostmaster@example.com", refresh: 7200 },
        forwardingRules: [{ domain: "corp.example.com", targets: ["10.0.0.1", "10.0.0.2"] }],
    });
    // Outputs come back through the SDK's property names, nested objects included.
    assert.equal(await resolve(zone.name), "example.com");
    assert.deepEqual(await resolve(zone.nameServers), ["ns1.minidns.test", "ns2.minidns.test"]);
    const soaOut: minidns.types.output.ZoneSoa | undefined = await resolve(zone.soa);
    assert.equal(soaOut?.adminEmail, "hostmaster@example.com");
});

test("Record sends a sensitive attribute as a secret and depends on the zone's id", async () => {
    const zone = new minidns.Zone("parent", { name: "example.org" });
    const record = new minidns.Record("www", {
        zoneId: zone.id,
        name: "www",
        type: "A",
        values: ["192.0.2.1", "192.0.2.2"],
        ttl: 60,
        signingKey: "s3cr3t-key",
        weightedTargets: [{ value: "192.0.2.1", weight: 10 }],
    });

    assert.equal(await resolve(record.fqdn), "www.example.com");
    const inputs = { ...registered(rec, RECORD, "www").inputs };
    assert.equal(secretInput(inputs["signingKey"]), "s3cr3t-key");
    delete inputs["signingKey"];
    assert.deepEqual(inputs, {
        zoneId: "parent-id",
        name: "www",
        type: "A",
        values: ["192.0.2.1", "192.0.2.2"],
        ttl: 60,
        weightedTargets: [{ value: "192.0.2.1", weight: 10 }],
    });
    assert.equal(await pulumi.isSecret(record.signingKey), true, "signingKey output must stay secret");
});

test("getZone invokes the data source and returns its result", async () => {
    const result: minidns.GetZoneResult = await minidns.getZone({ name: "example.com" });
    assert.equal(result.id, "zone-123");
    assert.equal(result.ttl, 300);
    assert.deepEqual(result.nameServers, ["ns1.minidns.test"]);
    const call = rec.calls.find((c) => c.token === GET_ZONE && c.inputs["name"] === "example.com");
    assert.ok(call, `no ${GET_ZONE} call; calls: ${JSON.stringify(rec.calls)}`);
    assert.deepEqual(call.inputs, { name: "example.com" });

    const viaOutput = await resolve(minidns.getZoneOutput({ name: pulumi.output("example.net") }));
    assert.equal(viaOutput.id, "zone-123");
    assert.ok(rec.calls.some((c) => c.token === GET_ZONE && c.inputs["name"] === "example.net"));
});

test("Provider registers as pulumi:providers:minidns with a secret token and is used by resources", async () => {
    const provider = new minidns.Provider("dns", { apiToken: "tok-123", endpoint: "https://api.minidns.test" });
    const zone = new minidns.Zone("via-provider", { name: "example.dev" }, { provider });
    await resolve(zone.id);

    const p = registered(rec, PROVIDER, "dns");
    assert.equal(secretInput(p.inputs["apiToken"]), "tok-123");
    assert.equal(p.inputs["endpoint"], "https://api.minidns.test");
    const z = registered(rec, ZONE, "via-provider");
    assert.ok(z.provider?.includes(`${PROVIDER}::dns::dns-id`), `zone's provider reference: ${z.provider}`);
});
