"""Engine smoke test: no resource provider, only the runtime, config and stack outputs."""

import pulumi

config = pulumi.Config()

pulumi.export("greeting", f"hello from {pulumi.get_project()}/{pulumi.get_stack()}")
pulumi.export("language", "python")
pulumi.export("token", config.require_secret("token"))
