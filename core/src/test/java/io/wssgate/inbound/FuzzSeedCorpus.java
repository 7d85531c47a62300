package io.wssgate.inbound;

import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.spi.PasswordSource;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fuzzer's starting point: one policy that accepts every message profile at once, and one
 * genuine, freshly signed message per profile (X.509 with each key reference and an EC key,
 * SAML 1.1 and 2.0 holder-of-key, sender-vouches and bearer, a UsernameToken, encrypted Bodies,
 * SOAP 1.1 and 1.2). Keys are generated here at start-up, so nothing secret is committed.
 *
 * <p>WSS4J checks Timestamp, UsernameToken and assertion freshness against the system clock, not
 * an injected one, so a fixed clock cannot keep the seeds valid for a long run; instead every
 * validity window (message TTL, policy max-age, assertion lifetime) is {@link #WINDOW} wide.
 */
final class FuzzSeedCorpus {
    /** Long enough for any fuzzing session started with these seeds. */
    static final Duration WINDOW = Duration.ofDays(1);
    static final String AUDIENCE = "urn:wssgate:fuzz";
    static final String USER = "fuzz-user";
    private static final String PASSWORD = "fuzz-password";

    /** A genuine message and the profile it stands for (the name shows up in failures). */
    record Seed(String profile, byte[] message) {
    }

    private final PolicyConfig policy;
    private final List<Seed> seeds;
    private final Instant createdAt;

    private FuzzSeedCorpus(PolicyConfig policy, List<Seed> seeds, Instant createdAt) {
        this.policy = policy;
        this.seeds = List.copyOf(seeds);
        this.createdAt = createdAt;
    }

    /** Generates keys (written as PEM files into {@code dir}), the policy and the seed messages. */
    static FuzzSeedCorpus generate(Path dir) {
        TestKeys keys = TestKeys.create();
        Identity client = keys.issue("fuzz-client");
        Identity idp = keys.issue("fuzz-idp");
        Identity subject = keys.issue("fuzz-subject");
        Identity server = keys.issue("fuzz-server");
        Instant now = Instant.now();
        PolicyConfig policy = policy(dir, keys, client, idp, server);

        List<Seed> seeds = new ArrayList<>();
        for (KeyIdType keyId : KeyIdType.values()) {
            seeds.add(x509(keyId, client, TestMessages::soap11, "soap11"));
            seeds.add(x509(keyId, client, TestMessages::soap12, "soap12"));
        }
        seeds.add(x509(KeyIdType.BST, keys.issueEc("fuzz-ec-client"), TestMessages::soap11, "soap11-ec"));
        for (SamlSpec.Version version : SamlSpec.Version.values()) {
            String v = version.name().toLowerCase(java.util.Locale.ROOT);
            seeds.add(seed("saml-hok-str-" + v, b -> b.saml(assertion(version, now, idp).holderOfKey(subject))));
            seeds.add(seed("saml-hok-bst-" + v,
                    b -> b.saml(assertion(version, now, idp).holderOfKey(subject)).holderOfKeyViaBst()));
            seeds.add(seed("saml-sv-" + v,
                    b -> b.saml(assertion(version, now, idp).senderVouches()).signWith(client, KeyIdType.BST)));
            seeds.add(seed("saml-bearer-" + v,
                    b -> b.saml(assertion(version, now, idp).bearer()).signWith(client, KeyIdType.BST)));
        }
        seeds.add(seed("username-token-digest",
                b -> b.usernameToken(USER, PASSWORD, PasswordType.DIGEST).signWith(client, KeyIdType.BST)));
        seeds.add(seed("encrypted-body-soap11",
                b -> b.signWith(client, KeyIdType.BST).encryptBodyFor(server.certificate())));
        seeds.add(new Seed("encrypted-body-soap12-ski", TestMessages.soap12(body("encrypted-body-soap12-ski"))
                .timestamp(WINDOW).signWith(client, KeyIdType.ISSUER_SERIAL)
                .encryptBodyFor(server.certificate(), KeyIdType.SKI, null, null).build()));
        return new FuzzSeedCorpus(policy, seeds, now);
    }

    /** Whether {@code message} is exactly one of the genuine seeds. */
    boolean isSeed(byte[] message) {
        return seeds.stream().anyMatch(s -> java.util.Arrays.equals(s.message(), message));
    }

    PolicyConfig policy() {
        return policy;
    }

    List<Seed> seeds() {
        return seeds;
    }

    /** When the seeds were signed: the fixed time of the pipeline's injected clock. */
    Instant createdAt() {
        return createdAt;
    }

    /** Every Body is different, so an accepted Body names the one seed it can have come from. */
    private static String body(String profile) {
        return "<f:order xmlns:f=\"urn:wssgate:fuzz\" f:profile=\"" + profile + "\"><f:item n=\"1\">" + profile
                + "</f:item><f:item n=\"2\"/></f:order>";
    }

    private static Seed x509(KeyIdType keyId, Identity signer, Function<String, MessageBuilder> soap, String soapName) {
        String profile = "x509-" + keyId.name().toLowerCase(java.util.Locale.ROOT) + "-" + soapName;
        return new Seed(profile, soap.apply(body(profile)).timestamp(WINDOW).signWith(signer, keyId).build());
    }

    private static Seed seed(String profile, Function<MessageBuilder, MessageBuilder> shape) {
        return new Seed(profile, shape.apply(TestMessages.soap11(body(profile)).timestamp(WINDOW)).build());
    }

    private static SamlSpec assertion(SamlSpec.Version version, Instant now, Identity idp) {
        SamlSpec spec = version == SamlSpec.Version.SAML_20 ? SamlSpec.saml2() : SamlSpec.saml11();
        return spec.signedBy(idp).audienceRestriction(AUDIENCE).subject("fuzz-" + version.name())
                .attribute("role", "fuzzer").validity(now.minus(Duration.ofMinutes(1)), now.plus(WINDOW));
    }

    /**
     * Secure defaults (signed Body and Timestamp, replay detection on, strict algorithms) with every
     * token type switched on, so one policy accepts all seeds.
     */
    private static PolicyConfig policy(Path dir, TestKeys keys, Identity client, Identity idp, Identity server) {
        try {
            // issuer-serial, SKI and thumbprint references need the signer's certificate itself
            Path trusted = removedOnExit(TestKeys.writePem(dir.resolve("trusted.pem"), keys.ca().certificate(),
                    client.certificate()));
            Path idpPem = removedOnExit(TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate()));
            Path serverKey = removedOnExit(TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey()));
            Path serverPem = removedOnExit(TestKeys.writePem(dir.resolve("server.pem"), server.certificate()));
            PasswordSource passwords = user -> USER.equals(user)
                    ? Optional.of(PASSWORD.toCharArray()) : Optional.empty();
            DecryptionPolicy decryption = new DecryptionPolicy(
                    Optional.of(new KeySource.PemKeyPair(serverKey, serverPem, Optional.empty())),
                    DecryptionPolicy.disabled().keyTransportAlgorithms(), DecryptionPolicy.disabled().dataAlgorithms());
            return ValidatorFixture.policy(trusted)
                    .timestamp(new TimestampPolicy(true, WINDOW, Duration.ofSeconds(60), true, true))
                    .saml(new SamlPolicy(true, List.of(new TrustedIssuer(SamlSpec.DEFAULT_ISSUER, List.of(idpPem))),
                            List.of(AUDIENCE), Duration.ofSeconds(60), WINDOW, Set.of(ConfirmationMethod.values()),
                            AssertionReplay.ALL))
                    .usernameToken(new UsernameTokenPolicy(true, Optional.of(passwords), false, WINDOW,
                            Duration.ofSeconds(60), true))
                    .decryption(decryption)
                    .roles(new RoleMapping(List.of("role"), Map.of()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files registered after their directory are deleted before it. */
    private static Path removedOnExit(Path path) {
        path.toFile().deleteOnExit();
        return path;
    }

    /** A directory for the generated key files that is removed when the JVM exits. */
    static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("wssgate-fuzz");
            return removedOnExit(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
