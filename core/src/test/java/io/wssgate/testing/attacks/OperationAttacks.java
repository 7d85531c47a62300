package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.BODY;
import static io.wssgate.testing.attacks.AttackFixture.CLIENT_DN;
import static io.wssgate.testing.attacks.AttackFixture.OPS;
import static io.wssgate.testing.attacks.AttackFixture.OPS_12;
import static io.wssgate.testing.attacks.AttackFixture.OPS_ACTION;
import static io.wssgate.testing.attacks.AttackFixture.OPS_ACTION_12;
import static io.wssgate.testing.attacks.AttackFixture.OPS_WSA;
import static io.wssgate.testing.attacks.AttackFixture.WHOAMI;
import static io.wssgate.testing.attacks.OperationPolicies.BUYER;
import static io.wssgate.testing.attacks.OperationPolicies.ORDER_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.ORDER_SOAP_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.ROUTED_SOAP_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.SEALED_SOAP_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.SIGNED_ROUTE_SOAP_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.STATUS_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.STATUS_SOAP_ACTION;
import static io.wssgate.testing.attacks.OperationPolicies.WSA;
import static io.wssgate.testing.attacks.OperationPolicies.WSA_2004;
import static io.wssgate.testing.attacks.OperationPolicies.holderOfKey;
import static io.wssgate.testing.attacks.OperationPolicies.quoted;
import static io.wssgate.testing.attacks.OperationPolicies.soap12With;
import static io.wssgate.testing.attacks.OperationPolicies.withRole;
import static io.wssgate.testing.attacks.OperationPolicies.x509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.parity.Expectation;
import io.wssgate.testing.parity.ParityCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Operation confusion: a caller allowed one operation (an X.509 partner may call {@code status})
 * dresses a request for another ({@code order}: SAML holder-of-key, role buyer) as the one it may
 * call, by a SOAPAction, a wsa:Action or a payload root that disagrees with what it signed; and
 * the message rules an operation puts in place of the policy's (required headers, signed parts,
 * encrypted parts); and the WS-Addressing rules (headers required and signed, wsa:To this
 * endpoint, MessageID once).
 * Each refusal has an accepted twin in {@link #valid}, so the suites prove the operation was
 * told apart, not that everything is refused.
 */
public final class OperationAttacks {
    static final String CONFUSION = "Operation confusion";
    static final String ADDRESSING = "WS-Addressing";
    static final String RULES = "Operation rules";
    static final String SOAP_ACTION = "SOAPAction";

    private OperationAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>(confusion(f));
        a.addAll(rules(f));
        a.addAll(addressing(f));
        return a;
    }

    private static List<Attack> confusion(AttackFixture f) {
        SamlSpec buyer = withRole(f, BUYER);
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(CONFUSION, "X.509 caller on order, which requires SAML (told by its payload root)", OPS,
                () -> x509(f, OPS, BODY).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CONFUSION, "signed payload of order sent with the SOAPAction of status", OPS,
                () -> x509(f, OPS, BODY).build(), FaultCode.FAILED_CHECK)
                .withHeader(SOAP_ACTION, quoted(STATUS_SOAP_ACTION)));
        a.add(new Attack(CONFUSION, "SOAP 1.2: signed payload of order sent with the action parameter of status",
                OPS_12, () -> x509(f, OPS_12, BODY).build(), soap12With(STATUS_SOAP_ACTION), "POST",
                Attack.Outcome.fault(FaultCode.FAILED_CHECK), java.util.Map.of()));
        a.add(Attack.post(CONFUSION, "authorized buyer's order sent with the SOAPAction of status", OPS,
                () -> holderOfKey(f, OPS, BODY, buyer).build(), FaultCode.FAILED_CHECK)
                .withHeader(SOAP_ACTION, quoted(STATUS_SOAP_ACTION)));
        a.add(Attack.post(CONFUSION, "payload of status with a SOAPAction no operation declares", OPS,
                () -> x509(f, OPS, WHOAMI).build(), FaultCode.FAILED_CHECK)
                .withHeader(SOAP_ACTION, quoted("urn:wssgate:test:other")));
        a.add(Attack.post(CONFUSION, "signed payload of order with a signed wsa:Action of status", OPS,
                () -> OperationPolicies.addressing(x509(f, OPS, BODY), WSA, null, STATUS_ACTION, null, true).build(),
                FaultCode.FAILED_CHECK));
        a.add(Attack.post(CONFUSION, "payload root no operation declares (unknown-operations: refuse)", OPS,
                () -> x509(f, OPS, "<w:refund xmlns:w=\"urn:wssgate:test:jaxws\"/>").build(),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CONFUSION, "empty Body and no SOAPAction: no operation (unknown-operations: refuse)", OPS,
                () -> x509(f, OPS, "").build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CONFUSION, "two payload elements, status first and order second", OPS,
                () -> x509(f, OPS, WHOAMI + BODY).build(), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CONFUSION, "caller the policy's own require does not admit (CN=intruder)", OPS,
                () -> AttackFixture.envelope(OPS, WHOAMI).timestamp(Duration.ofMinutes(5))
                        .signWith(f.wrongDn, KeyIdType.BST).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CONFUSION, "X.509 caller naming order by its SOAPAction", OPS_ACTION,
                () -> x509(f, OPS_ACTION, BODY).build(), FaultCode.FAILED_AUTHENTICATION)
                .withHeader(SOAP_ACTION, quoted(ORDER_SOAP_ACTION)));
        a.add(new Attack(CONFUSION, "SOAP 1.2: X.509 caller naming order by the action parameter", OPS_ACTION_12,
                () -> x509(f, OPS_ACTION_12, BODY).build(), soap12With(ORDER_SOAP_ACTION), "POST",
                Attack.Outcome.fault(FaultCode.FAILED_AUTHENTICATION), java.util.Map.of()));
        a.add(Attack.post(CONFUSION, "SAML caller naming status (X.509 only) by its SOAPAction", OPS_ACTION,
                () -> holderOfKey(f, OPS_ACTION, WHOAMI, buyer).build(), FaultCode.FAILED_AUTHENTICATION)
                .withHeader(SOAP_ACTION, quoted(STATUS_SOAP_ACTION)));
        a.add(new Attack(CONFUSION, "SOAP 1.2: SOAPAction header and action parameter naming two operations",
                OPS_ACTION_12, () -> x509(f, OPS_ACTION_12, WHOAMI).build(), soap12With(STATUS_SOAP_ACTION), "POST",
                Attack.Outcome.fault(FaultCode.FAILED_CHECK), java.util.Map.of())
                .withHeader(SOAP_ACTION, quoted(ORDER_SOAP_ACTION)));
        a.add(Attack.post(CONFUSION, "X.509 caller naming order by its signed wsa:Action", OPS_WSA,
                () -> OperationPolicies.addressed(x509(f, OPS_WSA, WHOAMI), ORDER_ACTION).build(),
                FaultCode.FAILED_AUTHENTICATION));
        return a;
    }

    /**
     * Operations of "opsaction" whose message rules replace the policy's: the request is refused
     * under the operation's rule although the policy's own (which the same message meets without
     * a SOAPAction, see {@link #valid}) would accept it.
     */
    private static List<Attack> rules(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(RULES, "order by a buyer with sender-vouches (its confirmation-methods: holder-of-key)", OPS,
                () -> senderVouches(f, BODY, withRole(f, BUYER)).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(RULES, "routed without the header its required-headers names", OPS_ACTION,
                () -> routed(f, 0, false).build(), FaultCode.INVALID_SECURITY)
                .withHeader(SOAP_ACTION, quoted(ROUTED_SOAP_ACTION)));
        a.add(Attack.post(RULES, "routed with the header its required-headers names twice", OPS_ACTION,
                () -> routed(f, 2, false).build(), FaultCode.INVALID_SECURITY)
                .withHeader(SOAP_ACTION, quoted(ROUTED_SOAP_ACTION)));
        a.add(Attack.post(RULES, "signed-route with the header its signed-parts names, unsigned", OPS_ACTION,
                () -> routed(f, 1, false).build(), FaultCode.FAILED_CHECK)
                .withHeader(SOAP_ACTION, quoted(SIGNED_ROUTE_SOAP_ACTION)));
        a.add(Attack.post(RULES, "sealed with the Body its encrypted-parts names in clear", OPS_ACTION,
                () -> x509(f, OPS_ACTION, WHOAMI).build(), FaultCode.FAILED_CHECK)
                .withHeader(SOAP_ACTION, quoted(SEALED_SOAP_ACTION)));
        return a;
    }

    /** A sender-vouches assertion for alice ({@code spec}), the Body signed by the fixture's trusted sender. */
    private static io.wssgate.testing.MessageBuilder senderVouches(AttackFixture f, String body, SamlSpec spec) {
        return AttackFixture.envelope(OPS, body).timestamp(Duration.ofMinutes(5)).saml(spec.senderVouches())
                .signWith(f.sender, KeyIdType.BST);
    }

    /** Signed by the client over Body and Timestamp, with {@code routings} Routing headers, signed or not. */
    private static io.wssgate.testing.MessageBuilder routed(AttackFixture f, int routings, boolean signed) {
        io.wssgate.testing.MessageBuilder builder = x509(f, OPS_ACTION, WHOAMI);
        for (int i = 0; i < routings; i++) {
            builder.header("<r:Routing xmlns:r=\"" + AttackFixture.ROUTING.getNamespaceURI() + "\">"
                    + AttackFixture.ROUTING_TEXT + "</r:Routing>");
        }
        if (signed) {
            builder.signHeader(AttackFixture.ROUTING);
        }
        return builder;
    }

    private static List<Attack> addressing(AttackFixture f) {
        String to = AttackFixture.OPS_WSA_ADDRESS;
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(ADDRESSING, "required headers absent", OPS_WSA, () -> x509(f, OPS_WSA, WHOAMI).build(),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(ADDRESSING, "wsa:MessageID absent", OPS_WSA,
                () -> OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI), WSA, to, STATUS_ACTION, null, true).build(),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(ADDRESSING, "headers present but unsigned", OPS_WSA,
                () -> OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI), WSA, to, STATUS_ACTION, messageId(), false)
                        .build(), FaultCode.FAILED_CHECK));
        a.add(Attack.post(ADDRESSING, "wsa:To and wsa:Action signed, wsa:MessageID not", OPS_WSA,
                () -> OperationPolicies.header(OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI), WSA, to,
                        STATUS_ACTION, null, true), WSA, "MessageID", messageId(), false).build(),
                FaultCode.FAILED_CHECK));
        a.add(Attack.post(ADDRESSING, "signed wsa:To of another endpoint (redirected)", OPS_WSA,
                () -> OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI), WSA, "https://other.example/service",
                        STATUS_ACTION, messageId(), true).build(), FaultCode.FAILED_CHECK));
        a.add(Attack.post(ADDRESSING, "signed wsa:To of another endpoint, to a policy comparing it with the request URL",
                OPS, () -> OperationPolicies.addressing(x509(f, OPS, WHOAMI), WSA, "https://other.example/service",
                        STATUS_ACTION, messageId(), true).build(), FaultCode.FAILED_CHECK));
        a.add(Attack.replay(ADDRESSING, "signed wsa:MessageID again in a freshly timestamped message", OPS_WSA,
                () -> {
                    String id = messageId();
                    return List.of(sameId(f, id), sameId(f, id));
                }, FaultCode.INVALID_SECURITY));
        a.add(Attack.post(ADDRESSING, "two wsa:To headers", OPS_WSA,
                () -> OperationPolicies.header(OperationPolicies.addressed(x509(f, OPS_WSA, WHOAMI), STATUS_ACTION), WSA,
                        "To", "https://other.example/service", false).build(), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(ADDRESSING, "W3C and 2004/08 headers mixed", OPS_WSA,
                () -> OperationPolicies.header(OperationPolicies.addressed(x509(f, OPS_WSA, WHOAMI), STATUS_ACTION),
                        WSA_2004, "ReplyTo", "", false).build(), FaultCode.INVALID_SECURITY));
        return a;
    }

    /** The accepted twins of the refusals above. */
    public static List<ParityCase> valid(AttackFixture f) {
        SamlSpec buyer = withRole(f, BUYER);
        List<ParityCase> c = new ArrayList<>();
        c.add(accepted("status told by its payload root", OPS, () -> x509(f, OPS, WHOAMI).build(), CLIENT_DN));
        c.add(accepted("order by a buyer with holder-of-key", OPS, () -> holderOfKey(f, OPS, BODY, buyer).build(),
                SamlSpec.DEFAULT_SUBJECT));
        c.add(accepted("status with its own SOAPAction", OPS, () -> x509(f, OPS, WHOAMI).build(), CLIENT_DN)
                .withHeader(SOAP_ACTION, quoted(STATUS_SOAP_ACTION)));
        c.add(new ParityCase(CONFUSION + " / SOAP 1.2: status with its own action parameter", OPS_12, "POST",
                soap12With(STATUS_SOAP_ACTION), () -> x509(f, OPS_12, WHOAMI).build(),
                new Expectation.Accepted(CLIENT_DN), java.util.Map.of()));
        c.add(accepted("order with its SOAPAction and signed wsa:Action", OPS,
                () -> OperationPolicies.addressing(holderOfKey(f, OPS, BODY, buyer), WSA, null, ORDER_ACTION, null, true)
                        .build(), SamlSpec.DEFAULT_SUBJECT).withHeader(SOAP_ACTION, quoted(ORDER_SOAP_ACTION)));
        c.add(ParityCase.post(ADDRESSING + " / signed wsa:To naming the URL the request goes to", OPS,
                AttackFixture.SOAP11_CONTENT_TYPE, EndpointBound.of(url -> OperationPolicies.addressing(
                        x509(f, OPS, WHOAMI), WSA, url.toString(), STATUS_ACTION, messageId(), true).build()),
                new Expectation.Accepted(CLIENT_DN)));
        c.add(accepted("status told by its SOAPAction alone", OPS_ACTION, () -> x509(f, OPS_ACTION, WHOAMI).build(),
                CLIENT_DN).withHeader(SOAP_ACTION, quoted(STATUS_SOAP_ACTION)));
        c.add(accepted("order told by its SOAPAction alone, by a buyer", OPS_ACTION,
                () -> holderOfKey(f, OPS_ACTION, BODY, buyer).build(), SamlSpec.DEFAULT_SUBJECT)
                .withHeader(SOAP_ACTION, quoted(ORDER_SOAP_ACTION)));
        c.add(new ParityCase(CONFUSION + " / SOAP 1.2: order told by the action parameter alone, by a buyer",
                OPS_ACTION_12, "POST", soap12With(ORDER_SOAP_ACTION),
                () -> holderOfKey(f, OPS_ACTION_12, BODY, buyer).build(),
                new Expectation.Accepted(SamlSpec.DEFAULT_SUBJECT), java.util.Map.of()));
        c.add(accepted("no SOAPAction: the policy's own rules (unknown-operations: default)", OPS_ACTION,
                () -> x509(f, OPS_ACTION, BODY).build(), CLIENT_DN));
        c.add(ParityCase.post(RULES + " / status with sender-vouches (the policy's confirmation methods)", OPS,
                AttackFixture.SOAP11_CONTENT_TYPE, () -> senderVouches(f, WHOAMI, withRole(f, BUYER)).build(),
                new Expectation.Accepted(SamlSpec.DEFAULT_SUBJECT)));
        c.add(ParityCase.post(RULES + " / routed with the header its required-headers names", OPS_ACTION,
                AttackFixture.SOAP11_CONTENT_TYPE, () -> routed(f, 1, false).build(), new Expectation.Accepted(CLIENT_DN))
                .withHeader(SOAP_ACTION, quoted(ROUTED_SOAP_ACTION)));
        c.add(ParityCase.post(RULES + " / signed-route with the header its signed-parts names, signed", OPS_ACTION,
                AttackFixture.SOAP11_CONTENT_TYPE, () -> routed(f, 1, true).build(), new Expectation.Accepted(CLIENT_DN))
                .withHeader(SOAP_ACTION, quoted(SIGNED_ROUTE_SOAP_ACTION)));
        c.add(ParityCase.post(RULES + " / sealed with the Body encrypted for the server", OPS_ACTION,
                AttackFixture.SOAP11_CONTENT_TYPE,
                () -> x509(f, OPS_ACTION, WHOAMI).encryptBodyFor(f.server.certificate()).build(),
                new Expectation.Accepted(CLIENT_DN)).withHeader(SOAP_ACTION, quoted(SEALED_SOAP_ACTION)));
        c.add(accepted("order told by its signed wsa:Action alone, by a buyer", OPS_WSA,
                () -> OperationPolicies.addressed(holderOfKey(f, OPS_WSA, BODY, buyer), ORDER_ACTION).build(),
                SamlSpec.DEFAULT_SUBJECT));
        c.add(ParityCase.post(ADDRESSING + " / 2004/08 submission headers, signed", OPS_WSA,
                AttackFixture.SOAP11_CONTENT_TYPE, () -> OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI),
                        WSA_2004, AttackFixture.OPS_WSA_ADDRESS, STATUS_ACTION, messageId(), true).build(),
                new Expectation.Accepted(CLIENT_DN)));
        return c;
    }

    private static ParityCase accepted(String name, String path, Supplier<byte[]> body, String principal) {
        return ParityCase.post(CONFUSION + " / " + name, path, AttackFixture.contentTypeFor(path), body,
                new Expectation.Accepted(principal));
    }

    private static byte[] sameId(AttackFixture f, String messageId) {
        return OperationPolicies.addressing(x509(f, OPS_WSA, WHOAMI), WSA, AttackFixture.OPS_WSA_ADDRESS, STATUS_ACTION,
                messageId, true).build();
    }

    private static String messageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
