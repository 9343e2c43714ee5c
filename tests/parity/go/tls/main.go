// Parity program: every resource, function, type and config getter of pulumi-tls v4.10.0,
// as a Go user writes it.
package main

import (
	"github.com/pulumi/pulumi-tls/sdk/v4/go/tls"
	"github.com/pulumi/pulumi-tls/sdk/v4/go/tls/config"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		ctx.Export("proxy", pulumi.String(config.GetProxy(ctx)))
		prov, err := tls.NewProvider(ctx, "prov", &tls.ProviderArgs{
			Proxy: &tls.ProviderProxyArgs{Url: pulumi.String("http://proxy"), FromEnv: pulumi.Bool(false)},
		})
		if err != nil {
			return err
		}
		key, err := tls.NewPrivateKey(ctx, "key", &tls.PrivateKeyArgs{Algorithm: pulumi.String("RSA"), RsaBits: pulumi.Int(2048)}, pulumi.Provider(prov))
		if err != nil {
			return err
		}
		ctx.Export("pub", key.PublicKeyOpenssh)
		ca, err := tls.NewSelfSignedCert(ctx, "ca", &tls.SelfSignedCertArgs{
			PrivateKeyPem:       key.PrivateKeyPem,
			ValidityPeriodHours: pulumi.Int(24),
			AllowedUses:         pulumi.StringArray{pulumi.String("cert_signing")},
			IsCaCertificate:     pulumi.Bool(true),
			Subject: tls.SelfSignedCertSubjectPtr(&tls.SelfSignedCertSubjectArgs{
				CommonName:      pulumi.String("ca"),
				StreetAddresses: pulumi.StringArray{pulumi.String("1 Main St")},
			}),
		})
		if err != nil {
			return err
		}
		var subject tls.SelfSignedCertSubjectPtrOutput = ca.Subject
		ctx.Export("cn", subject.CommonName())
		req, err := tls.NewCertRequest(ctx, "req", &tls.CertRequestArgs{
			PrivateKeyPem: key.PrivateKeyPem,
			DnsNames:      pulumi.StringArray{pulumi.String("example.com")},
			Subject:       &tls.CertRequestSubjectArgs{Organization: pulumi.String("Example")},
		})
		if err != nil {
			return err
		}
		cert, err := tls.NewLocallySignedCert(ctx, "cert", &tls.LocallySignedCertArgs{
			CertRequestPem:      req.CertRequestPem,
			CaPrivateKeyPem:     key.PrivateKeyPem,
			CaCertPem:           ca.CertPem,
			ValidityPeriodHours: pulumi.Int(12),
			AllowedUses:         pulumi.StringArray{pulumi.String("server_auth")},
		})
		if err != nil {
			return err
		}
		ctx.Export("certPem", cert.CertPem)
		pk, err := tls.GetPublicKey(ctx, &tls.GetPublicKeyArgs{PrivateKeyPem: pulumi.StringRef("pem")})
		if err != nil {
			return err
		}
		ctx.Export("alg", pulumi.String(pk.Algorithm))
		pko := tls.GetPublicKeyOutput(ctx, tls.GetPublicKeyOutputArgs{PrivateKeyPem: key.PrivateKeyPem})
		ctx.Export("fp", pko.PublicKeyFingerprintSha256())
		c, err := tls.GetCertificate(ctx, &tls.GetCertificateArgs{Url: pulumi.StringRef("https://example.com")})
		if err != nil {
			return err
		}
		var first tls.GetCertificateCertificate = c.Certificates[0]
		ctx.Export("issuer", pulumi.String(first.Issuer))
		co := tls.GetCertificateOutput(ctx, tls.GetCertificateOutputArgs{Content: cert.CertPem, VerifyChain: pulumi.Bool(false)})
		var certs tls.GetCertificateCertificateArrayOutput = co.Certificates()
		ctx.Export("serial", certs.Index(pulumi.Int(0)).SerialNumber())
		got, err := tls.GetPrivateKey(ctx, "got", pulumi.ID("id"), &tls.PrivateKeyState{Algorithm: pulumi.String("ECDSA")})
		if err != nil {
			return err
		}
		ctx.Export("curve", got.EcdsaCurve)
		return nil
	})
}
