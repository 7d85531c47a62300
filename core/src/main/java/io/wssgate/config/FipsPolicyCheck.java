package io.wssgate.config;

import java.util.Optional;
import java.util.Set;

/**
 * Refuses, naming the key, every setting of a policy that would need an algorithm FIPS mode does
 * not allow ({@link FipsMode}). Settings that are not in use (decryption without a key, a
 * UsernameToken policy that is off) are not judged.
 */
public final class FipsPolicyCheck {
    private FipsPolicyCheck() {
    }

    public static void check(PolicyConfig policy, Problems problems) {
        String at = "policies." + policy.name();
        AlgorithmPolicy algorithms = policy.signature().algorithms();
        approved(algorithms.signature(), FipsMode.SIGNATURE_ALGORITHMS, at + ".signature.algorithms.signature", problems);
        approved(algorithms.digest(), FipsMode.DIGESTS, at + ".signature.algorithms.digest", problems);
        if (algorithms.minRsaKeyBits() < FipsMode.MIN_RSA_KEY_BITS) {
            problems.add(at + ".signature.algorithms.min-rsa-key-size", "FIPS mode needs at least "
                    + FipsMode.MIN_RSA_KEY_BITS + " bits, not " + algorithms.minRsaKeyBits());
        }
        if (algorithms.minEcKeyBits() < FipsMode.MIN_EC_KEY_BITS) {
            problems.add(at + ".signature.algorithms.min-ec-key-size", "FIPS mode needs at least "
                    + FipsMode.MIN_EC_KEY_BITS + " bits, not " + algorithms.minEcKeyBits());
        }
        if (policy.decryption().enabled()) {
            approved(policy.decryption().keyTransportAlgorithms(), FipsMode.KEY_TRANSPORT,
                    at + ".decryption.key-transport-algorithms", problems);
            approved(policy.decryption().dataAlgorithms(), FipsMode.DATA_ALGORITHMS,
                    at + ".decryption.data-algorithms", problems);
        }
        if (policy.usernameToken().enabled()) {
            problems.add(at + ".username-token.enabled", "FIPS mode: a UsernameToken PasswordDigest is SHA-1; "
                    + "turn UsernameTokens off");
        }
        policy.saml().stsValidation().ifPresent(v -> digestPassword(v.authentication(),
                at + ".saml.sts-validation.authentication.password-type", problems));
        outbound(policy.outbound(), at + ".outbound", problems);
    }

    private static void outbound(OutboundPolicy outbound, String at, Problems problems) {
        outbound.signature().ifPresent(s -> {
            s.signatureAlgorithm().ifPresent(a -> approved(Set.of(a), FipsMode.SIGNATURE_ALGORITHMS,
                    at + ".signature.algorithm", problems));
            approved(Set.of(s.digestAlgorithm()), FipsMode.DIGESTS, at + ".signature.digest", problems);
            sha1KeyIdentifier(s.keyIdentifier(), at + ".signature.key-identifier", problems);
        });
        outbound.encryption().ifPresent(e -> {
            approved(Set.of(e.keyTransportAlgorithm()), FipsMode.KEY_TRANSPORT, at + ".encryption.key-transport",
                    problems);
            approved(Set.of(e.dataAlgorithm()), FipsMode.DATA_ALGORITHMS, at + ".encryption.data-algorithm", problems);
            sha1KeyIdentifier(e.keyIdentifier(), at + ".encryption.key-identifier", problems);
        });
        Optional<OutboundToken> token = outbound.token();
        token.filter(OutboundToken.FromSts.class::isInstance)
                .ifPresent(t -> digestPassword(((OutboundToken.FromSts) t).sts().authentication(),
                        at + ".token.sts.authentication.password-type", problems));
    }

    private static void approved(Set<String> configured, Set<String> approved, String key, Problems problems) {
        for (String algorithm : configured.stream().sorted().toList()) {
            if (!approved.contains(algorithm)) {
                problems.add(key, "FIPS mode does not allow " + algorithm + " (allowed: "
                        + String.join(", ", approved.stream().sorted().toList()) + ")");
            }
        }
    }

    private static void sha1KeyIdentifier(KeyIdentifier id, String key, Problems problems) {
        if (id == KeyIdentifier.THUMBPRINT) {
            problems.add(key, "FIPS mode: a thumbprint reference is a SHA-1 hash; use bst, issuer-serial or ski");
        }
    }

    private static void digestPassword(StsAuthentication authentication, String key, Problems problems) {
        if (authentication instanceof StsAuthentication.Username username && !username.passwordText()) {
            problems.add(key, "FIPS mode: a PasswordDigest is SHA-1; use text (over TLS) or a key");
        }
    }
}
