package io.wssgate.inbound;

import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;

import io.wssgate.identity.WssPrincipal;
import io.wssgate.soap.Documents;
import io.wssgate.soap.SoapEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.w3c.dom.Element;

/**
 * What each stage established, as {@link StageFact}s for a {@link io.wssgate.diagnostics.trace.PipelineTrace}: names, times,
 * issuers and what was signed, never a key, password or digest. Only called when a trace asks.
 */
final class StageFacts {
    private StageFacts() {
    }

    static List<StageFact> parsed(SoapEnvelope envelope, int bytes) {
        List<Element> body = Documents.childElements(envelope.body());
        return List.of(fact("SOAP version", envelope.version() == io.wssgate.soap.SoapVersion.SOAP_12 ? "1.2" : "1.1"),
                fact("size", bytes + " bytes"),
                fact("Body", body.isEmpty() ? "empty" : body.stream().map(StageFacts::name).collect(joining())));
    }

    static List<StageFact> securityHeader(Element header, String actor) {
        return List.of(fact("actor/role", actor.isEmpty() ? "(none: the ultimate receiver)" : actor),
                fact("children", Documents.childElements(header).stream().map(StageFacts::name).collect(joining())));
    }

    static List<StageFact> prechecks(Optional<Element> decryptedAssertion) {
        List<StageFact> out = new ArrayList<>();
        out.add(fact("checked", "token kinds, algorithms, unique IDs, references inside the header"));
        decryptedAssertion.ifPresent(a -> out.add(fact("EncryptedAssertion", "decrypted to " + name(a))));
        return out;
    }

    static List<StageFact> processed(SecurityResults results) {
        List<StageFact> out = new ArrayList<>();
        for (Timestamp ts : results.timestamps()) {
            out.add(fact("Timestamp", "Created " + ts.getCreated() + (ts.getExpires() == null ? ", no Expires"
                    : ", Expires " + ts.getExpires())));
        }
        for (VerifiedSignature s : results.signatures()) {
            String key = s.keyAssertion().map(a -> "the subject key of SAML assertion " + a.getId())
                    .orElseGet(() -> s.certificate().map(c -> c.getSubjectX500Principal().getName()
                            + " (certificate path trusted)").orElse("a public key"));
            out.add(fact("signature", "by " + key + ", covers " + s.covered().stream().map(StageFacts::name)
                    .collect(joining())));
        }
        for (SamlAssertionWrapper a : results.assertions()) {
            out.add(fact("SAML assertion", "SAML " + a.getSamlVersion() + " " + a.getId() + " from issuer '"
                    + a.getIssuerString() + "'" + (a.isSigned() ? ", issuer signature verified" : ", unsigned")));
        }
        for (UsernameToken ut : results.usernameTokens()) {
            out.add(fact("UsernameToken", "'" + ut.getName() + "'" + (ut.getPasswordType() == null ? ""
                    : ut.getPasswordType().endsWith("#PasswordDigest") ? ", PasswordDigest verified"
                    : ", PasswordText verified")));
        }
        if (!results.decrypted().isEmpty()) {
            out.add(fact("decrypted", results.decrypted().stream().map(StageFacts::name).collect(joining())));
        }
        return out;
    }

    static List<StageFact> layout(io.wssgate.config.HeaderLayout layout) {
        return List.of(fact("layout", layout.key()));
    }

    static List<StageFact> timestamp(SecurityResults results) {
        if (results.timestamps().isEmpty()) {
            return List.of(fact("Timestamp", "none (not required)"));
        }
        Timestamp ts = results.timestamps().get(0);
        return List.of(fact("Created", String.valueOf(ts.getCreated())),
                fact("Expires", ts.getExpires() == null ? "(none)" : ts.getExpires().toString()));
    }

    static List<StageFact> coverage(io.wssgate.config.SignaturePolicy signature) {
        List<String> parts = new ArrayList<>();
        if (signature.required() && signature.signBody()) {
            parts.add("Body");
        }
        if (signature.required() && signature.signTimestamp()) {
            parts.add("Timestamp");
        }
        signature.signedHeaders().forEach(h -> parts.add(h.toString()));
        return List.of(fact("signed by a trusted key", parts.isEmpty() ? "nothing required" : String.join(", ", parts)));
    }

    static List<StageFact> encryption(io.wssgate.config.DecryptionPolicy decryption) {
        List<String> parts = new ArrayList<>();
        if (decryption.requireEncryptedBody()) {
            parts.add("Body");
        }
        decryption.requiredEncryptedHeaders().forEach(h -> parts.add(h.toString()));
        return List.of(fact("required encrypted", parts.isEmpty() ? "nothing" : String.join(", ", parts)));
    }

    static List<StageFact> saml(Optional<SamlRules.ConfirmedAssertion> confirmed) {
        if (confirmed.isEmpty()) {
            return List.of(fact("assertion", "none in the message"));
        }
        AssertionFacts facts = confirmed.get().facts();
        return List.of(fact("issuer", facts.issuer()), fact("subject", facts.subject().name()),
                fact("confirmation", facts.confirmation().method().key()),
                fact("audiences", facts.audiences().toString()),
                fact("usable until", confirmed.get().usableUntil().toString()));
    }

    static List<StageFact> identity(WssPrincipal principal) {
        return List.of(fact("principal", principal.name()), fact("token", principal.tokenType().toString()
                + principal.confirmationMethod().map(m -> " (" + m.key() + ")").orElse("")),
                fact("roles", principal.roles().isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(
                        principal.roles()))));
    }

    static List<StageFact> addressing(io.wssgate.soap.AddressingHeaders headers,
                                      io.wssgate.config.AddressingPolicy policy) {
        if (!headers.present()) {
            return List.of(fact("WS-Addressing", "no headers" + (policy.required() ? "" : " (not required)")));
        }
        List<StageFact> out = new ArrayList<>();
        out.add(fact("WS-Addressing", headers.version().map(Object::toString).orElse("headers present")));
        headers.toValue().ifPresent(v -> out.add(fact("To", v)));
        headers.actionValue().ifPresent(v -> out.add(fact("Action", v)));
        headers.messageIdValue().ifPresent(v -> out.add(fact("MessageID", v)));
        return out;
    }

    static List<StageFact> operation(Optional<String> operation, io.wssgate.soap.Delivery delivery) {
        List<StageFact> out = new ArrayList<>();
        out.add(fact("rules", operation.map(o -> "operation '" + o + "'").orElse("the policy's own")));
        if (!delivery.soapActions().isEmpty()) {
            out.add(fact("SOAPAction", String.join(", ", delivery.soapActions())));
        }
        return out;
    }

    static List<StageFact> authorization(Optional<String> operation) {
        return List.of(fact("authorized", "the caller's token type and roles satisfy "
                + operation.map(o -> "operation '" + o + "'").orElse("the policy") + "'s require and token-types"));
    }

    static List<StageFact> replay(Instant now) {
        return List.of(fact("admitted", "not seen before by this validator (as of " + now + ")"));
    }

    private static StageFact fact(String name, String value) {
        return new StageFact(name, value);
    }

    private static java.util.stream.Collector<CharSequence, ?, String> joining() {
        return Collectors.joining(", ");
    }

    /** {@code prefix:Local} as written, with its wsu:Id / Id when it has one. */
    static String name(Element e) {
        String id = e.getAttributeNS(XmlNames.WSU, "Id");
        if (id.isEmpty()) {
            id = e.getAttribute("Id").isEmpty() ? e.getAttribute("ID") : e.getAttribute("Id");
        }
        return e.getNodeName() + (id.isEmpty() ? "" : " #" + id);
    }
}
