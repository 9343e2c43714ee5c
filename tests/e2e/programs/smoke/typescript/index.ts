// Engine smoke test: no resource provider, only the runtime, config and stack outputs.
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();

export const greeting = `hello from ${pulumi.getProject()}/${pulumi.getStack()}`;
export const language = "typescript";
export const token = config.requireSecret("token");
