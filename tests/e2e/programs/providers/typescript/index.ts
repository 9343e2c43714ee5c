// The end-to-end program: real Terraform providers (random, tls, local, time) behind the
// cloudgen shim, driven through the SDKs cloudgen generated from their schemas.
// Config: `dir` (where local files go) and `generation` (changed between two `up`s: the
// resources whose inputs follow it are replaced, as the providers plan; the rest stay).
import * as pulumi from "@pulumi/pulumi";
import * as local from "./sdk/local";
import * as random from "./sdk/random";
import * as time from "./sdk/time";
import * as tls from "./sdk/tls";

const config = new pulumi.Config();
const dir = config.require("dir");
const generation = config.require("generation");

const pet = new random.Pet("pet", { length: 2, separator: "-", keepers: { generation } });
const password = new random.Password("password", { length: 24, special: false });
const id = new random.Id("id", { byteLength: 8, keepers: { pet: pet.id } });

const key = new tls.PrivateKey("key", { algorithm: "ECDSA", ecdsaCurve: "P256" });
const cert = new tls.SelfSignedCert("cert", {
    privateKeyPem: key.privateKeyPem,
    validityPeriodHours: 24,
    allowedUses: ["digital_signature", "server_auth"],
    subjects: [{ commonName: "cloudgen-e2e", organization: "cloudgen" }],
});

// The path is the file's identity: a replacement must delete the old file before writing
// the new one (Pulumi's default order, create first, would delete the new file's path).
const file = new local.File(
    "file",
    { filename: `${dir}/pet.txt`, content: pulumi.interpolate`${pet.id}\n`, filePermission: "0644" },
    { deleteBeforeReplace: true },
);
// Replaced whenever a trigger changes (time_static plans RequiresReplace on `triggers`).
const trigger = new time.Static("trigger", { triggers: { file: file.id, generation } });
// A data source: read back through the provider what the resource wrote.
const readBack = local.getFileOutput({ filename: file.filename });

export const petName = pet.id;
export const passwordResult = password.result;
export const idHex = id.hex;
export const keyAlgorithm = key.algorithm;
export const publicKeyPem = key.publicKeyPem;
export const privateKeyPem = key.privateKeyPem;
export const certPem = cert.certPem;
export const filePath = file.filename;
export const readBackContent = readBack.content;
export const triggerId = trigger.id;
export const triggerGeneration = trigger.triggers.apply((t) => t?.generation);
