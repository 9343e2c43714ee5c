//! Compiles the protocol definitions in `proto/` with the pure-Rust `protox` compiler (no
//! system `protoc`), then generates prost messages and tonic clients/servers from them.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files = [
        "proto/tfplugin_common.proto",
        "proto/tfplugin5.proto",
        "proto/tfplugin6.proto",
        "proto/goplugin.proto",
        "proto/pulumi_provider.proto",
    ];
    for f in &files {
        println!("cargo:rerun-if-changed={f}");
    }
    let fds = protox::compile(files, ["proto"])?;
    tonic_prost_build::configure()
        // Terraform's side is only ever a client, Pulumi's only a server.
        .build_server(true)
        .build_client(true)
        .compile_fds(fds)?;
    Ok(())
}
