package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.MessageLimits;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.RoleMapping;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.Secret;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.config.WssGateConfig;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One configuration using every key, loaded from YAML, flat keys and a tree: all three give the same model. */
class ConfigLoaderRoundTripTest {
    private static final Map<String, String> VARS = Map.of("TRUST_PW", "trust-secret", "ALICE_PW", "alice-secret");
    private static final VariableResolver RESOLVER = name -> Optional.ofNullable(VARS.get(name));

    @TempDir
    Path dir;
    Path serverJks;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("store-password.txt"), "store-secret\n");
        Files.writeString(dir.resolve("key-password.txt"), "pem-secret\r\n");
        Files.writeString(dir.resolve("users.properties"), "alice=${ALICE_PW}\nbob=bob-secret\n");
        serverJks = dir.resolve("elsewhere").resolve("server.jks");
    }

    private String yaml() {
        return """
                policies:
                  partner:
                    paths: [/services/partner/*, "*.svc"]
                    allow-wsdl-get: false
                    limits:
                      max-message-size: 2MiB
                      max-depth: 64
                      max-elements: 250000
                    timestamp:
                      required: false
                      max-age: 10m
                      future-skew: 30s
                      expires-required: false
                      replay-detection: false
                    signature:
                      required: true
                      parts: [Body, "{urn:example:headers}Routing"]
                      x509-authentication: false
                      algorithms:
                        signature: [http://www.w3.org/2001/04/xmldsig-more#rsa-sha512]
                        digest: [http://www.w3.org/2001/04/xmlenc#sha512]
                        canonicalization: ["http://www.w3.org/2001/10/xml-exc-c14n#"]
                        min-rsa-key-size: 3072
                        min-ec-key-size: 384
                    trust:
                      certificates: [certs/ca.pem, certs/ca2.pem]
                      keystore: { path: trust.p12, type: PKCS12, password: "${TRUST_PW}" }
                      crls: [ca.crl]
                      subject-dn-patterns: ["CN=.*,O=Partner,C=DE", "CN=gateway,O=Partner,C=DE"]
                    saml:
                      issuers:
                        - name: https://idp.example.com
                          certificates: [idp.pem]
                        - name: https://idp2.example.com
                          certificates: [idp2.pem, idp2-next.pem]
                      audiences: [urn:my:service, urn:my:other]
                      clock-skew: 2m
                      max-age: 1h
                      confirmation-methods: [holder-of-key, bearer]
                      replay: all
                      recipients: [https://api.example.com/services/partner, "https://gw.example.com:8443/partner"]
                      check-address: true
                      bearer-confirmation-window-required: false
                    username-token:
                      enabled: true
                      passwords: users.properties
                      allow-password-text: true
                      max-age: 1m
                      future-skew: 5s
                      nonce-replay-detection: false
                    decryption:
                      key:
                        keystore: { path: "%s", type: jks, password-file: store-password.txt }
                        alias: server
                        key-password: "${KEY_PW:-fallback}"
                      key-transport-algorithms: [http://www.w3.org/2009/xmlenc11#rsa-oaep]
                      data-algorithms: [http://www.w3.org/2009/xmlenc11#aes256-gcm]
                      required-parts: [Body, "{urn:example:headers}Routing"]
                    roles:
                      saml-attributes: [role, groups]
                      certificate-subjects:
                        - subject: "CN=client, O=Example"
                          roles: [admin, user]
                        - subject: CN=batch,O=Example
                          roles: [batch]
                  internal:
                    paths: /internal/*
                    username-token:
                      enabled: true
                      password-source: io.wssgate.config.load.FixedPasswordSource
                    decryption:
                      key:
                        private-key: keys/server-key.pem
                        certificate: keys/server.pem
                        password-file: key-password.txt
                """.formatted(serverJks);
    }

    private Map<String, String> flat() {
        Map<String, String> m = new LinkedHashMap<>();
        String p = "policies.partner.";
        m.put(p + "paths", "/services/partner/*, *.svc");
        m.put(p + "allow-wsdl-get", "false");
        m.put(p + "limits.max-message-size", "2MiB");
        m.put(p + "limits.max-depth", "64");
        m.put(p + "limits.max-elements", "250000");
        m.put(p + "timestamp.required", "false");
        m.put(p + "timestamp.max-age", "10m");
        m.put(p + "timestamp.future-skew", "30s");
        m.put(p + "timestamp.expires-required", "false");
        m.put(p + "timestamp.replay-detection", "false");
        m.put(p + "signature.required", "true");
        m.put(p + "signature.parts", "Body,{urn:example:headers}Routing");
        m.put(p + "signature.x509-authentication", "false");
        m.put(p + "signature.algorithms.signature", AlgorithmPolicy.RSA_SHA512);
        m.put(p + "signature.algorithms.digest[0]", AlgorithmPolicy.SHA512);
        m.put(p + "signature.algorithms.canonicalization.0", AlgorithmPolicy.EXC_C14N);
        m.put(p + "signature.algorithms.min-rsa-key-size", "3072");
        m.put(p + "signature.algorithms.min-ec-key-size", "384");
        m.put(p + "trust.certificates[0]", "certs/ca.pem");
        m.put(p + "trust.certificates[1]", "certs/ca2.pem");
        m.put(p + "trust.keystore.path", "trust.p12");
        m.put(p + "trust.keystore.type", "PKCS12");
        m.put(p + "trust.keystore.password", "${TRUST_PW}");
        m.put(p + "trust.crls", "ca.crl");
        m.put(p + "trust.subject-dn-patterns[0]", "CN=.*,O=Partner,C=DE");
        m.put(p + "trust.subject-dn-patterns.1", "CN=gateway,O=Partner,C=DE");
        m.put(p + "saml.issuers[0].name", "https://idp.example.com");
        m.put(p + "saml.issuers[0].certificates", "idp.pem");
        m.put(p + "saml.issuers.1.name", "https://idp2.example.com");
        m.put(p + "saml.issuers.1.certificates", "idp2.pem, idp2-next.pem");
        m.put(p + "saml.audiences", "urn:my:service,urn:my:other");
        m.put(p + "saml.clock-skew", "2m");
        m.put(p + "saml.max-age", "PT1H");
        m.put(p + "saml.confirmation-methods", "holder-of-key,bearer");
        m.put(p + "saml.replay", "all");
        m.put(p + "saml.recipients", "https://api.example.com/services/partner, https://gw.example.com:8443/partner");
        m.put(p + "saml.check-address", "true");
        m.put(p + "saml.bearer-confirmation-window-required", "false");
        m.put(p + "username-token.enabled", "true");
        m.put(p + "username-token.passwords", "users.properties");
        m.put(p + "username-token.allow-password-text", "true");
        m.put(p + "username-token.max-age", "60s");
        m.put(p + "username-token.future-skew", "5000ms");
        m.put(p + "username-token.nonce-replay-detection", "false");
        m.put(p + "decryption.key.keystore.path", serverJks.toString());
        m.put(p + "decryption.key.keystore.type", "JKS");
        m.put(p + "decryption.key.keystore.password-file", "store-password.txt");
        m.put(p + "decryption.key.alias", "server");
        m.put(p + "decryption.key.key-password", "${KEY_PW:-fallback}");
        m.put(p + "decryption.key-transport-algorithms", DecryptionPolicy.RSA_OAEP_11);
        m.put(p + "decryption.data-algorithms", DecryptionPolicy.AES256_GCM);
        m.put(p + "decryption.required-parts", "Body,{urn:example:headers}Routing");
        m.put(p + "roles.saml-attributes", "role, groups");
        m.put(p + "roles.certificate-subjects[0].subject", "CN=client, O=Example");
        m.put(p + "roles.certificate-subjects[0].roles", "admin,user");
        m.put(p + "roles.certificate-subjects[1].subject", "CN=batch,O=Example");
        m.put(p + "roles.certificate-subjects[1].roles", "batch");
        String q = "policies.internal.";
        m.put(q + "paths", "/internal/*");
        m.put(q + "username-token.enabled", "true");
        m.put(q + "username-token.password-source", FixedPasswordSource.class.getName());
        m.put(q + "decryption.key.private-key", "keys/server-key.pem");
        m.put(q + "decryption.key.certificate", "keys/server.pem");
        m.put(q + "decryption.key.password-file", "key-password.txt");
        return m;
    }

    private WssGateConfig expected() {
        PolicyConfig partner = PolicyConfig.builder("partner")
                .paths(List.of("/services/partner/*", "*.svc"))
                .allowWsdlGet(false)
                .limits(new MessageLimits(2L * 1024 * 1024, 64, 250_000))
                .timestamp(new TimestampPolicy(false, Duration.ofMinutes(10), Duration.ofSeconds(30), false, false))
                .signature(new SignaturePolicy(true, true, false, List.of(new QName("urn:example:headers", "Routing")),
                        new AlgorithmPolicy(Set.of(AlgorithmPolicy.RSA_SHA512), Set.of(AlgorithmPolicy.SHA512),
                                Set.of(AlgorithmPolicy.EXC_C14N), 3072, 384), false))
                .trust(new TrustConfig(List.of(dir.resolve("certs/ca.pem"), dir.resolve("certs/ca2.pem")),
                        Optional.of(new KeyStoreConfig(dir.resolve("trust.p12"), "PKCS12", Secret.of("trust-secret"))),
                        List.of(dir.resolve("ca.crl")),
                        List.of(Pattern.compile("CN=.*,O=Partner,C=DE"), Pattern.compile("CN=gateway,O=Partner,C=DE"))))
                .saml(new SamlPolicy(true,
                        List.of(new TrustedIssuer("https://idp.example.com", List.of(dir.resolve("idp.pem"))),
                                new TrustedIssuer("https://idp2.example.com",
                                        List.of(dir.resolve("idp2.pem"), dir.resolve("idp2-next.pem")))),
                        List.of("urn:my:service", "urn:my:other"), Duration.ofMinutes(2), Duration.ofHours(1),
                        Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.BEARER), AssertionReplay.ALL)
                        .withRecipients(List.of("https://api.example.com/services/partner",
                                "https://gw.example.com:8443/partner"))
                        .withAddressCheck(true)
                        .withBearerConfirmationWindowRequired(false))
                .usernameToken(new UsernameTokenPolicy(true,
                        Optional.of(new PropertiesPasswordSource(Map.of("alice", "alice-secret", "bob", "bob-secret"))),
                        true, Duration.ofMinutes(1), Duration.ofSeconds(5), false))
                .decryption(new DecryptionPolicy(Optional.of(new KeySource.KeyStoreEntry(
                        new KeyStoreConfig(serverJks, "JKS", Secret.of("store-secret")), "server",
                        Optional.of(Secret.of("fallback")))),
                        Set.of(DecryptionPolicy.RSA_OAEP_11), Set.of(DecryptionPolicy.AES256_GCM),
                        true, List.of(new QName("urn:example:headers", "Routing"))))
                .roles(new RoleMapping(List.of("role", "groups"),
                        Map.of("CN=client,O=Example", Set.of("admin", "user"), "CN=batch,O=Example", Set.of("batch"))))
                .build();
        PolicyConfig internal = PolicyConfig.builder("internal")
                .path("/internal/*")
                .usernameToken(new UsernameTokenPolicy(true, Optional.of(new FixedPasswordSource()), false,
                        Duration.ofMinutes(5), Duration.ofSeconds(60), true))
                .decryption(new DecryptionPolicy(Optional.of(new KeySource.PemKeyPair(
                        dir.resolve("keys/server-key.pem"), dir.resolve("keys/server.pem"),
                        Optional.of(Secret.of("pem-secret")))),
                        DecryptionPolicy.disabled().keyTransportAlgorithms(),
                        DecryptionPolicy.disabled().dataAlgorithms()))
                .build();
        return WssGateConfig.of(partner, internal);
    }

    /** Records compare by equals, but Pattern and Secret do not implement it: compare by content instead. */
    private static void assertSameModel(WssGateConfig actual, WssGateConfig expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(Pattern::pattern), Pattern.class)
                .withComparatorForType(Comparator.comparing(s -> s.getClass().getName()), FixedPasswordSource.class)
                .isEqualTo(expected);
    }

    @Test
    void yamlFileBindsEveryKey() throws Exception {
        Path file = Files.writeString(dir.resolve("wssgate.yaml"), yaml());

        WssGateConfig config = ConfigLoader.fromYaml(file, RESOLVER);

        assertSameModel(config, expected());
        assertThat(config.policies()).extracting(PolicyConfig::name).containsExactly("partner", "internal");
        assertThat(config.policies().get(0).usernameToken().passwordSource().orElseThrow().passwordOf("alice"))
                .hasValueSatisfying(pw -> assertThat(new String(pw)).isEqualTo("alice-secret"));
        assertThat(config.policies().get(1).usernameToken().passwordSource().orElseThrow())
                .isInstanceOf(FixedPasswordSource.class);
    }

    @Test
    void flatPropertiesGiveTheSameModelAsYaml() {
        WssGateConfig fromYaml = ConfigLoader.fromYaml(new StringReader(yaml()), dir, RESOLVER);

        WssGateConfig fromFlat = ConfigLoader.fromProperties(flat(), dir, RESOLVER);

        assertSameModel(fromFlat, fromYaml);
        assertSameModel(fromFlat, expected());
    }

    @Test
    void nestedTreeWithTypedScalarsGivesTheSameModel() {
        Map<String, Object> limits = Map.of("max-message-size", 2L * 1024 * 1024, "max-depth", 64, "max-elements", 250000);
        Map<String, Object> timestamp = Map.of("required", false, "max-age", "10m", "future-skew", "30s",
                "expires-required", false, "replay-detection", false);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("paths", List.of("/a/*"));
        policy.put("limits", limits);
        policy.put("timestamp", timestamp);
        policy.put("trust", Map.of("certificates", List.of("ca.pem")));
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("p", policy);

        WssGateConfig config = ConfigLoader.fromTree(Map.of("policies", policies), dir, RESOLVER);

        PolicyConfig p = config.policies().get(0);
        assertThat(p.limits()).isEqualTo(new MessageLimits(2L * 1024 * 1024, 64, 250_000));
        assertThat(p.timestamp()).isEqualTo(new TimestampPolicy(false, Duration.ofMinutes(10),
                Duration.ofSeconds(30), false, false));
        assertThat(p.trust().certificates()).containsExactly(dir.resolve("ca.pem"));
    }

    @Test
    void minimalPolicyGetsTheSecureDefaults() {
        WssGateConfig config = ConfigLoader.fromProperties(Map.of("policies.p.paths", "/s/*",
                "policies.p.trust.certificates", "ca.pem"), dir, RESOLVER);

        PolicyConfig p = config.policies().get(0);
        assertThat(p.limits()).isEqualTo(MessageLimits.defaults());
        assertThat(p.timestamp()).isEqualTo(TimestampPolicy.defaults());
        assertThat(p.signature()).isEqualTo(SignaturePolicy.defaults());
        assertThat(p.saml()).isEqualTo(SamlPolicy.disabled());
        assertThat(p.usernameToken()).isEqualTo(UsernameTokenPolicy.disabled());
        assertThat(p.decryption()).isEqualTo(DecryptionPolicy.disabled());
        assertThat(p.roles()).isEqualTo(RoleMapping.none());
        assertThat(p.allowWsdlGet()).isTrue();
    }
}
