"""Parity program: every resource and function of the official `pulumi_random` 4.21.1.

Type-checked (mypy strict) against the official package and, with only the dependency
swapped, against the `pulumi_random` cloudgen generates from random-4.21.1.schema.json.
"""

from collections.abc import Sequence

import pulumi
import pulumi_random as random

pw = random.RandomPassword("pw", length=16, special=True, override_special="_%@", keepers={"k": "v"})
result: pulumi.Output[str] = pw.result
bcrypt: pulumi.Output[str] = pw.bcrypt_hash
looked = random.RandomPassword.get("old", "id")
pet = random.RandomPet("pet", length=2, separator="-")
pet_id: pulumi.Output[str] = pet.id
rid = random.RandomId("rid", byte_length=8, prefix=pulumi.Output.from_input("p-"))
hex_: pulumi.Output[str] = rid.hex
shuffle = random.RandomShuffle("sh", inputs=["a", pulumi.Output.from_input("b")], result_count=1)
results: pulumi.Output[Sequence[str]] = shuffle.results
integer = random.RandomInteger("int", min=1, max=10)
n: pulumi.Output[int] = integer.result
uuid: pulumi.Output[str] = random.RandomUuid("u").result
u4: pulumi.Output[str] = random.RandomUuid4("u4").result
u7: pulumi.Output[str] = random.RandomUuid7("u7", keepers={"k": "v"}).result
raw = random.RandomBytes("b", length=32, keepers={"k": "v"})
b64: pulumi.Output[str] = raw.base64
provider = random.Provider("prov")
tf = provider.terraform_config()
s = random.RandomString("s", length=4, opts=pulumi.ResourceOptions(provider=provider))
args = random.RandomPasswordArgs(length=3)
from_args = random.RandomPassword("from-args", args)
string_args = random.RandomStringArgs(length=5, min_upper=1)

pulumi.export("result", result)
pulumi.export("tf", tf.result)
