// Runtime program for the `minidns` SDK generated from schemas/minidns.tf.json (a Terraform
// provider): resources, nested blocks, a sensitive attribute, a data source and an explicit
// provider through the generated Java SDK, under com.pulumi.test mocks. Written as a user of
// an official bridged Java SDK would write it, so it also pins the public surface.
import com.pulumi.core.Output;
import com.pulumi.minidns.MinidnsFunctions;
import com.pulumi.minidns.Provider;
import com.pulumi.minidns.ProviderArgs;
import com.pulumi.minidns.Record;
import com.pulumi.minidns.RecordArgs;
import com.pulumi.minidns.Zone;
import com.pulumi.minidns.ZoneArgs;
import com.pulumi.minidns.inputs.GetZoneArgs;
import com.pulumi.minidns.inputs.GetZonePlainArgs;
import com.pulumi.minidns.inputs.RecordWeightedTargetArgs;
import com.pulumi.minidns.inputs.ZoneForwardingRuleArgs;
import com.pulumi.minidns.inputs.ZoneSoaArgs;
import com.pulumi.minidns.outputs.GetZoneResult;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

public class MinidnsProgram {
    static final String ZONE = "minidns:index/zone:Zone";
    static final String RECORD = "minidns:index/record:Record";
    static final String GET_ZONE = "minidns:index/getZone:getZone";
    static final String PROVIDER = "pulumi:providers:minidns";

    static Harness.Recorder mocks() {
        return new Harness.Recorder(args -> {
            if (args.type.equals(ZONE)) {
                return Map.of("nameServers", List.of("ns1.minidns.test", "ns2.minidns.test"));
            }
            if (args.type.equals(RECORD)) {
                return Map.of("fqdn", args.inputs.get("name") + ".example.com");
            }
            return Map.of();
        }, call -> {
            Harness.check(call.token.equals(GET_ZONE), "the only function in minidns is getZone, got " + call.token);
            return Map.of("id", "zone-123", "name", call.args.get("name"), "nameServers", List.of("ns1.minidns.test"), "ttl", 300);
        });
    }

    static void zone() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            var zone = new Zone("apex", ZoneArgs.builder()
                .name("example.com")
                .ttl(600.0)
                .dnssec(true)
                .labels(Map.of("env", "test"))
                .soa(ZoneSoaArgs.builder().adminEmail("hostmaster@example.com").refresh(7200.0).build())
                .forwardingRules(ZoneForwardingRuleArgs.builder().domain("corp.example.com").targets("10.0.0.1", "10.0.0.2").build())
                .build());
            ctx.export("id", zone.id());
            ctx.export("name", zone.name());
            ctx.export("nameServers", zone.nameServers());
            ctx.export("adminEmail", zone.soa().applyValue(s -> s.map(x -> x.adminEmail()).orElse(null)));
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        Harness.eq("apex-id", seen.get("id"), "zone id");
        Harness.eq(Map.of(
            "name", "example.com",
            "ttl", 600.0,
            "dnssec", true,
            "labels", Map.of("env", "test"),
            "soa", Map.of("adminEmail", "hostmaster@example.com", "refresh", 7200.0),
            "forwardingRules", List.of(Map.of("domain", "corp.example.com", "targets", List.of("10.0.0.1", "10.0.0.2")))),
            rec.registered(ZONE, "apex").inputs, "Zone inputs");
        Harness.eq("example.com", seen.get("name"), "name");
        Harness.eq(List.of("ns1.minidns.test", "ns2.minidns.test"), seen.get("nameServers"), "nameServers");
        Harness.eq("hostmaster@example.com", seen.get("adminEmail"), "nested output object");
    }

    static void record() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            var zone = new Zone("parent", ZoneArgs.builder().name("example.org").build());
            var record = new Record("www", RecordArgs.builder()
                .zoneId(zone.id())
                .name("www")
                .type("A")
                .values("192.0.2.1", "192.0.2.2")
                .ttl(60.0)
                .signingKey("s3cr3t-key")
                .weightedTargets(RecordWeightedTargetArgs.builder().value("192.0.2.1").weight(10.0).build())
                .build());
            ctx.export("fqdn", record.fqdn());
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        Harness.eq("www.example.com", seen.get("fqdn"), "fqdn");
        var inputs = new LinkedHashMap<>(rec.registered(RECORD, "www").inputs);
        Harness.eq("s3cr3t-key", inputs.remove("signingKey"), "sensitive input value");
        Harness.eq(Map.of(
            "zoneId", "parent-id",
            "name", "www",
            "type", "A",
            "values", List.of("192.0.2.1", "192.0.2.2"),
            "ttl", 60.0,
            "weightedTargets", List.of(Map.of("value", "192.0.2.1", "weight", 10.0))),
            inputs, "Record inputs");
    }

    static void getZone() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            Output<GetZoneResult> r = MinidnsFunctions.getZone(GetZoneArgs.builder().name("example.com").build());
            ctx.export("id", r.applyValue(GetZoneResult::id));
            ctx.export("nameServers", r.applyValue(GetZoneResult::nameServers));
            ctx.export("ttl", r.applyValue(GetZoneResult::ttl));
            var plain = MinidnsFunctions.getZonePlain(GetZonePlainArgs.builder().name("example.net").build());
            ctx.export("plain", Output.of(plain.thenApply(GetZoneResult::name)));
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        Harness.eq("zone-123", seen.get("id"), "id");
        Harness.eq(List.of("ns1.minidns.test"), seen.get("nameServers"), "nameServers");
        Harness.eq(300.0, seen.get("ttl"), "ttl");
        Harness.eq("example.net", seen.get("plain"), "getZonePlain");
        var calls = new TreeSet<String>();
        rec.calls.forEach(c -> calls.add(c.token + " " + c.args));
        Harness.eq(new TreeSet<>(List.of(GET_ZONE + " {name=example.com}", GET_ZONE + " {name=example.net}")), calls, "invokes");
    }

    static void provider() {
        var rec = mocks();
        Harness.run(rec, ctx -> {
            var provider = new Provider("dns", ProviderArgs.builder().apiToken("tok-123").endpoint("https://api.minidns.test").build());
            new Zone("via-provider", ZoneArgs.builder().name("example.dev").build(), CustomResourceOptions.builder().provider(provider).build());
        });
        var p = rec.registered(PROVIDER, "dns");
        Harness.eq("tok-123", p.inputs.get("apiToken"), "provider apiToken");
        Harness.eq("https://api.minidns.test", p.inputs.get("endpoint"), "provider endpoint");
        rec.registered(ZONE, "via-provider");
    }

    public static void main(String[] args) {
        var tests = new LinkedHashMap<String, Runnable>();
        tests.put("zone", MinidnsProgram::zone);
        tests.put("record", MinidnsProgram::record);
        tests.put("getZone", MinidnsProgram::getZone);
        tests.put("provider", MinidnsProgram::provider);
        Harness.main("minidns", tests);
    }
}
