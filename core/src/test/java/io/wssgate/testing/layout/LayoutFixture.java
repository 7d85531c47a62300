package io.wssgate.testing.layout;

import static io.wssgate.testing.layout.LayoutProfile.before;

import io.wssgate.config.HeaderLayout;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.MessageDom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * The layout matrix's world: generated keys, a WSS Gate YAML whose policies accept every profile
 * (X.509 with every key reference, with a UsernameToken, signed and encrypted; SAML 2.0 and 1.1
 * holder-of-key and sender-vouches) and differ only in their {@code security-header} settings,
 * the policy paths, and the {@link LayoutCase}s: every profile's genuine message with its
 * Security header's children in every order (or a representative few).
 *
 * <p>Reusable by any integration: start a server with {@link #config}, send
 * {@link LayoutCase#message()} to {@link #path(HeaderLayout, boolean)} and expect
 * {@link LayoutCase#expectedRefusal(HeaderLayout)}; an accepted message must show
 * {@link LayoutProfile#principal()}.
 */
public final class LayoutFixture {
    public static final String AUDIENCE = "urn:wssgate:layout";
    /** The actor the {@code actor} policy takes as its own. */
    public static final String GATEWAY_ACTOR = "urn:wssgate:test:gateway";
    public static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    /** A signer trusted only through the CA: its certificate is nowhere but in the message. */
    public static final String PARTNER_DN = "CN=partner,O=WSS Gate Test,C=DE";
    public static final String USER = "bob";
    public static final String PASSWORD = "bobs-secret";
    /** An operation of the JAX-WS test service, and plain XML to a servlet. */
    public static final String BODY = AttackFixture.BODY;

    /** Policy "lax": the defaults (layout lax, no actor, next accepted); every profile. */
    public static final String LAX = "/lax/service";
    public static final String LAX_12 = "/lax/service12";
    public static final String STRICT = "/strict/service";
    public static final String STRICT_12 = "/strict/service12";
    public static final String TS_FIRST = "/ts-first/service";
    public static final String TS_FIRST_12 = "/ts-first/service12";
    public static final String TS_LAST = "/ts-last/service";
    public static final String TS_LAST_12 = "/ts-last/service12";
    /** Policy "no-next": as lax with {@code accept-next: false}. */
    public static final String NO_NEXT = "/no-next/service";
    public static final String NO_NEXT_12 = "/no-next/service12";
    /** Policy "actor": as lax with {@code actor: }{@value #GATEWAY_ACTOR}. */
    public static final String ACTOR = "/actor/service";
    public static final String ACTOR_12 = "/actor/service12";

    public final TestKeys keys = TestKeys.create();
    public final Identity client = keys.issue("client");
    public final Identity partner = keys.issue("partner");
    public final Identity idp = keys.issue("idp");
    public final Identity aliceKey = keys.issue("alice-key");
    public final Identity sender = keys.issue("sender");
    public final Identity server = keys.issue("server");
    public final Path config;

    private LayoutFixture(Path dir) throws IOException {
        Path ca = TestKeys.writePem(dir.resolve("layout-keys/ca.pem"), keys.ca().certificate());
        Path clientCert = TestKeys.writePem(dir.resolve("layout-keys/client.pem"), client.certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("layout-keys/idp.pem"), idp.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("layout-keys/server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("layout-keys/server.pem"), server.certificate());
        Path users = Files.writeString(dir.resolve("layout-keys/users.properties"), USER + "=" + PASSWORD + "\n");
        this.config = Files.writeString(dir.resolve("wssgate-layout.yaml"),
                yaml(ca, clientCert, idpCert, serverKey, serverCert, users));
    }

    /** Generates the keys and writes them and {@code wssgate-layout.yaml} into {@code dir}. */
    public static LayoutFixture create(Path dir) throws IOException {
        return new LayoutFixture(dir);
    }

    /** The path of the policy enforcing {@code layout} (next accepted, no actor). */
    public static String path(HeaderLayout layout, boolean soap12) {
        String path = switch (layout) {
            case LAX -> LAX;
            case STRICT -> STRICT;
            case LAX_TIMESTAMP_FIRST -> TS_FIRST;
            case LAX_TIMESTAMP_LAST -> TS_LAST;
        };
        return soap12 ? path + "12" : path;
    }

    public static String contentType(boolean soap12) {
        return soap12 ? AttackFixture.SOAP12_CONTENT_TYPE : AttackFixture.SOAP11_CONTENT_TYPE;
    }

    public static boolean isSoap12(String path) {
        return path.endsWith("12");
    }

    /** Every order of every profile's header. */
    public Stream<LayoutCase> allCases(boolean soap12) {
        return cases(soap12, HeaderOrders::all);
    }

    /** Each profile in its original, reversed and every-child-at-either-end orders ({@link HeaderOrders#representative}). */
    public Stream<LayoutCase> representativeCases(boolean soap12) {
        return cases(soap12, HeaderOrders::representative);
    }

    private Stream<LayoutCase> cases(boolean soap12, Function<List<String>, List<List<String>>> orders) {
        return profiles().stream().flatMap(profile -> {
            List<String> original = HeaderOrders.children(profile.build().apply(soap12));
            return orders.apply(original).stream().map(order -> new LayoutCase(profile, soap12, order));
        });
    }

    /** A valid message of the default profile (X.509, BinarySecurityToken), for actor and smoke tests. */
    public MessageBuilder x509(boolean soap12) {
        return envelope(soap12).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST);
    }

    public List<LayoutProfile> profiles() {
        List<LayoutProfile> profiles = new ArrayList<>();
        LayoutProfile.Precedence tokenBeforeSignature = before("BinarySecurityToken", "Signature");
        LayoutProfile.Precedence timestampBeforeSignature = before("Timestamp", "Signature");
        profiles.add(new LayoutProfile("X.509, BinarySecurityToken direct reference",
                soap12 -> x509(soap12).build(), CLIENT_DN,
                List.of(tokenBeforeSignature, timestampBeforeSignature), List.of()));
        for (KeyIdType keyId : List.of(KeyIdType.ISSUER_SERIAL, KeyIdType.SKI, KeyIdType.THUMBPRINT)) {
            profiles.add(new LayoutProfile("X.509, " + keyId + " (certificate known to the receiver)",
                    soap12 -> signedBy(soap12, client, keyId).build(), CLIENT_DN,
                    List.of(timestampBeforeSignature), List.of()));
        }
        // The certificate travels in a BinarySecurityToken but the signature names it by key
        // identifier: WSS4J matches SKI and thumbprint against the tokens it has processed, so the
        // token must be processed before the signature (the partner is trusted through the CA only).
        for (KeyIdType keyId : List.of(KeyIdType.SKI, KeyIdType.THUMBPRINT)) {
            profiles.add(new LayoutProfile("X.509, " + keyId + " of a BinarySecurityToken",
                    soap12 -> withBinarySecurityToken(signedBy(soap12, partner, keyId).build(), partner), PARTNER_DN,
                    List.of(tokenBeforeSignature, timestampBeforeSignature), List.of()));
        }
        // issuer and serial are matched only against known certificates; the token rides along unused
        profiles.add(new LayoutProfile("X.509, ISSUER_SERIAL (certificate known) + BinarySecurityToken",
                soap12 -> withBinarySecurityToken(signedBy(soap12, client, KeyIdType.ISSUER_SERIAL).build(), client),
                CLIENT_DN, List.of(tokenBeforeSignature, timestampBeforeSignature), List.of()));
        profiles.add(new LayoutProfile("X.509, certificate in the key identifier",
                soap12 -> signedBy(soap12, partner, KeyIdType.X509_KEY_IDENTIFIER).build(), PARTNER_DN,
                List.of(timestampBeforeSignature), List.of()));
        profiles.add(new LayoutProfile("X.509 signature with a UsernameToken",
                soap12 -> x509(soap12).usernameToken(USER, PASSWORD, MessageBuilder.PasswordType.DIGEST).build(), USER,
                List.of(tokenBeforeSignature, timestampBeforeSignature), List.of()));
        profiles.add(new LayoutProfile("X.509, signed then encrypted (EncryptedKey with ReferenceList)",
                soap12 -> x509(soap12).encryptBodyFor(server.certificate()).build(), CLIENT_DN,
                List.of(tokenBeforeSignature, timestampBeforeSignature),
                List.of(before("EncryptedKey", "Signature"))));
        // the same with the ReferenceList standing on its own: the EncryptedKey then only holds the
        // key (a token, placed anywhere), the ReferenceList is the decryption step
        profiles.add(new LayoutProfile("X.509, signed then encrypted (EncryptedKey + standalone ReferenceList)",
                soap12 -> standaloneReferenceList(x509(soap12).encryptBodyFor(server.certificate()).build()), CLIENT_DN,
                List.of(tokenBeforeSignature, timestampBeforeSignature, before("EncryptedKey", "ReferenceList")),
                List.of(before("ReferenceList", "Signature"))));
        List<LayoutProfile.Precedence> holderOfKey = List.of(before("Assertion", "Signature"), timestampBeforeSignature);
        List<LayoutProfile.Precedence> senderVouches = List.of(tokenBeforeSignature, before("Assertion",
                "SecurityTokenReference"), before("SecurityTokenReference", "Signature"), timestampBeforeSignature);
        profiles.add(new LayoutProfile("SAML 2.0 holder-of-key, key identifier",
                soap12 -> holderOfKey(soap12, SamlSpec.saml2()).build(), SamlSpec.DEFAULT_SUBJECT, holderOfKey, List.of()));
        profiles.add(new LayoutProfile("SAML 2.0 holder-of-key, direct reference",
                soap12 -> holderOfKey(soap12, SamlSpec.saml2()).samlDirectReference().build(), SamlSpec.DEFAULT_SUBJECT,
                holderOfKey, List.of()));
        profiles.add(new LayoutProfile("SAML 2.0 holder-of-key, proof key in a BinarySecurityToken",
                soap12 -> holderOfKey(soap12, SamlSpec.saml2()).holderOfKeyViaBst().build(), SamlSpec.DEFAULT_SUBJECT,
                List.of(tokenBeforeSignature, timestampBeforeSignature), List.of()));
        profiles.add(new LayoutProfile("SAML 2.0 sender-vouches, key identifier",
                soap12 -> senderVouches(soap12, SamlSpec.saml2()).build(), SamlSpec.DEFAULT_SUBJECT,
                senderVouches, List.of()));
        profiles.add(new LayoutProfile("SAML 2.0 sender-vouches, direct reference",
                soap12 -> senderVouches(soap12, SamlSpec.saml2()).samlDirectReference().build(),
                SamlSpec.DEFAULT_SUBJECT, senderVouches, List.of()));
        profiles.add(new LayoutProfile("SAML 1.1 holder-of-key, key identifier",
                soap12 -> holderOfKey(soap12, SamlSpec.saml11()).build(), SamlSpec.DEFAULT_SUBJECT, holderOfKey, List.of()));
        profiles.add(new LayoutProfile("SAML 1.1 sender-vouches, key identifier",
                soap12 -> senderVouches(soap12, SamlSpec.saml11()).build(), SamlSpec.DEFAULT_SUBJECT,
                senderVouches, List.of()));
        return List.copyOf(profiles);
    }

    private static MessageBuilder envelope(boolean soap12) {
        return soap12 ? TestMessages.soap12(BODY) : TestMessages.soap11(BODY);
    }

    private static MessageBuilder signedBy(boolean soap12, Identity signer, KeyIdType keyId) {
        return envelope(soap12).timestamp(Duration.ofMinutes(5)).signWith(signer, keyId);
    }

    private SamlSpec assertion(SamlSpec spec) {
        return spec.signedBy(idp).audienceRestriction(AUDIENCE);
    }

    private MessageBuilder holderOfKey(boolean soap12, SamlSpec spec) {
        return envelope(soap12).timestamp(Duration.ofMinutes(5)).saml(assertion(spec).holderOfKey(aliceKey));
    }

    private MessageBuilder senderVouches(boolean soap12, SamlSpec spec) {
        return envelope(soap12).timestamp(Duration.ofMinutes(5)).saml(assertion(spec).senderVouches())
                .signWith(sender, KeyIdType.BST);
    }

    /**
     * Adds {@code identity}'s certificate as a BinarySecurityToken before the Signature, as a
     * sender does that names its key by key identifier but also ships the certificate. The
     * header is not signed, so the message stays genuine.
     */
    public static byte[] withBinarySecurityToken(byte[] message, Identity identity) {
        return MessageDom.edit(message, doc -> {
            Element bst = doc.createElementNS(MessageDom.WSSE, "wsse:BinarySecurityToken");
            bst.setAttributeNS(null, "EncodingType", "http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-soap-message-security-1.0#Base64Binary");
            bst.setAttributeNS(null, "ValueType", "http://docs.oasis-open.org/wss/2004/01/"
                    + "oasis-200401-wss-x509-token-profile-1.0#X509v3");
            bst.setAttributeNS(MessageDom.XMLNS, "xmlns:wsu", MessageDom.WSU);
            bst.setAttributeNS(MessageDom.WSU, "wsu:Id", "X509-" + java.util.UUID.randomUUID());
            try {
                bst.setTextContent(Base64.getEncoder().encodeToString(identity.certificate().getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            MessageDom.security(doc).insertBefore(bst, MessageDom.signature(doc));
        });
    }

    /** The SOAP 1.1 or 1.2 {@code next} role URI. */
    public static String next(boolean soap12) {
        return soap12 ? "http://www.w3.org/2003/05/soap-envelope/role/next" : "http://schemas.xmlsoap.org/soap/actor/next";
    }

    /** {@code message} with its (only) Security header addressed to {@code actor} (the header is not signed). */
    public static byte[] addressedTo(byte[] message, String actor) {
        return MessageDom.edit(message, doc -> address(MessageDom.security(doc), actor));
    }

    /** {@code message} plus a second, empty Security header for {@code actor} placed before its own. */
    public static byte[] withSecondHeader(byte[] message, String actor) {
        return MessageDom.edit(message, doc -> {
            Element ours = MessageDom.security(doc);
            Element other = (Element) ours.cloneNode(false);
            address(other, actor);
            ours.getParentNode().insertBefore(other, ours);
        });
    }

    /** Sets the SOAP 1.1 actor or SOAP 1.2 role attribute of a Security header. */
    public static void address(Element security, String actor) {
        String soapNs = security.getOwnerDocument().getDocumentElement().getNamespaceURI();
        boolean soap12 = TestMessages.SOAP12_NS.equals(soapNs);
        security.setAttributeNS(soapNs, soap12 ? "soap:role" : "soap:actor", actor);
    }

    /** Moves the EncryptedKey's ReferenceList out of it, to stand in the header right after it (still genuine). */
    public static byte[] standaloneReferenceList(byte[] message) {
        return MessageDom.edit(message, doc -> {
            Element encryptedKey = MessageDom.child(MessageDom.security(doc), MessageDom.XENC, "EncryptedKey");
            Element referenceList = MessageDom.child(encryptedKey, MessageDom.XENC, "ReferenceList");
            encryptedKey.removeChild(referenceList);
            MessageDom.security(doc).insertBefore(referenceList, encryptedKey.getNextSibling());
        });
    }

    private static String yaml(Path ca, Path clientCert, Path idpCert, Path serverKey, Path serverCert, Path users) {
        // every policy takes every profile; they differ only in their security-header block
        String material = """
                    trust:
                      # the client certificate itself: issuer-serial, SKI and thumbprint without a token need it
                      certificates: [%1$s, %2$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                      confirmation-methods: [holder-of-key, sender-vouches]
                    username-token:
                      enabled: true
                      passwords: %6$s
                    decryption:
                      key:
                        private-key: %7$s
                        certificate: %8$s
                """.formatted(ca, clientCert, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, users, serverKey, serverCert);
        StringBuilder yaml = new StringBuilder("policies:\n");
        policy(yaml, "lax", "/lax/*", "", material);
        policy(yaml, "strict", "/strict/*", "layout: strict", material);
        policy(yaml, "ts-first", "/ts-first/*", "layout: lax-timestamp-first", material);
        policy(yaml, "ts-last", "/ts-last/*", "layout: lax-timestamp-last", material);
        policy(yaml, "no-next", "/no-next/*", "accept-next: false", material);
        policy(yaml, "actor", "/actor/*", "actor: " + GATEWAY_ACTOR, material);
        return yaml.toString();
    }

    private static void policy(StringBuilder yaml, String name, String paths, String securityHeader, String material) {
        yaml.append("  ").append(name).append(":\n    paths: [").append(paths).append("]\n");
        if (!securityHeader.isEmpty()) {
            yaml.append("    security-header:\n      ").append(securityHeader).append('\n');
        }
        yaml.append(material);
    }
}
