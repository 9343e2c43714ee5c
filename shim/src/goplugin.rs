//! Launching a Terraform provider binary as a HashiCorp go-plugin server and connecting to
//! it: the magic-cookie environment, protocol-version negotiation, the handshake line on
//! the plugin's stdout, and AutoMTLS (we send a fresh client certificate in
//! `PLUGIN_CLIENT_CERT`; the plugin answers with its own self-signed certificate, base64
//! DER, in the handshake line, and we trust exactly that certificate).
//!
//! go-plugin's server certificate is ECDSA P-521, which is why rustls runs on aws-lc-rs.

use crate::proto::goplugin::{grpc_controller_client::GrpcControllerClient, Empty};
use base64::Engine as _;
use hyper_util::rt::TokioIo;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tonic::transport::{Channel, Endpoint, Uri};

/// The magic cookie Terraform providers check before serving (go-plugin's HandshakeConfig
/// in terraform-plugin-go).
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";
/// Its value.
pub const MAGIC_COOKIE_VALUE: &str =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

/// How long a provider may take to print its handshake line.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(60);

/// A running provider process and the gRPC channel to it.
pub struct PluginProcess {
    child: Child,
    /// The negotiated Terraform plugin protocol version (5 or 6).
    pub protocol: u32,
    /// The mTLS channel to the plugin's gRPC server.
    pub channel: Channel,
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
}

/// Why a provider could not be launched or reached.
#[derive(Debug)]
pub struct LaunchError(pub String);

impl std::fmt::Display for LaunchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LaunchError {}

/// Where the shim finds the provider binary for `name`: `CLOUDGEN_TF_PROVIDER_PATH` if set
/// (a file), else `terraform-provider-<name>` on `PATH`.
pub fn find_provider(name: &str) -> Result<PathBuf, LaunchError> {
    if let Some(p) = std::env::var_os("CLOUDGEN_TF_PROVIDER_PATH") {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(LaunchError(format!("CLOUDGEN_TF_PROVIDER_PATH={} is not a file", p.display())))
        };
    }
    let file = format!("terraform-provider-{name}");
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(&file))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            LaunchError(format!(
                "{file} is not on PATH; install the provider or set CLOUDGEN_TF_PROVIDER_PATH to the binary"
            ))
        })
}

/// Starts `binary`, offering protocol versions 6 and 5, and connects to it over mTLS.
pub async fn launch(binary: &Path) -> Result<PluginProcess, LaunchError> {
    let e = |m: String| LaunchError(format!("{}: {m}", binary.display()));
    let key = rcgen::KeyPair::generate().map_err(|x| e(format!("client key: {x}")))?;
    let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()])
        .map_err(|x| e(format!("client certificate: {x}")))?;
    params.distinguished_name.push(rcgen::DnType::CommonName, "localhost");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    params.key_usages = vec![
        rcgen::KeyUsagePurpose::DigitalSignature,
        rcgen::KeyUsagePurpose::KeyEncipherment,
        rcgen::KeyUsagePurpose::KeyAgreement,
        rcgen::KeyUsagePurpose::KeyCertSign,
    ];
    params.extended_key_usages = vec![
        rcgen::ExtendedKeyUsagePurpose::ClientAuth,
        rcgen::ExtendedKeyUsagePurpose::ServerAuth,
    ];
    let cert = params.self_signed(&key).map_err(|x| e(format!("client certificate: {x}")))?;

    let mut cmd = Command::new(binary);
    cmd.env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
        .env("PLUGIN_PROTOCOL_VERSIONS", "5,6")
        .env("PLUGIN_CLIENT_CERT", cert.pem())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = cmd.spawn().map_err(|x| e(format!("cannot start: {x}")))?;

    // Keep the provider's last log lines for error messages; echo them when asked to.
    let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
    if let Some(stderr) = child.stderr.take() {
        let tail = stderr_tail.clone();
        let echo = std::env::var_os("CLOUDGEN_SHIM_DEBUG").is_some();
        tokio::spawn(async move {
            let mut lines = BufReader::new(stderr).lines();
            while let Ok(Some(l)) = lines.next_line().await {
                if echo {
                    eprintln!("[provider] {l}");
                }
                let mut t = tail.lock().expect("stderr tail lock");
                if t.len() == 20 {
                    t.pop_front();
                }
                t.push_back(l);
            }
        });
    }
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let line = match tokio::time::timeout(HANDSHAKE_TIMEOUT, lines.next_line()).await {
        Ok(Ok(Some(l))) => l,
        Ok(Ok(None)) | Ok(Err(_)) => {
            let status = child.wait().await.ok();
            tokio::time::sleep(Duration::from_millis(50)).await;
            let tail = stderr_tail.lock().expect("lock").iter().cloned().collect::<Vec<_>>().join("\n");
            return Err(e(format!(
                "exited before the go-plugin handshake ({}); is it a Terraform provider?\n{tail}",
                status.map(|s| s.to_string()).unwrap_or_default()
            )));
        }
        Err(_) => return Err(e("no go-plugin handshake line within 60s".into())),
    };
    // After the handshake go-plugin only writes stray prints here; keep the pipe drained.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

    let hs = Handshake::parse(&line).map_err(e)?;
    let server_der = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(hs.cert.trim_end_matches('='))
        .map_err(|x| e(format!("handshake certificate is not base64: {x}")))?;

    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let verifier = Arc::new(PinnedCert { der: server_der, algs: provider.signature_verification_algorithms });
    let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|x| e(format!("TLS: {x}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_client_auth_cert(vec![cert.der().clone()], key_der)
        .map_err(|x| e(format!("TLS client certificate: {x}")))?;
    // grpc-go refuses TLS connections that did not negotiate h2 by ALPN.
    tls.alpn_protocols = vec![b"h2".to_vec()];
    let connector = tokio_rustls::TlsConnector::from(Arc::new(tls));

    let network = hs.network.clone();
    let address = hs.address.clone();
    let channel = Endpoint::from_static("http://localhost")
        .connect_with_connector(tower::service_fn(move |_: Uri| {
            let connector = connector.clone();
            let network = network.clone();
            let address = address.clone();
            async move {
                let name = ServerName::try_from("localhost").expect("static name");
                let io: Box<dyn AsyncStream> = match network.as_str() {
                    "unix" => Box::new(tokio::net::UnixStream::connect(&address).await?),
                    _ => Box::new(tokio::net::TcpStream::connect(&address).await?),
                };
                let tls = connector.connect(name, io).await?;
                Ok::<_, std::io::Error>(TokioIo::new(tls))
            }
        }))
        .await
        .map_err(|x| e(format!("cannot connect to {} {}: {x:?}", hs.network, hs.address)))?;
    Ok(PluginProcess { child, protocol: hs.protocol, channel, stderr_tail })
}

trait AsyncStream: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send {}
impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send> AsyncStream for T {}

impl PluginProcess {
    /// The provider's last lines of log output (for error messages).
    pub fn stderr_tail(&self) -> String {
        self.stderr_tail.lock().expect("lock").iter().cloned().collect::<Vec<_>>().join("\n")
    }

    /// Asks the plugin to stop (go-plugin's controller), then makes sure it has.
    pub async fn shutdown(mut self) {
        let mut ctl = GrpcControllerClient::new(self.channel.clone());
        let _ = tokio::time::timeout(Duration::from_secs(2), ctl.shutdown(Empty {})).await;
        if tokio::time::timeout(Duration::from_secs(2), self.child.wait()).await.is_err() {
            let _ = self.child.kill().await;
        }
    }
}

/// The go-plugin handshake line: `core|app|network|address|protocol|cert[|...]`.
#[derive(Debug, PartialEq, Eq)]
pub struct Handshake {
    /// The negotiated application protocol version.
    pub protocol: u32,
    /// `unix` or `tcp`.
    pub network: String,
    /// The socket path or host:port.
    pub address: String,
    /// The server certificate, base64 DER without padding.
    pub cert: String,
}

impl Handshake {
    /// Parses and checks a handshake line.
    pub fn parse(line: &str) -> Result<Handshake, String> {
        let parts: Vec<&str> = line.trim().split('|').collect();
        if parts.len() < 6 {
            return Err(format!("unexpected output instead of a go-plugin handshake line: {line:?}"));
        }
        if parts[0] != "1" {
            return Err(format!("go-plugin core protocol {} is not supported (want 1)", parts[0]));
        }
        let protocol: u32 = parts[1].parse().map_err(|_| format!("bad protocol version in {line:?}"))?;
        if protocol != 5 && protocol != 6 {
            return Err(format!("the provider speaks Terraform plugin protocol {protocol}; the shim speaks 5 and 6"));
        }
        if parts[4] != "grpc" {
            return Err(format!("the provider speaks {} instead of grpc", parts[4]));
        }
        if parts[5].is_empty() {
            return Err("the provider did not send a server certificate (AutoMTLS)".into());
        }
        Ok(Handshake {
            protocol,
            network: parts[2].to_string(),
            address: parts[3].to_string(),
            cert: parts[5].to_string(),
        })
    }
}

/// Trusts exactly the certificate the plugin announced in its handshake line; handshake
/// signatures are still verified against it.
#[derive(Debug)]
struct PinnedCert {
    der: Vec<u8>,
    algs: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for PinnedCert {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.der.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::ApplicationVerificationFailure,
            ))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algs)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algs)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_handshake_lines() {
        let h = Handshake::parse("1|6|unix|/tmp/plugin1|grpc|MIIB\n").unwrap();
        assert_eq!((h.protocol, h.network.as_str(), h.address.as_str()), (6, "unix", "/tmp/plugin1"));
        assert!(Handshake::parse("1|6|unix|/tmp/p|grpc|").unwrap_err().contains("AutoMTLS"));
        assert!(Handshake::parse("2|6|unix|/tmp/p|grpc|x").is_err());
        assert!(Handshake::parse("1|4|unix|/tmp/p|grpc|x").unwrap_err().contains("protocol 4"));
        assert!(Handshake::parse("This binary is a plugin.").is_err());
    }
}
