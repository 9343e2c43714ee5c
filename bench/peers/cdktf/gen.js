#!/usr/bin/env node
// The benchmark's CDKTF peer: @cdktf/provider-generator's generateProviderBindingsFromSchema
// on one `terraform providers schema -json` file, either TypeScript only or followed by the
// full jsii run (jsii compile, then jsii-pacmak --code-only for Python, Java and Go), which
// is what `cdktf get` does for a non-TypeScript project.
//
// Usage: node gen.js --schema FILE --out DIR [--jsii]
// Exit status: 0 ok, 2 bad arguments or unreadable schema, 1 generator failure.
// Phase times go to stderr as one `phases:` line, like the Pulumi peers.
"use strict";

const fs = require("fs");
const path = require("path");

function usage(msg) {
  process.stderr.write(`cdktf-gen: ${msg}\nusage: node gen.js --schema FILE --out DIR [--jsii]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let schemaPath, out, jsii = false;
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case "--schema": schemaPath = args[++i]; break;
    case "--out": out = args[++i]; break;
    case "--jsii": jsii = true; break;
    default: usage(`unknown argument ${args[i]}`);
  }
}
if (!schemaPath || !out) usage("--schema and --out are required");

// The generator phones home for version checks unless this is set; a benchmark must not.
process.env.CHECKPOINT_DISABLE = "1";

const { generateProviderBindingsFromSchema } = require("@cdktf/provider-generator");

async function main() {
  const t0 = process.hrtime.bigint();
  let schema;
  try {
    schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  } catch (e) {
    usage(`cannot read ${schemaPath}: ${e.message}`);
  }
  const providers = Object.keys(schema.provider_schemas || {});
  if (providers.length !== 1) {
    usage(`${schemaPath}: expected one provider in provider_schemas, found ${providers.length}`);
  }
  // The generator names the provider directory after the last segment of the source address.
  const name = providers[0].split("/").pop();
  const t1 = process.hrtime.bigint();

  let options;
  if (jsii) {
    // The same module set and targets ConstructsMaker.generateJsiiLanguage uses for a provider.
    const dep = (m) => path.dirname(require.resolve(`${m}/package.json`));
    options = {
      entrypoint: `providers/${name}/index.ts`,
      deps: [dep("@types/node"), dep("constructs"), dep("cdktf")],
      moduleKey: name,
      exports: { ".": { import: `./providers/${name}/index.js`, require: `./providers/${name}/lazy-index.js` } },
      python: { outdir: path.join(out, "python"), moduleName: `imports.${name}` },
      java: { outdir: path.join(out, "java"), package: `imports.${name}` },
      golang: { outdir: path.join(out, "go"), moduleName: "example.com/bench/gen", packageName: name },
    };
    for (const d of ["python", "java", "go"]) fs.mkdirSync(path.join(out, d), { recursive: true });
  }
  await generateProviderBindingsFromSchema(path.join(out, "typescript"), schema, options);
  const t2 = process.hrtime.bigint();
  const s = (a, b) => (Number(b - a) / 1e9).toFixed(3);
  process.stderr.write(`phases: lang=${jsii ? "typescript+jsii(python,java,go)" : "typescript"} read=${s(t0, t1)}s generate=${s(t1, t2)}s\n`);
}

main().catch((e) => {
  process.stderr.write(`cdktf-gen: error: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
