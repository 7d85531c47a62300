package io.wssgate.config.load;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundEncryption;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundSigning;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.SamlIssuance;
import io.wssgate.spi.TokenSupplier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.namespace.QName;

/** Binds {@code outbound}: timestamp, token, signature, encryption, signature-confirmation and addressing. */
final class OutboundBinder {
    private OutboundBinder() {
    }

    static OutboundPolicy outbound(Node node) {
        if (!node.expectMap()) {
            return OutboundPolicy.none();
        }
        OutboundPolicy policy = new OutboundPolicy(timestamp(node.get("timestamp")), token(node.get("token")),
                signature(node.get("signature")), encryption(node.get("encryption")),
                node.get("signature-confirmation").parse(ValueParsers::bool).orElse(false),
                AddressingBinder.outbound(node.get("addressing")));
        encryptedAssertionUsable(policy, node);
        return policy;
    }

    /** Only a SAML 2.0 token can travel as a saml2:EncryptedAssertion. */
    private static void encryptedAssertionUsable(OutboundPolicy policy, Node node) {
        if (policy.encryption().isEmpty() || !policy.encryption().get().encryptAssertion()) {
            return;
        }
        Node key = node.get("encryption").get("assertion");
        if (!node.get("token").present()) {
            key.problem("requires outbound.token (the assertion to encrypt)");
        } else if (policy.token().orElse(null) instanceof OutboundToken.SelfIssued selfIssued
                && !selfIssued.saml().saml2()) {
            key.problem("requires a SAML 2.0 token: SAML 1.1 has no EncryptedAssertion");
        }
    }

    private static Optional<Duration> timestamp(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        boolean enabled = node.get("enabled").parse(ValueParsers::bool).orElse(true);
        Duration ttl = node.get("ttl").parse(ValueParsers::duration).orElse(Duration.ofMinutes(5));
        return enabled ? Optional.of(ttl) : Optional.empty();
    }

    private static Optional<OutboundSigning> signature(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        Optional<KeySource> key = requiredKey(node.get("key"));
        KeyIdentifier keyId = keyIdentifier(node.get("key-identifier"), KeyIdentifier.BST);
        Parts parts = parts(node.get("parts"), List.of("Body", "Timestamp"),
                List.of("Body", "Timestamp", "Token", "Attachments"));
        return key.map(k -> new OutboundSigning(k, keyId, node.get("algorithm").text(),
                node.get("digest").text().orElse(AlgorithmPolicy.SHA256),
                node.get("canonicalization").text().orElse(AlgorithmPolicy.EXC_C14N),
                parts.named("Body"), parts.named("Timestamp"), parts.named("Token"), parts.headers(),
                parts.named("Attachments")));
    }

    private static Optional<OutboundEncryption> encryption(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        Optional<Path> recipient = node.get("recipient-certificate").requiredFile();
        KeyIdentifier keyId = keyIdentifier(node.get("key-identifier"), KeyIdentifier.ISSUER_SERIAL);
        Parts parts = parts(node.get("parts"), List.of("Body"), List.of("Body", "Attachments"));
        return recipient.map(r -> new OutboundEncryption(r, keyId,
                node.get("data-algorithm").text().orElse(DecryptionPolicy.AES256_GCM),
                node.get("key-transport").text().orElse(node.context().fips() ? DecryptionPolicy.RSA_OAEP_11
                        : DecryptionPolicy.RSA_OAEP),
                parts.named("Body"), parts.headers(),
                node.get("assertion").parse(ValueParsers::bool).orElse(false), parts.named("Attachments")));
    }

    private static Optional<OutboundToken> token(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        String source = node.get("source").requiredText().orElse("");
        switch (source) {
            case "self-issued":
                return saml(node.get("saml")).map(OutboundToken.SelfIssued::new);
            case "propagated":
                return Optional.of(new OutboundToken.Propagated());
            case "sts":
                return StsBinder.sts(node.get("sts")).map(OutboundToken.FromSts::new);
            case "custom":
                return node.get("class").requiredText().flatMap(name -> node.get("class").parse(OutboundBinder::supplier))
                        .map(OutboundToken.Supplied::new);
            case "":
                return Optional.empty();
            default:
                node.get("source").problem("unknown token source '" + source + "' (self-issued, propagated, sts or custom)");
                return Optional.empty();
        }
    }

    private static Optional<SamlIssuance> saml(Node node) {
        if (!node.present()) {
            node.problem("required for token source self-issued");
            return Optional.empty();
        }
        if (!node.expectMap()) {
            return Optional.empty();
        }
        String version = node.get("version").text().orElse("2.0");
        if (!version.equals("2.0") && !version.equals("1.1")) {
            node.get("version").problem("SAML version must be 2.0 or 1.1");
        }
        Optional<String> issuer = node.get("issuer").requiredText();
        Optional<KeySource> issuerKey = requiredKey(node.get("issuer-key"));
        ConfirmationMethod method = node.get("confirmation-method").parse(OutboundBinder::confirmation)
                .orElse(ConfirmationMethod.HOLDER_OF_KEY);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        node.get("attributes").entries().forEach((name, values) ->
                attributes.put(name, values.list(Function.identity()).orElse(List.of())));
        if (issuer.isEmpty() || issuerKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SamlIssuance(version.equals("2.0"), issuer.get(), issuerKey.get(), method,
                node.get("subject").text(),
                node.get("name-format").text().orElse(SamlIssuance.UNSPECIFIED_NAME_FORMAT), attributes,
                node.get("audiences").list(Function.identity()).orElse(List.of()),
                node.get("lifetime").parse(ValueParsers::duration).orElse(Duration.ofMinutes(5))));
    }

    static Optional<KeySource> requiredKey(Node node) {
        if (!node.present()) {
            node.problem("required");
            return Optional.empty();
        }
        return DecryptionBinder.keySource(node);
    }

    private static KeyIdentifier keyIdentifier(Node node, KeyIdentifier fallback) {
        return node.parse(text -> KeyIdentifier.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown key identifier '" + text + "' (bst, issuer-serial, ski or thumbprint)"))).orElse(fallback);
    }

    private static ConfirmationMethod confirmation(String text) {
        return ConfirmationMethod.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown confirmation method '" + text + "' (holder-of-key, sender-vouches or bearer)"));
    }

    private static TokenSupplier supplier(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!TokenSupplier.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " does not implement " + TokenSupplier.class.getName());
            }
            return (TokenSupplier) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot instantiate " + className + ": " + e);
        }
    }

    /** Named parts ("Body", "Timestamp", "Token", "Attachments") and header QNames; listing parts replaces the defaults. */
    private static Parts parts(Node node, List<String> defaults, List<String> allowedNames) {
        List<Node> given = node.scalarElements().orElse(null);
        if (given == null) {
            return new Parts(defaults, List.of());
        }
        List<String> names = new ArrayList<>();
        List<QName> headers = new ArrayList<>();
        for (Node part : given) {
            String text = part.text().orElse(null);
            if (text != null && allowedNames.contains(text)) {
                names.add(text);
            } else if (text != null) {
                part.parse(ValueParsers::headerQName).ifPresent(headers::add);
            }
        }
        return new Parts(names, headers);
    }

    private record Parts(List<String> names, List<QName> headers) {
        boolean named(String name) {
            return names.contains(name);
        }
    }
}
