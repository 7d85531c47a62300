package io.wssgate.config.schema;

import static io.wssgate.config.schema.Define.BOOLEAN;
import static io.wssgate.config.schema.Define.MESSAGE_PART;
import static io.wssgate.config.schema.Define.QNAME;
import static io.wssgate.config.schema.Define.TEXT;
import static io.wssgate.config.schema.Define.URI;
import static io.wssgate.config.schema.Define.choice;
import static io.wssgate.config.schema.Define.flag;
import static io.wssgate.config.schema.Define.key;
import static io.wssgate.config.schema.Define.listOf;
import static io.wssgate.config.schema.Define.mapOf;
import static io.wssgate.config.schema.Define.oneOf;
import static io.wssgate.config.schema.Define.section;

import io.wssgate.addressing.AddressingVersion;
import io.wssgate.config.UnknownOperations;
import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.Arrays;

/**
 * The keys that decide per request what a policy asks: its operations, who may call
 * ({@code require}), the header blocks a request must carry, and its WS-Addressing headers.
 */
final class OperationSchema {
    /** The facts an authorization condition can ask of a caller; every list holds alternatives. */
    private static final Key[] CONDITION_KEYS = {
        key("roles", listOf(TEXT), "The caller has one of these roles."),
        key("subjects", new ListOf(Scalar.of(ValueKind.REGEX), false),
                "The caller's name matches one of these regular expressions, as a whole (one flat value is one pattern)."),
        key("saml-attributes", mapOf(listOf(TEXT)),
                "Attribute name to values: the caller's assertion has each attribute with one of its values."),
        key("confirmation", listOf(InboundSchema.confirmationMethods()),
                "The SAML subject confirmation method is one of these."),
        key("authn-context", listOf(URI),
                "The assertion's authentication context class (AuthnContextClassRef, SAML 1.1 AuthenticationMethod) is one of these.")
    };

    static final Section CONDITION = section("Condition",
            "A set of facts the caller must show: every key given must hold.", CONDITION_KEYS);

    static final Section REQUIRE = section("Require",
            "Who may call: the conditions given here, each entry of all-of, and one entry of any-of (when given).",
            concat(CONDITION_KEYS,
                    key("all-of", listOf(CONDITION), "Conditions that must all hold as well."),
                    key("any-of", listOf(CONDITION), "Conditions of which at least one must hold.")));

    static final Section OPERATION = section("Operation",
            "One operation: how a request is recognised as it (any identifier), and the rules that replace the policy's for it.",
            key("payload-roots", listOf(QNAME), "The Body's payload root elements of this operation, as {namespace}LocalName."),
            key("soap-actions", listOf(TEXT), "Its SOAPAction values (HTTP header, or the SOAP 1.2 action parameter)."),
            key("addressing-actions", listOf(URI), "Its wsa:Action values."),
            key("token-types", listOf(oneOf(choice("x509", "a bare X.509 signature"),
                    choice("saml", "a SAML 1.1 or 2.0 assertion"), choice("username-token", "a UsernameToken"))),
                    "The tokens that may authenticate it.").defaultNote("every token the policy accepts"),
            key("confirmation-methods", listOf(InboundSchema.confirmationMethods()),
                    "Replaces saml.confirmation-methods for this operation.").defaultNote("saml.confirmation-methods"),
            key("signed-parts", listOf(MESSAGE_PART),
                    "Replaces signature.parts (and requires a signature): Body, Timestamp and/or headers as {namespace}LocalName.")
                    .defaultNote("signature.parts"),
            key("encrypted-parts", listOf(MESSAGE_PART),
                    "Replaces decryption.required-parts: Body and/or headers as {namespace}LocalName; needs decryption.key.")
                    .defaultNote("decryption.required-parts"),
            key("required-headers", listOf(QNAME), "Replaces the policy's required-headers.")
                    .defaultNote("the policy's required-headers"),
            key("require", REQUIRE, "Who may call this operation, in addition to the policy's require."),
            key("response-action", URI, "The wsa:Action of its responses.")
                    .defaultNote("the request's, its Request suffix replaced by (or else followed by) Response"));

    static final Section ADDRESSING = section("Addressing",
            "What the request's WS-Addressing headers (W3C 1.0 or the 2004/08 submission) must be.",
            flag("required", false, "Whether wsa:To, wsa:Action and wsa:MessageID must be present and signed."),
            key("addresses", listOf(URI), "The addresses of this endpoint; a wsa:To must be one of them.")
                    .defaultNote("the URL the request arrived at"),
            flag("message-id-replay", true, "Whether a signed wsa:MessageID is accepted only once."));

    static final Section OUTBOUND_ADDRESSING = section("OutboundAddressing",
            "WS-Addressing headers a client adds to its requests (wsa:MessageID, wsa:To, wsa:Action), signed with them.",
            key("enabled", BOOLEAN, "Whether they are added.").byDefault("true"),
            key("version", oneOf(Arrays.stream(AddressingVersion.values()).map(v -> choice(v.key(),
                    v == AddressingVersion.W3C_1_0 ? "W3C WS-Addressing 1.0" : "the 2004/08 member submission"))
                    .toArray(Choice[]::new)), "The WS-Addressing version.").byDefault(AddressingVersion.W3C_1_0.key()),
            key("to", URI, "The wsa:To.").defaultNote("the address the request is sent to"),
            key("action", URI, "The wsa:Action.")
                    .defaultNote("the addressing action of the operation the payload root names, else the SOAPAction"));

    private OperationSchema() {
    }

    static Scalar unknownOperations() {
        return oneOf(Arrays.stream(UnknownOperations.values()).map(u -> choice(u.key(), switch (u) {
            case REFUSE -> "refuse the request";
            case DEFAULT -> "apply the policy's own rules";
        })).toArray(Choice[]::new));
    }

    private static Key[] concat(Key[] first, Key... more) {
        Key[] out = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, out, first.length, more.length);
        return out;
    }
}
