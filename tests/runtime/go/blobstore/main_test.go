// Runtime program for the `blobstore` SDK generated from schemas/blobstore.schema.json:
// resources in two modules, an enum, nested objects, defaults, secrets and a function,
// through the generated Go SDK under pulumi's mocks. Written as a user of an official Go SDK
// would write it, so it also pins the public surface.
package main

import (
	"testing"

	"github.com/pulumi/pulumi-blobstore/sdk/go/blobstore"
	"github.com/pulumi/pulumi-blobstore/sdk/go/blobstore/storage"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	bucketToken = "blobstore:index:Bucket"
	objectToken = "blobstore:storage:BucketObject"
	getBucket   = "blobstore:index:getBucket"
)

func mocks() *recorder {
	return &recorder{
		computed: func(args pulumi.MockResourceArgs) resource.PropertyMap {
			if args.TypeToken == bucketToken {
				return resource.PropertyMap{
					"arn":        resource.NewStringProperty("arn:blob:" + args.Name),
					"endpoint":   resource.NewStringProperty("https://" + args.Name + ".blob.test"),
					"bucketName": resource.NewStringProperty(args.Name),
				}
			}
			if args.TypeToken == objectToken {
				return resource.PropertyMap{"etag": resource.NewStringProperty("abc"), "size": resource.NewNumberProperty(2)}
			}
			return nil
		},
		call: func(args pulumi.MockCallArgs) resource.PropertyMap {
			return resource.PropertyMap{
				"arn":          resource.NewStringProperty("arn:blob:found"),
				"bucketName":   args.Args["bucketName"],
				"storageClass": resource.NewStringProperty("ARCHIVE"),
			}
		},
	}
}

func TestBucketRegistersTokenAndInputs(t *testing.T) {
	rec := mocks()
	var arn, class, maxVersions interface{}
	run(t, rec, func(ctx *pulumi.Context) error {
		b, err := blobstore.NewBucket(ctx, "logs", &blobstore.BucketArgs{
			StorageClass:  blobstore.StorageClassStandard,
			Versioning:    blobstore.VersioningArgs{Enabled: pulumi.Bool(true), MaxVersions: pulumi.Int(3)},
			Tags:          pulumi.StringMap{"team": pulumi.String("infra")},
			EncryptionKey: pulumi.String("s3cr3t"),
			LifecycleRules: blobstore.LifecycleRuleArray{
				blobstore.LifecycleRuleArgs{Prefix: pulumi.String("tmp/"), ExpireAfterDays: pulumi.Int(7), TransitionTo: blobstore.StorageClassArchive},
			},
		})
		if err != nil {
			return err
		}
		arn = await(t, b.Arn)
		class = await(t, b.StorageClass.ToStringOutput())
		maxVersions = await(t, b.Versioning.MaxVersions())
		return nil
	})
	reg := rec.registered(t, bucketToken, "logs")
	expect(t, "storageClass", input(t, reg.Inputs, "storageClass").StringValue(), "STANDARD")
	expect(t, "forceDestroy default", input(t, reg.Inputs, "forceDestroy").BoolValue(), false)
	expect(t, "tags.team", input(t, reg.Inputs, "tags").ObjectValue()["team"].StringValue(), "infra")
	if !reg.Inputs["encryptionKey"].IsSecret() {
		t.Errorf("encryptionKey should be a secret, got %v", reg.Inputs["encryptionKey"])
	}
	v := input(t, reg.Inputs, "versioning").ObjectValue()
	expect(t, "versioning.enabled", v["enabled"].BoolValue(), true)
	expect(t, "versioning.maxVersions", v["maxVersions"].NumberValue(), 3)
	rule := input(t, reg.Inputs, "lifecycleRules").ArrayValue()[0].ObjectValue()
	expect(t, "rule.transitionTo", rule["transitionTo"].StringValue(), "ARCHIVE")
	expect(t, "rule.expireAfterDays", rule["expireAfterDays"].NumberValue(), 7)
	expect(t, "arn output", arn, "arn:blob:logs")
	expect(t, "storageClass output", class, "STANDARD")
	expect(t, "versioning.maxVersions output", *(maxVersions.(*int)), 3)
}

func TestBucketRequiresStorageClass(t *testing.T) {
	rec := mocks()
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := blobstore.NewBucket(ctx, "bad", &blobstore.BucketArgs{})
		return err
	}, pulumi.WithMocks("project", "stack", rec))
	if err == nil {
		t.Fatal("a Bucket without StorageClass must be rejected")
	}
}

func TestBucketObjectInSubmodule(t *testing.T) {
	rec := mocks()
	var etag interface{}
	run(t, rec, func(ctx *pulumi.Context) error {
		o, err := storage.NewBucketObject(ctx, "readme", &storage.BucketObjectArgs{
			Bucket: pulumi.String("logs"),
			Key:    pulumi.String("README"),
			Source: pulumi.NewStringAsset("hello"),
		})
		if err != nil {
			return err
		}
		etag = await(t, o.Etag)
		return nil
	})
	reg := rec.registered(t, objectToken, "readme")
	expect(t, "bucket", input(t, reg.Inputs, "bucket").StringValue(), "logs")
	expect(t, "contentType default", input(t, reg.Inputs, "contentType").StringValue(), "application/octet-stream")
	if !input(t, reg.Inputs, "source").IsAsset() {
		t.Errorf("source should be an asset: %v", reg.Inputs["source"])
	}
	expect(t, "etag", etag, "abc")
}

func TestLookupBucketPlainAndOutput(t *testing.T) {
	rec := mocks()
	var viaOutput interface{}
	var plain *blobstore.LookupBucketResult
	run(t, rec, func(ctx *pulumi.Context) error {
		r, err := blobstore.LookupBucket(ctx, &blobstore.LookupBucketArgs{BucketName: "logs"})
		if err != nil {
			return err
		}
		plain = r
		out := blobstore.LookupBucketOutput(ctx, blobstore.LookupBucketOutputArgs{BucketName: pulumi.String("logs")})
		viaOutput = await(t, out.Arn())
		return nil
	})
	expect(t, "plain arn", plain.Arn, "arn:blob:found")
	expect(t, "plain storageClass", plain.StorageClass, blobstore.StorageClassArchive)
	expect(t, "output arn", viaOutput, "arn:blob:found")
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.calls) != 2 || rec.calls[0].Token != getBucket {
		t.Errorf("want two %s invokes, got %v", getBucket, rec.calls)
	}
}
