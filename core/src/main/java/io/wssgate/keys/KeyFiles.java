package io.wssgate.keys;

import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.StsAuthentication;
import io.wssgate.config.TrustedIssuer;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files a policy's key material is read from, in a fixed order: exactly those
 * {@link InboundKeys}, {@link OutboundKeys} and the STS validation key load, so a change to any
 * of them is noticed and nothing else is watched.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static List<Path> of(PolicyConfig policy) {
        Set<Path> files = new LinkedHashSet<>(policy.trust().certificates());
        policy.trust().keystore().ifPresent(ks -> files.add(ks.path()));
        files.addAll(policy.trust().crls());
        if (policy.saml().enabled()) {
            policy.saml().issuers().stream().map(TrustedIssuer::certificates).forEach(files::addAll);
        }
        policy.saml().stsValidation().ifPresent(v -> signatureKey(v.authentication(), files));
        policy.decryption().key().ifPresent(k -> add(k, files));
        policy.outbound().signature().ifPresent(s -> add(s.key(), files));
        policy.outbound().encryption().ifPresent(e -> files.add(e.recipientCertificate()));
        Optional<OutboundToken> token = policy.outbound().token();
        token.filter(OutboundToken.SelfIssued.class::isInstance)
                .ifPresent(t -> add(((OutboundToken.SelfIssued) t).saml().issuerKey(), files));
        token.filter(OutboundToken.FromSts.class::isInstance)
                .ifPresent(t -> signatureKey(((OutboundToken.FromSts) t).sts().authentication(), files));
        return List.copyOf(files);
    }

    private static void signatureKey(StsAuthentication authentication, Set<Path> files) {
        if (authentication instanceof StsAuthentication.Signature signature) {
            add(signature.key(), files);
        }
    }

    private static void add(KeySource key, Set<Path> files) {
        if (key instanceof KeySource.KeyStoreEntry entry) {
            files.add(entry.keystore().path());
        } else {
            KeySource.PemKeyPair pem = (KeySource.PemKeyPair) key;
            files.add(pem.privateKey());
            files.add(pem.certificate());
        }
    }
}
