"""Runtime program for the `minidns` SDK generated from schemas/minidns.tf.json (a Terraform
provider): resources and a data source through the generated Python SDK, under pulumi's
mocks. Written as a user of the official bridged SDK would write it, so it also pins the
public surface (class, argument, type and token names)."""

from typing import Any

import pulumi
import pulumi_minidns as minidns

from harness import Recorder, install_mocks, registered, run, secret_input

ZONE = "minidns:index/zone:Zone"
RECORD = "minidns:index/record:Record"
GET_ZONE = "minidns:index/getZone:getZone"
PROVIDER = "pulumi:providers:minidns"


def computed(args: pulumi.runtime.MockResourceArgs) -> dict[str, Any]:
    if args.typ == ZONE:
        return {"nameServers": ["ns1.minidns.test", "ns2.minidns.test"]}
    if args.typ == RECORD:
        return {"fqdn": f"{args.inputs['name']}.example.com"}
    return {}


def call(args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:
    assert args.token == GET_ZONE, "the only function in minidns is get_zone"
    return {"id": "zone-123", "name": args.args["name"], "nameServers": ["ns1.minidns.test"], "ttl": 300}


def mocks() -> Recorder:
    return install_mocks(computed, call)


def test_zone_registers_token_and_inputs() -> None:
    rec = mocks()

    def program() -> "pulumi.Output[list[Any]]":
        zone = minidns.Zone(
            "apex",
            name="example.com",
            ttl=600,
            dnssec=True,
            labels={"env": "test"},
            soa=minidns.ZoneSoaArgs(admin_email="hostmaster@example.com", refresh=7200),
            forwarding_rules=[minidns.ZoneForwardingRuleArgs(domain="corp.example.com", targets=["10.0.0.1", "10.0.0.2"])],
        )
        # Read the nested object inside apply: Output.all rebuilds dict values as plain dicts,
        # so only apply sees the SDK's typed output class.
        admin_email = zone.soa.apply(lambda soa: None if soa is None else soa.admin_email)
        return pulumi.Output.all(zone.id, zone.name, zone.name_servers, admin_email)

    zone_id, name, name_servers, admin_email = run(program)
    assert zone_id == "apex-id"
    assert registered(rec, ZONE, "apex").inputs == {
        "name": "example.com",
        "ttl": 600,
        "dnssec": True,
        "labels": {"env": "test"},
        "soa": {"adminEmail": "hostmaster@example.com", "refresh": 7200},
        "forwardingRules": [{"domain": "corp.example.com", "targets": ["10.0.0.1", "10.0.0.2"]}],
    }
    # Outputs come back through the SDK's snake_case properties, nested objects included.
    assert name == "example.com"
    assert name_servers == ["ns1.minidns.test", "ns2.minidns.test"]
    assert admin_email == "hostmaster@example.com"


def test_record_sends_sensitive_attribute_as_secret() -> None:
    rec = mocks()

    def program() -> "pulumi.Output[list[Any]]":
        zone = minidns.Zone("parent", name="example.org")
        record = minidns.Record(
            "www",
            zone_id=zone.id,
            name="www",
            type="A",
            values=["192.0.2.1", "192.0.2.2"],
            ttl=60,
            signing_key="s3cr3t-key",
            weighted_targets=[minidns.RecordWeightedTargetArgs(value="192.0.2.1", weight=10)],
        )
        return pulumi.Output.all(record.fqdn, record.signing_key)

    fqdn, signing_key = run(program)
    assert fqdn == "www.example.com"
    assert signing_key == "s3cr3t-key"
    inputs = dict(registered(rec, RECORD, "www").inputs)
    assert secret_input(inputs.pop("signingKey")) == "s3cr3t-key"
    assert inputs == {
        "zoneId": "parent-id",
        "name": "www",
        "type": "A",
        "values": ["192.0.2.1", "192.0.2.2"],
        "ttl": 60,
        "weightedTargets": [{"value": "192.0.2.1", "weight": 10}],
    }


def test_get_zone_invokes_data_source() -> None:
    rec = mocks()
    result: minidns.GetZoneResult = minidns.get_zone(name="example.com")
    assert result.id == "zone-123"
    assert result.ttl == 300
    assert result.name_servers == ["ns1.minidns.test"]
    assert [(c.token, c.args) for c in rec.calls] == [(GET_ZONE, {"name": "example.com"})]

    via_output = run(lambda: minidns.get_zone_output(name=pulumi.Output.from_input("example.net")))
    assert via_output.id == "zone-123"
    assert (GET_ZONE, {"name": "example.net"}) in [(c.token, c.args) for c in rec.calls]


def test_provider_registers_with_secret_token() -> None:
    rec = mocks()

    def program() -> "pulumi.Output[str]":
        provider = minidns.Provider("dns", api_token="tok-123", endpoint="https://api.minidns.test")
        zone = minidns.Zone("via-provider", name="example.dev", opts=pulumi.ResourceOptions(provider=provider))
        return zone.id

    run(program)
    p = registered(rec, PROVIDER, "dns")
    assert secret_input(p.inputs["apiToken"]) == "tok-123"
    assert p.inputs["endpoint"] == "https://api.minidns.test"
    z = registered(rec, ZONE, "via-provider")
    assert z.provider is not None and f"{PROVIDER}::dns::dns-id" in z.provider, f"zone's provider reference: {z.provider}"
