// Runtime program for the `blobstore` SDK generated from schemas/blobstore.schema.json (a
// Pulumi package schema): resources in two modules, an enum, object types, defaults and a
// function through the generated TypeScript SDK, under @pulumi/pulumi's mocks. Written as a
// user of the official SDK would write it, so it also pins the public surface.
import * as pulumi from "@pulumi/pulumi";
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { installMocks, registered, resolve, secretInput } from "./harness";
import * as blobstore from "./sdk";

const BUCKET = "blobstore:index:Bucket";
const OBJECT = "blobstore:storage:BucketObject";
const GET_BUCKET = "blobstore:index:getBucket";
const PROVIDER = "pulumi:providers:blobstore";

const rec = installMocks(
    (args) => {
        switch (args.type) {
            case BUCKET: {
                const name = args.inputs["bucketName"] ?? `${args.name}-generated`;
                return { bucketName: name, arn: `arn:blobstore:::${name}`, endpoint: `https://${name}.blobstore.test` };
            }
            case OBJECT:
                return { etag: "etag-1", size: 11 };
            default:
                return {};
        }
    },
    (args) => {
        assert.equal(args.token, GET_BUCKET, "the only function in blobstore is getBucket");
        const name = args.inputs["bucketName"];
        return { bucketName: name, arn: `arn:blobstore:::${name}`, storageClass: "ARCHIVE", tags: { team: "infra" } };
    },
);

test("Bucket registers its token, enum values, nested objects, defaults and a secret", async () => {
    const versioning: blobstore.types.input.VersioningArgs = { enabled: true, maxVersions: 5 };
    const args: blobstore.BucketArgs = {
        bucketName: "logs-bucket",
        storageClass: blobstore.StorageClass.InfrequentAccess,
        versioning,
        lifecycleRules: [{ prefix: "tmp/", expireAfterDays: 7, transitionTo: blobstore.StorageClass.Standard }],
        tags: { team: "infra" },
        encryptionKey: "kms-key-1",
    };
    const bucket = new blobstore.Bucket("logs", args);

    assert.equal(await resolve(bucket.arn), "arn:blobstore:::logs-bucket");
    const inputs = { ...registered(rec, BUCKET, "logs").inputs };
    assert.equal(secretInput(inputs["encryptionKey"]), "kms-key-1");
    delete inputs["encryptionKey"];
    assert.deepEqual(inputs, {
        bucketName: "logs-bucket",
        storageClass: "INFREQUENT_ACCESS",
        versioning: { enabled: true, maxVersions: 5 },
        lifecycleRules: [{ prefix: "tmp/", expireAfterDays: 7, transitionTo: "STANDARD" }],
        tags: { team: "infra" },
        forceDestroy: false, // the schema's default, applied by the SDK
    });

    assert.equal(await resolve(bucket.endpoint), "https://logs-bucket.blobstore.test");
    const storageClass: blobstore.StorageClass = await resolve(bucket.storageClass);
    assert.equal(storageClass, blobstore.StorageClass.InfrequentAccess);
    // `language.nodejs.requiredOutputs` (Bucket: versioning; Versioning: maxVersions): typed as
    // present, as the official SDKs type them, so strict code reads them without a check.
    const v: blobstore.types.output.Versioning = await resolve(bucket.versioning);
    const kept: number = v.maxVersions + 1;
    assert.equal(kept, 6);
    assert.equal(await pulumi.isSecret(bucket.encryptionKey), true, "encryptionKey output must stay secret");
});

test("BucketObject lives in the storage module and gets its contentType default", async () => {
    const bucket = new blobstore.Bucket("site", { storageClass: blobstore.StorageClass.Standard });
    const object = new blobstore.storage.BucketObject("index", {
        bucket: bucket.bucketName,
        key: "index.html",
        source: new pulumi.asset.StringAsset("<h1>hi</h1>"),
        metadata: { owner: "web" },
    });

    assert.equal(await resolve(object.etag), "etag-1");
    assert.equal(await resolve(object.size), 11);
    const inputs = { ...registered(rec, OBJECT, "index").inputs };
    assert.ok(inputs["source"] instanceof pulumi.asset.StringAsset, `source should be an asset: ${JSON.stringify(inputs["source"])}`);
    assert.equal(await (inputs["source"] as pulumi.asset.StringAsset).text, "<h1>hi</h1>");
    delete inputs["source"];
    assert.deepEqual(inputs, {
        bucket: "site-generated",
        key: "index.html",
        contentType: "application/octet-stream", // the schema's default
        metadata: { owner: "web" },
    });
});

test("getBucket invokes the function and returns a typed result", async () => {
    const result: blobstore.GetBucketResult = await blobstore.getBucket({ bucketName: "logs-bucket" });
    assert.equal(result.arn, "arn:blobstore:::logs-bucket");
    assert.equal(result.storageClass, blobstore.StorageClass.Archive);
    assert.deepEqual(result.tags, { team: "infra" });
    const call = rec.calls.find((c) => c.token === GET_BUCKET && c.inputs["bucketName"] === "logs-bucket");
    assert.ok(call, `no ${GET_BUCKET} call; calls: ${JSON.stringify(rec.calls)}`);
    assert.deepEqual(call.inputs, { bucketName: "logs-bucket" });

    const viaOutput = await resolve(blobstore.getBucketOutput({ bucketName: pulumi.output("other") }));
    assert.equal(viaOutput.bucketName, "other");
});

test("Provider registers as pulumi:providers:blobstore with a secret access key", async () => {
    const provider = new blobstore.Provider("store", { accessKey: "AKIA-TEST" });
    await resolve(provider.urn);
    const p = registered(rec, PROVIDER, "store");
    assert.equal(secretInput(p.inputs["accessKey"]), "AKIA-TEST");
});
