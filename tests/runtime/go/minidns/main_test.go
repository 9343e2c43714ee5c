// Runtime program for the `minidns` SDK generated from schemas/minidns.tf.json (a Terraform
// provider): resources, nested blocks and a data source through the generated Go SDK under
// pulumi's mocks, written as a user of a bridged provider's official Go SDK would write it.
package main

import (
	"testing"

	"github.com/pulumi/pulumi-minidns/sdk/go/minidns"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	zoneToken   = "minidns:index/zone:Zone"
	recordToken = "minidns:index/record:Record"
	getZone     = "minidns:index/getZone:getZone"
)

func mocks() *recorder {
	return &recorder{
		computed: func(args pulumi.MockResourceArgs) resource.PropertyMap {
			if args.TypeToken == zoneToken {
				return resource.PropertyMap{"nameServers": resource.NewArrayProperty([]resource.PropertyValue{
					resource.NewStringProperty("ns1.minidns.test"), resource.NewStringProperty("ns2.minidns.test"),
				})}
			}
			return nil
		},
		call: func(args pulumi.MockCallArgs) resource.PropertyMap {
			return resource.PropertyMap{
				"id":          resource.NewStringProperty("zone-123"),
				"name":        args.Args["name"],
				"nameServers": resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("ns1.minidns.test")}),
				"ttl":         resource.NewNumberProperty(300),
			}
		},
	}
}

func TestZoneAndRecord(t *testing.T) {
	rec := mocks()
	var servers, admin interface{}
	run(t, rec, func(ctx *pulumi.Context) error {
		zone, err := minidns.NewZone(ctx, "apex", &minidns.ZoneArgs{
			Name:   pulumi.String("example.com"),
			Ttl:    pulumi.Float64(600),
			Dnssec: pulumi.Bool(true),
			Labels: pulumi.StringMap{"env": pulumi.String("test")},
			Soa:    minidns.ZoneSoaArgs{AdminEmail: pulumi.String("hostmaster@example.com"), Refresh: pulumi.Float64(7200)},
			ForwardingRules: minidns.ZoneForwardingRuleArray{
				minidns.ZoneForwardingRuleArgs{Domain: pulumi.String("corp.example.com"), Targets: pulumi.StringArray{pulumi.String("10.0.0.1")}},
			},
		})
		if err != nil {
			return err
		}
		servers = await(t, zone.NameServers)
		admin = await(t, zone.Soa.AdminEmail())
		_, err = minidns.NewRecord(ctx, "www", &minidns.RecordArgs{
			ZoneId: zone.ID().ToStringOutput(),
			Name:   pulumi.String("www"),
			Type:   pulumi.String("A"),
			Values: pulumi.StringArray{pulumi.String("192.0.2.1")},
		})
		return err
	})
	z := rec.registered(t, zoneToken, "apex")
	expect(t, "name", input(t, z.Inputs, "name").StringValue(), "example.com")
	expect(t, "ttl", input(t, z.Inputs, "ttl").NumberValue(), 600)
	expect(t, "soa.adminEmail", input(t, z.Inputs, "soa").ObjectValue()["adminEmail"].StringValue(), "hostmaster@example.com")
	rule := input(t, z.Inputs, "forwardingRules").ArrayValue()[0].ObjectValue()
	expect(t, "rule.domain", rule["domain"].StringValue(), "corp.example.com")
	expect(t, "nameServers", servers, []string{"ns1.minidns.test", "ns2.minidns.test"})
	expect(t, "soa.adminEmail output", *(admin.(*string)), "hostmaster@example.com")
	r := rec.registered(t, recordToken, "www")
	expect(t, "zoneId", input(t, r.Inputs, "zoneId").StringValue(), "apex-id")
	expect(t, "values", input(t, r.Inputs, "values").ArrayValue()[0].StringValue(), "192.0.2.1")
}

func TestLookupZone(t *testing.T) {
	rec := mocks()
	var ttl interface{}
	var plain *minidns.LookupZoneResult
	run(t, rec, func(ctx *pulumi.Context) error {
		r, err := minidns.LookupZone(ctx, &minidns.LookupZoneArgs{Name: "example.com"})
		if err != nil {
			return err
		}
		plain = r
		ttl = await(t, minidns.LookupZoneOutput(ctx, minidns.LookupZoneOutputArgs{Name: pulumi.String("example.com")}).Ttl())
		return nil
	})
	expect(t, "id", plain.Id, "zone-123")
	expect(t, "nameServers", plain.NameServers, []string{"ns1.minidns.test"})
	expect(t, "ttl via output", ttl, 300)
	if len(rec.calls) == 0 || rec.calls[0].Token != getZone {
		t.Errorf("want %s invokes, got %v", getZone, rec.calls)
	}
}
