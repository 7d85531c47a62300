package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.TrustedIssuer;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key material one policy needs to judge inbound messages (trust anchors, CRLs, SAML issuer
 * certificates, the decryption key), loaded once at start-up and at each reload.
 * {@code samlIssuers} maps each trusted Issuer value to the certificates it signs with.
 */
public record InboundKeys(List<X509Certificate> trustAnchors, List<X509CRL> crls,
                         Map<String, List<X509Certificate>> samlIssuers, Optional<LoadedKey> decryptionKey) {
    public InboundKeys {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
        Map<String, List<X509Certificate>> copy = new LinkedHashMap<>();
        samlIssuers.forEach((name, certs) -> copy.put(name, List.copyOf(certs)));
        samlIssuers = Collections.unmodifiableMap(copy);
        decryptionKey = decryptionKey == null ? Optional.empty() : decryptionKey;
    }

    /** Loads everything the policy names; problems go to {@code problems} with key paths {@code policies.<name>...}. */
    public static InboundKeys load(PolicyConfig policy, Problems problems) {
        return load(policy, new KeyMaterialLoader(problems));
    }

    public static InboundKeys load(PolicyConfig policy, KeyMaterialLoader loader) {
        String base = "policies." + policy.name();
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : policy.trust().certificates()) {
            anchors.addAll(loader.certificates(file, base + ".trust.certificates"));
        }
        policy.trust().keystore().ifPresent(ks -> anchors.addAll(loader.trustedCertificates(ks,
                base + ".trust.keystore")));
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : policy.trust().crls()) {
            crls.addAll(loader.crls(file, base + ".trust.crls"));
        }
        // Issuers of a disabled SAML policy are never used, so their files need not exist.
        Map<String, List<X509Certificate>> issuers = new LinkedHashMap<>();
        if (policy.saml().enabled()) {
            List<TrustedIssuer> configured = policy.saml().issuers();
            for (int i = 0; i < configured.size(); i++) {
                List<X509Certificate> certs = new ArrayList<>();
                for (Path file : configured.get(i).certificates()) {
                    certs.addAll(loader.certificates(file, base + ".saml.issuers[" + i + "].certificates"));
                }
                issuers.put(configured.get(i).name(), certs);
            }
        }
        Optional<LoadedKey> key = policy.decryption().key().flatMap(k -> loader.key(k, base + ".decryption.key"));
        key.ifPresent(k -> loader.checkDecryption(k, base + ".decryption.key"));
        return new InboundKeys(anchors, crls, issuers, key);
    }
}
