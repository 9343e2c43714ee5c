//! The generated protocol code: Terraform plugin protocols 5 and 6 (shared messages plus
//! one service each), go-plugin's controller, and Pulumi's resource provider service.
#![allow(missing_docs, clippy::all, clippy::pedantic)]

/// Our own package of the messages common to Terraform plugin protocols 5 and 6 (the
/// generated code of the other packages refers to it by this path).
pub mod cloudgen {
    /// Messages common to Terraform plugin protocols 5 and 6.
    pub mod tfplugin {
        tonic::include_proto!("cloudgen.tfplugin");
    }
}
pub use cloudgen::tfplugin;
/// Terraform plugin protocol 5: schema messages and the `tfplugin5.Provider` service.
pub mod tfplugin5 {
    tonic::include_proto!("tfplugin5");
}
/// Terraform plugin protocol 6: schema messages and the `tfplugin6.Provider` service.
pub mod tfplugin6 {
    tonic::include_proto!("tfplugin6");
}
/// go-plugin's `plugin.GRPCController`.
pub mod goplugin {
    tonic::include_proto!("plugin");
}
/// Pulumi's `pulumirpc.ResourceProvider`.
pub mod pulumirpc {
    tonic::include_proto!("pulumirpc");
}
