// Parity program for com.pulumi:tls 4.10.0: every resource (Args builders with nested
// subject types, outputs, static get with State), both functions in their Output and plain
// forms, the provider with its proxy type and the Config class, written against the
// official Java SDK's public surface. It must compile against the official jar and against
// the SDK cloudgen generates from tls-4.10.0.schema.json.
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.tls.CertRequest;
import com.pulumi.tls.CertRequestArgs;
import com.pulumi.tls.Config;
import com.pulumi.tls.LocallySignedCert;
import com.pulumi.tls.LocallySignedCertArgs;
import com.pulumi.tls.PrivateKey;
import com.pulumi.tls.PrivateKeyArgs;
import com.pulumi.tls.Provider;
import com.pulumi.tls.ProviderArgs;
import com.pulumi.tls.SelfSignedCert;
import com.pulumi.tls.SelfSignedCertArgs;
import com.pulumi.tls.TlsFunctions;
import com.pulumi.tls.config.inputs.Proxy;
import com.pulumi.tls.inputs.CertRequestSubjectArgs;
import com.pulumi.tls.inputs.GetCertificateArgs;
import com.pulumi.tls.inputs.GetCertificatePlainArgs;
import com.pulumi.tls.inputs.GetPublicKeyArgs;
import com.pulumi.tls.inputs.GetPublicKeyPlainArgs;
import com.pulumi.tls.inputs.PrivateKeyState;
import com.pulumi.tls.inputs.ProviderProxyArgs;
import com.pulumi.tls.inputs.SelfSignedCertSubjectArgs;
import com.pulumi.tls.outputs.CertRequestSubject;
import com.pulumi.tls.outputs.GetCertificateCertificate;
import com.pulumi.tls.outputs.GetCertificateResult;
import com.pulumi.tls.outputs.GetPublicKeyResult;
import com.pulumi.tls.outputs.SelfSignedCertSubject;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

public class TlsParity {
    public static void main(String[] args) {
        Pulumi.run(TlsParity::stack);
    }

    public static void stack(Context ctx) {
        Optional<Proxy> configured = new Config().proxy();
        Optional<String> proxyUrl = configured.flatMap(Proxy::url);
        var provider = new Provider("tls", ProviderArgs.builder()
            .proxy(ProviderProxyArgs.builder().url("http://proxy:3128").username("u").password("p").fromEnv(false).build())
            .build());

        var key = new PrivateKey("key", PrivateKeyArgs.builder().algorithm("ECDSA").ecdsaCurve("P256").build());
        var rsa = new PrivateKey("rsa", PrivateKeyArgs.builder().algorithm("RSA").rsaBits(4096).build());
        Output<String> pem = key.privateKeyPem();
        Output<String> publicPem = key.publicKeyPem();
        Output<String> openssh = key.publicKeyOpenssh();
        Output<String> fingerprint = key.publicKeyFingerprintSha256();
        var keyAgain = PrivateKey.get("key-again", key.id(), PrivateKeyState.builder().algorithm("ECDSA").build(), null);

        var ca = new SelfSignedCert("ca", SelfSignedCertArgs.builder()
            .privateKeyPem(rsa.privateKeyPem())
            .isCaCertificate(true)
            .validityPeriodHours(8760)
            .earlyRenewalHours(24)
            .allowedUses("cert_signing", "crl_signing")
            .dnsNames(List.of("ca.example.com"))
            .subject(SelfSignedCertSubjectArgs.builder().commonName("Example CA").organization("Example").streetAddresses("1 Main St").build())
            .setSubjectKeyId(true)
            .build());
        Output<String> caPem = ca.certPem();
        Output<Optional<SelfSignedCertSubject>> caSubject = ca.subject();

        var req = new CertRequest("req", CertRequestArgs.builder()
            .privateKeyPem(key.privateKeyPem())
            .dnsNames("www.example.com")
            .ipAddresses("192.0.2.1")
            .uris("spiffe://example/www")
            .subject(CertRequestSubjectArgs.builder().commonName("www.example.com").country("US").build())
            .build());
        Output<String> csr = req.certRequestPem();
        Output<Optional<CertRequestSubject>> reqSubject = req.subject();

        var signed = new LocallySignedCert("signed", LocallySignedCertArgs.builder()
            .certRequestPem(req.certRequestPem())
            .caPrivateKeyPem(rsa.privateKeyPem())
            .caCertPem(ca.certPem())
            .validityPeriodHours(720)
            .allowedUses(List.of("server_auth"))
            .build());
        Output<String> leaf = signed.certPem();
        Output<Boolean> ready = signed.readyForRenewal();

        Output<GetPublicKeyResult> pub = TlsFunctions.getPublicKey(GetPublicKeyArgs.builder().privateKeyPem(key.privateKeyPem()).build());
        Output<String> pubPem = pub.applyValue(GetPublicKeyResult::publicKeyPem);
        CompletableFuture<GetPublicKeyResult> pubPlain = TlsFunctions.getPublicKeyPlain(GetPublicKeyPlainArgs.builder().privateKeyPem("-----BEGIN-----").build());
        Output<GetCertificateResult> cert = TlsFunctions.getCertificate(GetCertificateArgs.builder().url("https://example.com").verifyChain(true).build());
        Output<List<GetCertificateCertificate>> chain = cert.applyValue(GetCertificateResult::certificates);
        Output<String> sha1 = cert.applyValue(c -> c.certificates().get(0).sha1Fingerprint());
        CompletableFuture<GetCertificateResult> certPlain = TlsFunctions.getCertificatePlain(GetCertificatePlainArgs.builder().content("pem").build(), InvokeOptions.Empty);
        Output<GetCertificateResult> noArgs = TlsFunctions.getCertificate();

        ctx.export("pems", Output.all(pem, publicPem, openssh, fingerprint, caPem, csr, leaf, pubPem, sha1, keyAgain.algorithm()));
        ctx.export("subjects", Output.tuple(caSubject, reqSubject, chain, ready));
        ctx.export("plain", Output.of(pubPlain.thenCombine(certPlain, (a, b) -> a.publicKeyPem() + b.id())));
        ctx.export("noArgs", noArgs.applyValue(GetCertificateResult::id));
        ctx.export("proxyUrl", Output.of(proxyUrl.orElse("")));
        ctx.export("provider", provider.urn());
    }
}
