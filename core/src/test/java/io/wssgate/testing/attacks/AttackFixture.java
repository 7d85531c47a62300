package io.wssgate.testing.attacks;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The attacked server's world: generated keys (a CA and what it issued, and every kind of
 * broken certificate), the WSS Gate YAML both the filter and the JAX-WS handler run with, the
 * policy paths, and builders for the valid baseline message of each path that attacks start from.
 *
 * <p>Every certificate meant to be refused for one reason carries {@code CN=client}, so the
 * subject-DN pattern cannot be what refuses it; only {@link #wrongDn} has another name.
 */
public final class AttackFixture implements AutoCloseable {
    public static final String AUDIENCE = "urn:wssgate:attack";
    public static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    public static final String USER = "bob";
    public static final String PASSWORD = "bobs-secret";
    public static final String SOAP11_CONTENT_TYPE = "text/xml; charset=UTF-8";
    public static final String SOAP12_CONTENT_TYPE = "application/soap+xml; charset=UTF-8";
    /** An operation of the JAX-WS test service, and plain XML to the filter's echo servlet. */
    public static final String BODY = "<w:echo xmlns:w=\"urn:wssgate:test:jaxws\"><text>pay 10</text></w:echo>";
    public static final String EVIL_BODY = "<w:echo xmlns:w=\"urn:wssgate:test:jaxws\"><text>pay 1000000</text></w:echo>";

    /** Policy "x509": X.509 signature over Body and Timestamp, signer DN must be CN=client, CRL checked. */
    public static final String X509 = "/x509/service";
    public static final String X509_12 = "/x509/service12";
    /** Policy "saml": SAML 1.1/2.0 holder-of-key and sender-vouches from the test IdP. */
    public static final String SAML = "/saml/service";
    public static final String SAML_12 = "/saml/service12";
    /**
     * Policy "bearer": as "saml" plus bearer, each bearer assertion accepted once (SAML's bearer
     * profiles demand it); the message still needs a signed Timestamp.
     */
    public static final String BEARER = "/bearer/service";
    public static final String BEARER_12 = "/bearer/service12";
    /** Policy "ut": UsernameToken with PasswordDigest and a Timestamp, no signature required. */
    public static final String UT = "/ut/service";
    public static final String UT_12 = "/ut/service12";
    /**
     * Policy "enc": X.509 signature (as "x509") and decryption with the server key, GCM + OAEP only;
     * the Body must arrive encrypted.
     */
    public static final String ENC = "/enc/service";
    public static final String ENC_12 = "/enc/service12";
    /**
     * Policy "encsaml": as "saml", and a SAML 2.0 assertion may arrive as a saml2:EncryptedAssertion
     * for the server key ({@code saml.encrypted-assertions: true}, decryption with GCM + OAEP only).
     */
    public static final String ENCSAML = "/encsaml/service";
    public static final String ENCSAML_12 = "/encsaml/service12";

    /**
     * Policy "swa": as "x509", and requests may be MIME packages (SwA, MTOM) of at most 5
     * attachments of 256 KiB each, every attachment signed; encrypted attachments are decrypted
     * with the server key.
     */
    public static final String SWA = "/swa/service";

    /**
     * Policy "ops": the operations {@code status} (payload root {@code whoami}; X.509 or SAML) and
     * {@code order} (payload root {@code echo}; SAML holder-of-key with role {@code buyer}), each
     * also named by a SOAPAction and a wsa:Action; the policy's own {@code require} admits only
     * the client certificate's subject and alice. See {@link OperationAttacks}.
     */
    public static final String OPS = "/ops/service";
    public static final String OPS_12 = "/ops/service12";
    /**
     * Policy "opsaction": the same two operations named by their SOAPAction only, and three whose
     * message rules replace the policy's (a required header, a signed header, an encrypted Body;
     * decryption with the server key); a request with no SOAPAction gets the policy's own rules
     * ({@code unknown-operations: default}).
     */
    public static final String OPS_ACTION = "/opsaction/service";
    public static final String OPS_ACTION_12 = "/opsaction/service12";
    /**
     * Policy "opswsa": the two operations named by their wsa:Action only; wsa:To, wsa:Action and
     * wsa:MessageID required and signed, wsa:To must be {@link #OPS_WSA_ADDRESS}.
     */
    public static final String OPS_WSA = "/opswsa/service";
    /** Policy "authz": an operation per kind of authorization rule, each named by a SOAPAction. */
    public static final String AUTHZ = "/authz/service";
    /** The address clients of policy "opswsa" name as wsa:To (its {@code addressing.addresses}). */
    public static final String OPS_WSA_ADDRESS = "https://gate.example/opswsa";
    /** The other operation of the JAX-WS test service: who am I. */
    public static final String WHOAMI = "<w:whoami xmlns:w=\"urn:wssgate:test:jaxws\"/>";

    /** A header the sender encrypts (WSS 1.1 EncryptedHeader) in {@link #encryptedWithHeader}. */
    public static final javax.xml.namespace.QName ROUTING = new javax.xml.namespace.QName("urn:wssgate:test:routing",
            "Routing");
    public static final String ROUTING_TEXT = "to-billing";
    public static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";

    /** Every attacked path with its policy name, in a stable order. */
    public static final Map<String, String> POLICY_OF_PATH = policies();

    public final TestKeys keys = TestKeys.create();
    public final Identity ca = keys.ca();
    public final Identity client = keys.issue("client");
    public final Identity wrongDn = keys.issue("intruder");
    public final Identity otherCa = keys.issueByOtherCa("client");
    public final Identity selfSigned = keys.selfSigned("client");
    public final Identity expired = keys.expired("client");
    public final Identity notYetValid = keys.notYetValid("client");
    public final Identity revoked = keys.revoked("client");
    public final Identity rsa1024 = keys.issueRsa1024("client");
    /** Trusted, valid, the allowed subject, but an encryption certificate: its KeyUsage forbids signing. */
    public final Identity encipherOnly = keys.issueWithKeyUsage("client", "keyEncipherment");
    public final Identity idp = keys.issue("idp");
    public final Identity aliceKey = keys.issue("alice-key");
    /** A holder-of-key proof certificate whose KeyUsage forbids signing. */
    public final Identity aliceEncipherOnly = keys.issueWithKeyUsage("alice-key", "keyEncipherment");
    public final Identity sender = keys.issue("sender");
    public final Identity server = keys.issue("server");
    /** A second server key: an EncryptedKey made for it is "for another recipient". */
    public final Identity otherServer = keys.issue("other-server");

    public final Path config;
    public final Canary canary;

    /** Generates everything and writes keys and {@code wssgate.yaml} into {@code dir}. */
    public static AttackFixture create(Path dir) throws IOException {
        return new AttackFixture(dir, Canary.start(dir));
    }

    private AttackFixture(Path dir, Canary canary) throws IOException {
        this.canary = canary;
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), keys.ca().certificate());
        Path crl = TestKeys.writeCrlPem(dir.resolve("keys/ca.crl"), keys.crl());
        Path idpCert = TestKeys.writePem(dir.resolve("keys/idp.pem"), idp.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("keys/server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("keys/server.pem"), server.certificate());
        Path users = Files.writeString(dir.resolve("keys/users.properties"), USER + "=" + PASSWORD + "\n");
        this.config = Files.writeString(dir.resolve("wssgate.yaml"),
                yaml(ca, crl, idpCert, serverKey, serverCert, users));
    }

    public static String contentTypeFor(String path) {
        if (SWA.equals(path)) {
            return new io.wssgate.testing.mime.Multipart().contentType();
        }
        return path.endsWith("12") ? SOAP12_CONTENT_TYPE : SOAP11_CONTENT_TYPE;
    }

    public static boolean isSoap12(String path) {
        return path.endsWith("12");
    }

    // ---- valid baselines ----------------------------------------------------------------------

    /** A fresh builder for {@code path}'s SOAP version with {@link #BODY}. */
    public static MessageBuilder envelope(String path) {
        return envelope(path, BODY);
    }

    /** A fresh builder for {@code path}'s SOAP version with {@code body}. */
    public static MessageBuilder envelope(String path, String body) {
        return isSoap12(path) ? TestMessages.soap12(body) : TestMessages.soap11(body);
    }

    /** Signed by the client (BST) over Body and Timestamp: what "x509" accepts. */
    public MessageBuilder x509(String path) {
        return envelope(path).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST);
    }

    /** A SAML 2.0 assertion from the IdP for alice, with the audience the server expects. */
    public SamlSpec assertion() {
        return SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE).attribute("role", "admin");
    }

    /** Holder-of-key: what "saml" accepts. */
    public MessageBuilder holderOfKey(String path) {
        return envelope(path).timestamp(Duration.ofMinutes(5)).saml(assertion().holderOfKey(aliceKey));
    }

    /** Bearer assertion, Timestamp and Body signed by the client: what "bearer" accepts. */
    public MessageBuilder bearer(String path) {
        return envelope(path).timestamp(Duration.ofMinutes(5)).saml(assertion().bearer())
                .signWith(client, KeyIdType.BST);
    }

    /** UsernameToken with a password digest and a Timestamp: what "ut" accepts. */
    public MessageBuilder usernameToken(String path) {
        return envelope(path).timestamp(Duration.ofMinutes(5))
                .usernameToken(USER, PASSWORD, MessageBuilder.PasswordType.DIGEST);
    }

    /** Signed by the client, Body then encrypted for the server (AES-256-GCM, RSA-OAEP): what "enc" accepts. */
    public MessageBuilder encrypted(String path) {
        return x509(path).encryptBodyFor(server.certificate());
    }

    /** Holder-of-key as for "saml", the assertion then encrypted for the server by OpenSAML: what "encsaml" accepts. */
    public MessageBuilder encryptedHolderOfKey(String path) {
        return holderOfKey(path).encryptAssertionFor(server.certificate());
    }

    /**
     * As {@link #encrypted}, with a {@link #ROUTING} header the client encrypts into a
     * wsse11:EncryptedHeader (which WSS4J always marks mustUnderstand), signed when {@code signed};
     * {@code mustUnderstand}: whether the Routing header itself is mandatory once decrypted.
     */
    public MessageBuilder encryptedWithHeader(String path, boolean signed, boolean mustUnderstand) {
        String soapNs = isSoap12(path) ? TestMessages.SOAP12_NS : TestMessages.SOAP11_NS;
        String mu = mustUnderstand ? " xmlns:e=\"" + soapNs + "\" e:mustUnderstand=\"1\"" : "";
        MessageBuilder builder = envelope(path).timestamp(Duration.ofMinutes(5))
                .header("<r:Routing xmlns:r=\"" + ROUTING.getNamespaceURI() + "\"" + mu + ">" + ROUTING_TEXT + "</r:Routing>");
        if (signed) {
            builder.signHeader(ROUTING);
        }
        return builder.signWith(client, KeyIdType.BST).encryptBodyFor(server.certificate()).encryptHeader(ROUTING);
    }

    /** A document the SwA and MTOM baselines carry. */
    public static final byte[] DOCUMENT = "%PDF-1.7 the signed document\r\n%%EOF".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    /** {@link #BODY} signed by the client with one attachment, Attachment-Content transform: what "swa" accepts. */
    public io.wssgate.testing.mime.SwaMessages swa() {
        return io.wssgate.testing.mime.SwaMessages.signedBy(client).body(BODY)
                .attach("document@wssgate.test", "application/pdf", DOCUMENT);
    }

    /** A valid message for every attacked path, so a suite can prove the server accepts the baseline. */
    public Map<String, Supplier<byte[]>> baselines() {
        Map<String, Supplier<byte[]>> valid = new LinkedHashMap<>();
        for (String path : POLICY_OF_PATH.keySet()) {
            valid.put(path, baseline(path));
        }
        return valid;
    }

    /** The valid message builder for {@code path}'s policy. */
    public Supplier<byte[]> baseline(String path) {
        return switch (POLICY_OF_PATH.get(path)) {
            case "x509" -> () -> x509(path).build();
            case "saml" -> () -> holderOfKey(path).build();
            case "bearer" -> () -> bearer(path).build();
            case "ut" -> () -> usernameToken(path).build();
            case "enc" -> () -> encrypted(path).build();
            case "encsaml" -> () -> encryptedHolderOfKey(path).build();
            case "swa" -> () -> swa().build().body();
            case "ops", "opsaction", "authz" -> () -> envelope(path, WHOAMI).timestamp(Duration.ofMinutes(5))
                    .signWith(client, KeyIdType.BST).build();
            case "opswsa" -> () -> OperationPolicies.addressed(envelope(path, WHOAMI), OperationPolicies.STATUS_ACTION)
                    .timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
            default -> throw new IllegalArgumentException("not an attacked path: " + path);
        };
    }

    /** The principal name the application must see for the baseline of {@code path}. */
    public static String baselinePrincipal(String path) {
        return switch (POLICY_OF_PATH.get(path)) {
            case "x509", "enc", "swa", "ops", "opsaction", "opswsa", "authz" -> CLIENT_DN;
            case "saml", "bearer", "encsaml" -> SamlSpec.DEFAULT_SUBJECT;
            case "ut" -> USER;
            default -> throw new IllegalArgumentException("not an attacked path: " + path);
        };
    }

    @Override
    public void close() throws IOException {
        canary.close();
    }

    private static Map<String, String> policies() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(X509, "x509");
        map.put(X509_12, "x509");
        map.put(SAML, "saml");
        map.put(SAML_12, "saml");
        map.put(BEARER, "bearer");
        map.put(BEARER_12, "bearer");
        map.put(UT, "ut");
        map.put(UT_12, "ut");
        map.put(ENC, "enc");
        map.put(ENC_12, "enc");
        map.put(ENCSAML, "encsaml");
        map.put(ENCSAML_12, "encsaml");
        map.put(SWA, "swa");
        map.put(OPS, "ops");
        map.put(OPS_12, "ops");
        map.put(OPS_ACTION, "opsaction");
        map.put(OPS_ACTION_12, "opsaction");
        map.put(OPS_WSA, "opswsa");
        map.put(AUTHZ, "authz");
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String yaml(Path ca, Path crl, Path idpCert, Path serverKey, Path serverCert, Path users) {
        return """
                policies:
                  x509:
                    paths: [/x509/*]
                    trust:
                      certificates: [%1$s]
                      crls: [%2$s]
                      subject-dn-patterns: ["CN=client,O=WSS Gate Test,C=DE"]
                    roles:
                      certificate-subjects:
                        - subject: "CN=client,O=WSS Gate Test,C=DE"
                          roles: [admin]
                  saml:
                    paths: [/saml/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                      confirmation-methods: [holder-of-key, sender-vouches]
                    roles:
                      saml-attributes: [role]
                  bearer:
                    paths: [/bearer/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                      confirmation-methods: [bearer, holder-of-key, sender-vouches]
                      replay: bearer
                    roles:
                      saml-attributes: [role]
                  ut:
                    paths: [/ut/*]
                    signature:
                      required: false
                    username-token:
                      enabled: true
                      passwords: %6$s
                  enc:
                    paths: [/enc/*]
                    trust:
                      certificates: [%1$s]
                      crls: [%2$s]
                      subject-dn-patterns: ["CN=client,O=WSS Gate Test,C=DE"]
                    decryption:
                      key:
                        private-key: %7$s
                        certificate: %8$s
                      required-parts: [Body]
                  encsaml:
                    paths: [/encsaml/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                      confirmation-methods: [holder-of-key, sender-vouches]
                      encrypted-assertions: true
                    decryption:
                      key:
                        private-key: %7$s
                        certificate: %8$s
                    roles:
                      saml-attributes: [role]
                  swa:
                    paths: [/swa/*]
                    trust:
                      certificates: [%1$s]
                      crls: [%2$s]
                      subject-dn-patterns: ["CN=client,O=WSS Gate Test,C=DE"]
                    decryption:
                      key:
                        private-key: %7$s
                        certificate: %8$s
                    attachments:
                      enabled: true
                      max-parts: 5
                      max-part-size: 256KiB
                      max-total-size: 2MiB
                """.formatted(ca, crl, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, users, serverKey, serverCert)
                + OperationPolicies.yaml(ca, crl, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, serverKey, serverCert);
    }
}
