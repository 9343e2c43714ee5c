"""The end-to-end program: real Terraform providers (random, tls, local, time) behind the
cloudgen shim, driven through the SDKs cloudgen generated from their schemas.

Config: `dir` (where local files go) and `generation` (changed between two `up`s: the
resources whose inputs follow it are replaced, as the providers plan; the rest stay).
"""

import pulumi
import pulumi_local as local
import pulumi_random as random
import pulumi_time as tf_time
import pulumi_tls as tls

config = pulumi.Config()
dir = config.require("dir")
generation = config.require("generation")

pet = random.Pet("pet", length=2, separator="-", keepers={"generation": generation})
password = random.Password("password", length=24, special=False)
id = random.Id("id", byte_length=8, keepers={"pet": pet.id})

key = tls.PrivateKey("key", algorithm="ECDSA", ecdsa_curve="P256")
cert = tls.SelfSignedCert(
    "cert",
    private_key_pem=key.private_key_pem,
    validity_period_hours=24,
    allowed_uses=["digital_signature", "server_auth"],
    subjects=[tls.SelfSignedCertSubjectArgs(common_name="cloudgen-e2e", organization="cloudgen")],
)

# The path is the file's identity: a replacement must delete the old file before writing
# the new one (Pulumi's default order, create first, would delete the new file's path).
file = local.File(
    "file",
    filename=f"{dir}/pet.txt",
    content=pet.id.apply(lambda name: f"{name}\n"),
    file_permission="0644",
    opts=pulumi.ResourceOptions(delete_before_replace=True),
)
# Replaced whenever a trigger changes (time_static plans RequiresReplace on `triggers`).
trigger = tf_time.Static("trigger", triggers={"file": file.id, "generation": generation})
# A data source: read back through the provider what the resource wrote.
read_back = local.get_file_output(filename=file.filename)

pulumi.export("petName", pet.id)
pulumi.export("passwordResult", password.result)
pulumi.export("idHex", id.hex)
pulumi.export("keyAlgorithm", key.algorithm)
pulumi.export("publicKeyPem", key.public_key_pem)
pulumi.export("privateKeyPem", key.private_key_pem)
pulumi.export("certPem", cert.cert_pem)
pulumi.export("filePath", file.filename)
pulumi.export("readBackContent", read_back.content)
pulumi.export("triggerId", trigger.id)
pulumi.export("triggerGeneration", trigger.triggers.apply(lambda t: (t or {}).get("generation")))
