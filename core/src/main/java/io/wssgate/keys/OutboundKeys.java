package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.StsAuthentication;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The key material a policy's outbound section names, loaded once at start-up. */
public record OutboundKeys(Optional<LoadedKey> signingKey, Optional<LoadedKey> samlIssuerKey,
                           Optional<X509Certificate> encryptionRecipient, Optional<LoadedKey> stsAuthenticationKey) {

    public static OutboundKeys load(PolicyConfig policy, KeyMaterialLoader loader) {
        String base = "policies." + policy.name() + ".outbound";
        OutboundPolicy outbound = policy.outbound();
        Optional<LoadedKey> signing = outbound.signature().flatMap(s -> loader.key(s.key(), base + ".signature.key"));
        signing.ifPresent(k -> loader.checkSigning(k, base + ".signature.key"));
        Optional<LoadedKey> issuer = outbound.token()
                .filter(OutboundToken.SelfIssued.class::isInstance).map(OutboundToken.SelfIssued.class::cast)
                .flatMap(t -> loader.key(t.saml().issuerKey(), base + ".token.saml.issuer-key"));
        issuer.ifPresent(k -> loader.checkSigning(k, base + ".token.saml.issuer-key"));
        Optional<X509Certificate> recipient = outbound.encryption().flatMap(e -> {
            String at = base + ".encryption.recipient-certificate";
            Optional<X509Certificate> first = loader.certificates(e.recipientCertificate(), at).stream().findFirst();
            first.ifPresent(c -> loader.checkKeyTransport(c, at));
            return first;
        });
        Optional<LoadedKey> sts = outbound.token()
                .filter(OutboundToken.FromSts.class::isInstance).map(t -> ((OutboundToken.FromSts) t).sts().authentication())
                .filter(StsAuthentication.Signature.class::isInstance)
                .flatMap(a -> loader.key(((StsAuthentication.Signature) a).key(), base + ".token.sts.authentication.key"));
        sts.ifPresent(k -> loader.checkSigning(k, base + ".token.sts.authentication.key"));
        return new OutboundKeys(signing, issuer, recipient, sts);
    }
}
