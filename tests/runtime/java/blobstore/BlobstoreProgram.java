// Runtime program for the `blobstore` SDK generated from schemas/blobstore.schema.json (a
// Pulumi package schema): resources in two modules, an enum, object types, defaults, a
// secret and a function through the generated Java SDK, under com.pulumi.test mocks.
// Written as a user of an official Java SDK would write it, so it also pins the surface.
import com.pulumi.asset.StringAsset;
import com.pulumi.blobstore.BlobstoreFunctions;
import com.pulumi.blobstore.Bucket;
import com.pulumi.blobstore.BucketArgs;
import com.pulumi.blobstore.Provider;
import com.pulumi.blobstore.ProviderArgs;
import com.pulumi.blobstore.enums.StorageClass;
import com.pulumi.blobstore.inputs.GetBucketArgs;
import com.pulumi.blobstore.inputs.GetBucketPlainArgs;
import com.pulumi.blobstore.inputs.LifecycleRuleArgs;
import com.pulumi.blobstore.inputs.VersioningArgs;
import com.pulumi.blobstore.outputs.GetBucketResult;
import com.pulumi.blobstore.storage.BucketObject;
import com.pulumi.blobstore.storage.BucketObjectArgs;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class BlobstoreProgram {
    static final String BUCKET = "blobstore:index:Bucket";
    static final String OBJECT = "blobstore:storage:BucketObject";
    static final String GET_BUCKET = "blobstore:index:getBucket";
    static final String PROVIDER = "pulumi:providers:blobstore";

    static Harness.Recorder mocks() {
        return new Harness.Recorder(args -> {
            if (args.type.equals(BUCKET)) {
                var name = args.inputs.getOrDefault("bucketName", args.name + "-generated");
                return Map.of("bucketName", name, "arn", "arn:blobstore:::" + name, "endpoint", "https://" + name + ".blobstore.test");
            }
            if (args.type.equals(OBJECT)) {
                return Map.of("etag", "etag-1", "size", 11);
            }
            return Map.of();
        }, call -> {
            Harness.check(call.token.equals(GET_BUCKET), "the only function in blobstore is getBucket, got " + call.token);
            var name = call.args.get("bucketName");
            return Map.of("bucketName", name, "arn", "arn:blobstore:::" + name, "storageClass", "ARCHIVE", "tags", Map.of("team", "infra"));
        });
    }

    static void bucket() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            var bucket = new Bucket("logs", BucketArgs.builder()
                .bucketName("logs-bucket")
                .storageClass(StorageClass.InfrequentAccess)
                .versioning(VersioningArgs.builder().enabled(true).maxVersions(5).build())
                .lifecycleRules(LifecycleRuleArgs.builder().prefix("tmp/").expireAfterDays(7).transitionTo(StorageClass.Standard).build())
                .tags(Map.of("team", "infra"))
                .encryptionKey("kms-key-1")
                .build());
            ctx.export("arn", bucket.arn());
            ctx.export("endpoint", bucket.endpoint());
            ctx.export("storageClass", bucket.storageClass());
            ctx.export("maxVersions", bucket.versioning().applyValue(v -> v.flatMap(x -> x.maxVersions()).orElse(-1)));
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        var inputs = new LinkedHashMap<>(rec.registered(BUCKET, "logs").inputs);
        Harness.eq("kms-key-1", inputs.remove("encryptionKey"), "secret input value");
        Harness.eq(Map.of(
            "bucketName", "logs-bucket",
            "storageClass", "INFREQUENT_ACCESS",
            "versioning", Map.of("enabled", true, "maxVersions", 5.0), // numbers cross the wire as doubles
            "lifecycleRules", List.of(Map.of("prefix", "tmp/", "expireAfterDays", 7.0, "transitionTo", "STANDARD")),
            "tags", Map.of("team", "infra"),
            "forceDestroy", false), inputs, "Bucket inputs (forceDestroy is the schema default)");
        Harness.eq("arn:blobstore:::logs-bucket", seen.get("arn"), "arn");
        Harness.eq("https://logs-bucket.blobstore.test", seen.get("endpoint"), "endpoint");
        Harness.eq(StorageClass.InfrequentAccess, seen.get("storageClass"), "storageClass read back as the enum");
        Harness.eq(5, seen.get("maxVersions"), "nested output object");
    }

    static void bucketObject() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            var bucket = new Bucket("site", BucketArgs.builder().storageClass(StorageClass.Standard).build());
            var obj = new BucketObject("index", BucketObjectArgs.builder()
                .bucket(bucket.bucketName())
                .key("index.html")
                .source(new StringAsset("<h1>hi</h1>"))
                .metadata(Map.of("owner", "web"))
                .build());
            ctx.export("etag", obj.etag());
            ctx.export("size", obj.size());
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        Harness.eq("etag-1", seen.get("etag"), "etag");
        Harness.eq(11, seen.get("size"), "size");
        var inputs = new LinkedHashMap<>(rec.registered(OBJECT, "index").inputs);
        var source = inputs.remove("source");
        Harness.check(source != null, "source asset reaches the engine");
        Harness.eq(Map.of("bucket", "site-generated", "key", "index.html", "contentType", "application/octet-stream", "metadata", Map.of("owner", "web")),
            inputs, "BucketObject inputs (contentType is the schema default)");
    }

    static void getBucket() {
        var rec = mocks();
        var seen = new LinkedHashMap<String, Object>();
        Harness.run(rec, ctx -> {
            Output<GetBucketResult> r = BlobstoreFunctions.getBucket(GetBucketArgs.builder().bucketName("logs-bucket").build());
            ctx.export("arn", r.applyValue(GetBucketResult::arn));
            ctx.export("storageClass", r.applyValue(GetBucketResult::storageClass));
            ctx.export("tags", r.applyValue(GetBucketResult::tags));
            var plain = BlobstoreFunctions.getBucketPlain(GetBucketPlainArgs.builder().bucketName("other").build());
            ctx.export("plain", Output.of(plain.thenApply(GetBucketResult::bucketName)));
        }).outputs().forEach((k, v) -> seen.put(k, Harness.value(v)));
        Harness.eq("arn:blobstore:::logs-bucket", seen.get("arn"), "arn");
        Harness.eq(StorageClass.Archive, seen.get("storageClass"), "storageClass");
        Harness.eq(Map.of("team", "infra"), seen.get("tags"), "tags");
        Harness.eq("other", seen.get("plain"), "getBucketPlain");
        // Both invokes run concurrently; compare them as a set.
        var calls = new java.util.TreeSet<String>();
        rec.calls.forEach(c -> calls.add(c.token + " " + new java.util.TreeMap<>(c.args)));
        Harness.eq(new java.util.TreeSet<>(List.of(GET_BUCKET + " {bucketName=logs-bucket}", GET_BUCKET + " {bucketName=other}")), calls, "invokes");
    }

    static void provider() {
        var rec = mocks();
        Harness.run(rec, ctx -> new Provider("store", ProviderArgs.builder().accessKey("AKIA-TEST").build()));
        var p = rec.registered(PROVIDER, "store");
        Harness.eq("AKIA-TEST", p.inputs.get("accessKey"), "provider accessKey");
    }

    public static void main(String[] args) {
        var tests = new LinkedHashMap<String, Runnable>();
        tests.put("bucket", BlobstoreProgram::bucket);
        tests.put("bucketObject", BlobstoreProgram::bucketObject);
        tests.put("getBucket", BlobstoreProgram::getBucket);
        tests.put("provider", BlobstoreProgram::provider);
        Harness.main("blobstore", tests);
    }
}
