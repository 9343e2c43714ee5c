"""Runtime program for the `blobstore` SDK generated from schemas/blobstore.schema.json (a
Pulumi package schema): resources in two modules, an enum, object types, defaults and a
function through the generated Python SDK, under pulumi's mocks. Written as a user of the
official SDK would write it, so it also pins the public surface."""

from typing import Any

import pulumi
import pulumi_blobstore as blobstore

from harness import Recorder, install_mocks, registered, run, secret_input

BUCKET = "blobstore:index:Bucket"
OBJECT = "blobstore:storage:BucketObject"
GET_BUCKET = "blobstore:index:getBucket"
PROVIDER = "pulumi:providers:blobstore"


def computed(args: pulumi.runtime.MockResourceArgs) -> dict[str, Any]:
    if args.typ == BUCKET:
        name = args.inputs.get("bucketName") or f"{args.name}-generated"
        return {"bucketName": name, "arn": f"arn:blobstore:::{name}", "endpoint": f"https://{name}.blobstore.test"}
    if args.typ == OBJECT:
        return {"etag": "etag-1", "size": 11}
    return {}


def call(args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:
    assert args.token == GET_BUCKET, "the only function in blobstore is get_bucket"
    name = args.args["bucketName"]
    return {"bucketName": name, "arn": f"arn:blobstore:::{name}", "storageClass": "ARCHIVE", "tags": {"team": "infra"}}


def mocks() -> Recorder:
    return install_mocks(computed, call)


def test_bucket_registers_token_enums_nested_objects_defaults_and_secret() -> None:
    rec = mocks()

    def program() -> "pulumi.Output[list[Any]]":
        bucket = blobstore.Bucket(
            "logs",
            bucket_name="logs-bucket",
            storage_class=blobstore.StorageClass.INFREQUENT_ACCESS,
            versioning=blobstore.VersioningArgs(enabled=True, max_versions=5, values=["v1"]),
            lifecycle_rules=[
                blobstore.LifecycleRuleArgs(prefix="tmp/", expire_after_days=7, transition_to=blobstore.StorageClass.STANDARD)
            ],
            tags={"team": "infra"},
            encryption_key="kms-key-1",
        )
        # Read the nested object inside apply: Output.all rebuilds dict values as plain dicts,
        # so only apply sees the SDK's typed output class.
        max_versions = bucket.versioning.apply(lambda v: None if v is None else v.max_versions)
        # `values` is also a `dict` method: the output class's property shadows it, as in the
        # official SDKs, so this is the labels, not the bound method.
        labels = bucket.versioning.apply(lambda v: None if v is None else v.values)
        return pulumi.Output.all(bucket.arn, bucket.endpoint, bucket.storage_class, max_versions, labels)

    arn, endpoint, storage_class, max_versions, labels = run(program)
    inputs = dict(registered(rec, BUCKET, "logs").inputs)
    assert secret_input(inputs.pop("encryptionKey")) == "kms-key-1"
    assert inputs == {
        "bucketName": "logs-bucket",
        "storageClass": "INFREQUENT_ACCESS",
        "versioning": {"enabled": True, "maxVersions": 5, "values": ["v1"]},
        "lifecycleRules": [{"prefix": "tmp/", "expireAfterDays": 7, "transitionTo": "STANDARD"}],
        "tags": {"team": "infra"},
        "forceDestroy": False,  # the schema's default, applied by the SDK
    }
    assert arn == "arn:blobstore:::logs-bucket"
    assert endpoint == "https://logs-bucket.blobstore.test"
    assert storage_class == blobstore.StorageClass.INFREQUENT_ACCESS
    assert max_versions == 5
    assert labels == ["v1"]


def test_bucket_object_lives_in_storage_module_with_content_type_default() -> None:
    rec = mocks()

    def program() -> "pulumi.Output[list[Any]]":
        bucket = blobstore.Bucket("site", storage_class=blobstore.StorageClass.STANDARD)
        obj = blobstore.storage.BucketObject(
            "index",
            bucket=bucket.bucket_name,
            key="index.html",
            source=pulumi.StringAsset("<h1>hi</h1>"),
            metadata={"owner": "web"},
        )
        return pulumi.Output.all(obj.etag, obj.size)

    etag, size = run(program)
    assert (etag, size) == ("etag-1", 11)
    inputs = dict(registered(rec, OBJECT, "index").inputs)
    source = inputs.pop("source")
    assert isinstance(source, pulumi.StringAsset) and source.text == "<h1>hi</h1>", f"source should be an asset: {source!r}"
    assert inputs == {
        "bucket": "site-generated",
        "key": "index.html",
        "contentType": "application/octet-stream",  # the schema's default
        "metadata": {"owner": "web"},
    }


def test_get_bucket_invokes_function() -> None:
    rec = mocks()
    result: blobstore.GetBucketResult = blobstore.get_bucket(bucket_name="logs-bucket")
    assert result.arn == "arn:blobstore:::logs-bucket"
    assert result.storage_class == blobstore.StorageClass.ARCHIVE
    assert result.tags == {"team": "infra"}
    assert [(c.token, c.args) for c in rec.calls] == [(GET_BUCKET, {"bucketName": "logs-bucket"})]

    via_output = run(lambda: blobstore.get_bucket_output(bucket_name=pulumi.Output.from_input("other")))
    assert via_output.bucket_name == "other"


def test_provider_registers_with_secret_access_key() -> None:
    rec = mocks()
    run(lambda: blobstore.Provider("store", access_key="AKIA-TEST").urn)
    p = registered(rec, PROVIDER, "store")
    assert secret_input(p.inputs["accessKey"]) == "AKIA-TEST"
