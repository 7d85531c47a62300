package io.wssgate.testing.attacks;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * The policies of {@link AttackFixture} with operations ("ops", "opsaction", "opswsa") and
 * authorization rules ("authz"), and the messages their cases start from: the JAX-WS test
 * service's {@code whoami} is operation {@code status}, its {@code echo} operation {@code order}.
 */
public final class OperationPolicies {
    public static final String STATUS_SOAP_ACTION = "urn:wssgate:test:status";
    public static final String ORDER_SOAP_ACTION = "urn:wssgate:test:order";
    /**
     * Operations of policy "opsaction" that replace one of the policy's message rules: {@code routed}
     * requires the {@link AttackFixture#ROUTING} header, {@code signed-route} requires it signed,
     * {@code sealed} requires an encrypted Body.
     */
    public static final String ROUTED_SOAP_ACTION = "urn:wssgate:test:routed";
    public static final String SIGNED_ROUTE_SOAP_ACTION = "urn:wssgate:test:signed-route";
    public static final String SEALED_SOAP_ACTION = "urn:wssgate:test:sealed";
    /** The wsa:Action values WS-Addressing Metadata derives for the service's two operations. */
    public static final String STATUS_ACTION = "urn:wssgate:test:jaxws/WhoAmI/whoamiRequest";
    public static final String ORDER_ACTION = "urn:wssgate:test:jaxws/WhoAmI/echoRequest";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    /** The role operation {@code order} requires. */
    public static final String BUYER = "buyer";
    public static final String AUTHN_X509 = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";

    private OperationPolicies() {
    }

    /** The YAML of the four policies, appended to the fixture's ("opsaction" decrypts with the server key). */
    static String yaml(Path ca, Path crl, String issuer, Path idpCert, String audience, Path serverKey,
                       Path serverCert) {
        return """
                  ops:
                    paths: [/ops/*]
                    trust:
                      certificates: [%1$s]
                      crls: [%2$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                    roles:
                      saml-attributes: [role]
                    require:
                      subjects: ["CN=client,O=WSS Gate Test,C=DE", "alice"]
                    operations:
                      status:
                        payload-roots: ["{urn:wssgate:test:jaxws}whoami"]
                        soap-actions: [%6$s]
                        addressing-actions: [%8$s]
                        token-types: [x509, saml]
                      order:
                        payload-roots: ["{urn:wssgate:test:jaxws}echo"]
                        soap-actions: [%7$s]
                        addressing-actions: [%9$s]
                        token-types: [saml]
                        confirmation-methods: [holder-of-key]
                        require:
                          roles: [%10$s]
                  opsaction:
                    paths: [/opsaction/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                    roles:
                      saml-attributes: [role]
                    decryption:
                      key:
                        private-key: %13$s
                        certificate: %14$s
                    unknown-operations: default
                    operations:
                      status:
                        soap-actions: [%6$s]
                        token-types: [x509]
                      order:
                        soap-actions: [%7$s]
                        token-types: [saml]
                        require:
                          roles: [%10$s]
                      routed:
                        soap-actions: [%15$s]
                        required-headers: ["%18$s"]
                      signed-route:
                        soap-actions: [%16$s]
                        signed-parts: [Body, Timestamp, "%18$s"]
                      sealed:
                        soap-actions: [%17$s]
                        encrypted-parts: [Body]
                  opswsa:
                    paths: [/opswsa/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                    roles:
                      saml-attributes: [role]
                    addressing:
                      required: true
                      addresses: [%11$s]
                    operations:
                      status:
                        addressing-actions: [%8$s]
                        token-types: [x509]
                      order:
                        addressing-actions: [%9$s]
                        token-types: [saml]
                        require:
                          roles: [%10$s]
                  authz:
                    paths: [/authz/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %3$s
                          certificates: [%4$s]
                      audiences: [%5$s]
                      confirmation-methods: [holder-of-key, sender-vouches, bearer]
                      replay: bearer
                    roles:
                      saml-attributes: [role]
                    unknown-operations: default
                    operations:
                      roles:
                        soap-actions: [urn:authz:roles]
                        require: { roles: [%10$s] }
                      subjects:
                        soap-actions: [urn:authz:subjects]
                        require: { subjects: ["CN=client,.*"] }
                      attributes:
                        soap-actions: [urn:authz:attributes]
                        require: { saml-attributes: { clearance: [secret, top-secret] } }
                      confirmation:
                        soap-actions: [urn:authz:confirmation]
                        require: { confirmation: [holder-of-key] }
                      authn-context:
                        soap-actions: [urn:authz:authn-context]
                        require: { authn-context: [%12$s] }
                      any-of:
                        soap-actions: [urn:authz:any-of]
                        require:
                          any-of:
                            - roles: [%10$s]
                            - subjects: ["CN=client,.*"]
                      all-of:
                        soap-actions: [urn:authz:all-of]
                        require:
                          all-of:
                            - roles: [%10$s]
                            - saml-attributes: { clearance: [secret] }
                """.formatted(ca, crl, issuer, idpCert, audience, STATUS_SOAP_ACTION, ORDER_SOAP_ACTION,
                STATUS_ACTION, ORDER_ACTION, BUYER, AttackFixture.OPS_WSA_ADDRESS, AUTHN_X509, serverKey, serverCert,
                ROUTED_SOAP_ACTION, SIGNED_ROUTE_SOAP_ACTION, SEALED_SOAP_ACTION, AttackFixture.ROUTING);
    }

    // ---- messages ------------------------------------------------------------------------------

    /** Signed by {@code f}'s client (BST) over Body and Timestamp, with {@code body}. */
    static MessageBuilder x509(AttackFixture f, String path, String body) {
        return AttackFixture.envelope(path, body).timestamp(Duration.ofMinutes(5)).signWith(f.client, KeyIdType.BST);
    }

    /** Holder-of-key for alice (roles from {@code spec}'s attributes) with {@code body}. */
    static MessageBuilder holderOfKey(AttackFixture f, String path, String body, SamlSpec spec) {
        return AttackFixture.envelope(path, body).timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(f.aliceKey));
    }

    /** An assertion from the fixture's IdP for alice with role {@code role}. */
    static SamlSpec withRole(AttackFixture f, String role) {
        return SamlSpec.saml2().signedBy(f.idp).audienceRestriction(AttackFixture.AUDIENCE).attribute("role", role);
    }

    /**
     * Adds signed W3C WS-Addressing headers for policy "opswsa": wsa:To its address, wsa:Action
     * {@code action}, a fresh wsa:MessageID.
     */
    public static MessageBuilder addressed(MessageBuilder builder, String action) {
        return addressing(builder, WSA, AttackFixture.OPS_WSA_ADDRESS, action, "urn:uuid:" + UUID.randomUUID(), true);
    }

    /** Adds wsa:To, wsa:Action and wsa:MessageID (each left out when null) in {@code namespace}, signed or not. */
    static MessageBuilder addressing(MessageBuilder builder, String namespace, String to, String action,
                                     String messageId, boolean signed) {
        header(builder, namespace, "To", to, signed);
        header(builder, namespace, "Action", action, signed);
        header(builder, namespace, "MessageID", messageId, signed);
        return builder;
    }

    /** One addressing header, signed or not (a second one of the same name is signed along with the first). */
    static MessageBuilder header(MessageBuilder builder, String namespace, String name, String value, boolean signed) {
        if (value == null) {
            return builder;
        }
        builder.header("<wsa:" + name + " xmlns:wsa=\"" + namespace + "\">" + value + "</wsa:" + name + ">");
        if (signed) {
            builder.signHeader(new QName(namespace, name));
        }
        return builder;
    }

    /** The SOAP 1.2 Content-Type carrying {@code action}. */
    static String soap12With(String action) {
        return AttackFixture.SOAP12_CONTENT_TYPE + "; action=\"" + action + "\"";
    }

    /** A SOAP 1.1 SOAPAction header value. */
    static String quoted(String action) {
        return "\"" + action + "\"";
    }
}
