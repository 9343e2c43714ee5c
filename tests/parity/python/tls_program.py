"""Parity program: every resource and function of the official `pulumi_tls` 4.10.0.

Type-checked (mypy strict) against the official package and, with only the dependency
swapped, against the `pulumi_tls` cloudgen generates from tls-4.10.0.schema.json.
"""

import pulumi
import pulumi_tls as tls

key = tls.PrivateKey("k", algorithm="RSA", rsa_bits=4096)
pem: pulumi.Output[str] = key.private_key_pem
cert = tls.SelfSignedCert(
    "c",
    private_key_pem=key.private_key_pem,
    allowed_uses=["key_encipherment", "digital_signature"],
    validity_period_hours=12,
    subject=tls.SelfSignedCertSubjectArgs(common_name="example.com", organization="ACME"),
)
cert_pem: pulumi.Output[str] = cert.cert_pem
req = tls.CertRequest("r", private_key_pem=key.private_key_pem, subject=tls.CertRequestSubjectArgs(common_name="x"))
signed = tls.LocallySignedCert(
    "l",
    cert_request_pem=req.cert_request_pem,
    ca_private_key_pem=pem,
    ca_cert_pem=cert_pem,
    allowed_uses=["server_auth"],
    validity_period_hours=1,
)
got = tls.get_certificate_output(url="https://example.com", verify_chain=True)
serial: pulumi.Output[str] = got.certificates.apply(lambda cs: cs[0].serial_number)
pub = tls.get_public_key(private_key_pem="pem")
openssh: str = pub.public_key_openssh
pub_out = tls.get_public_key_output(private_key_pem=pem)
prov = tls.Provider("p", proxy=tls.ProviderProxyArgs(url="http://proxy"))

pulumi.export("serial", serial)
pulumi.export("openssh", pub_out.public_key_openssh)
