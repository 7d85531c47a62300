package io.wssgate.inbound;

import static io.wssgate.inbound.SamlText.attribute;
import static io.wssgate.inbound.SamlText.invalid;
import static io.wssgate.inbound.SamlText.nonBlank;
import static io.wssgate.inbound.SamlText.text;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.AssertionFacts.Confirmation;
import io.wssgate.inbound.AssertionFacts.Subject;
import io.wssgate.inbound.AssertionFacts.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml1.core.Assertion;
import org.opensaml.saml.saml1.core.AuthenticationStatement;
import org.opensaml.saml.saml1.core.Conditions;
import org.opensaml.saml.saml1.core.NameIdentifier;
import org.opensaml.saml.saml1.core.Statement;
import org.opensaml.saml.saml1.core.SubjectConfirmation;
import org.opensaml.saml.saml1.core.SubjectStatement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a SAML 1.1 assertion into {@link AssertionFacts}. SAML 1.1 has no subject of its own:
 * each statement carries one. WSS Gate takes the name from one statement, roles from another
 * and the key from a third, so it accepts an assertion only if every subject statement is
 * about the very same subject (same NameIdentifier, same confirmation, same key), and refuses
 * a version other than 1.1 (SAML 1.1 core 2.3.2: a relying party must reject an unsupported
 * major version; 1.0 is not part of the WSS SAML Token Profile 1.1), conditions it does not
 * understand, and an empty name.
 */
final class Saml1Reader {
    static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:1.0:cm:holder-of-key";
    static final String SENDER_VOUCHES = "urn:oasis:names:tc:SAML:1.0:cm:sender-vouches";
    static final String BEARER = "urn:oasis:names:tc:SAML:1.0:cm:bearer";
    private static final Map<String, ConfirmationMethod> METHODS = Map.of(HOLDER_OF_KEY,
            ConfirmationMethod.HOLDER_OF_KEY, SENDER_VOUCHES, ConfirmationMethod.SENDER_VOUCHES, BEARER,
            ConfirmationMethod.BEARER);
    private static final List<String> KNOWN_CONDITIONS = List.of("AudienceRestrictionCondition", "DoNotCacheCondition");

    private Saml1Reader() {
    }

    static AssertionFacts read(Assertion assertion) throws SecurityFault {
        Element dom = assertion.getDOM();
        String major = attribute(dom, "MajorVersion").orElse("");
        String minor = attribute(dom, "MinorVersion").orElse("");
        if (!"1".equals(major) || !"1".equals(minor)) {
            throw invalid("SAML 1.x assertion with MajorVersion=\"" + major + "\" MinorVersion=\"" + minor
                    + "\" (only 1.1 is supported)");
        }
        String issuer = nonBlank(assertion.getIssuer()).orElseThrow(() -> invalid("assertion without Issuer"));
        Instant issueInstant = Optional.ofNullable(assertion.getIssueInstant())
                .orElseThrow(() -> invalid("assertion without IssueInstant"));
        Conditions conditions = assertion.getConditions();
        if (conditions != null) {
            List<String> unknown = SamlText.unknownChildren(conditions.getDOM(), XmlNames.SAML1, KNOWN_CONDITIONS);
            if (!unknown.isEmpty()) {
                throw invalid("condition(s) not understood, the assertion is Indeterminate: " + unknown);
            }
        }
        org.opensaml.saml.saml1.core.Subject subject = theOneSubject(assertion);
        NameIdentifier name = subject.getNameIdentifier();
        if (name == null || text(name).isEmpty()) {
            throw invalid("the Subject has no NameIdentifier or an empty one");
        }
        AuthenticationStatement authn = assertion.getAuthenticationStatements().isEmpty() ? null
                : assertion.getAuthenticationStatements().get(0);
        return new AssertionFacts(SAMLVersion.VERSION_11, assertion.getID(), issuer, issueInstant,
                conditions == null ? Window.OPEN : new Window(Optional.ofNullable(conditions.getNotBefore()),
                        Optional.ofNullable(conditions.getNotOnOrAfter())),
                conditions == null ? List.of() : conditions.getAudienceRestrictionConditions().stream()
                        .map(r -> r.getAudiences().stream().map(a -> text(a)).toList()).toList(),
                conditions != null && !conditions.getDoNotCacheConditions().isEmpty(), Optional.empty(),
                new Subject(text(name), nonBlank(name.getFormat())), confirmation(subject.getSubjectConfirmation()),
                attributes(assertion),
                Optional.ofNullable(authn).map(AuthenticationStatement::getAuthenticationMethod),
                Optional.ofNullable(authn).map(AuthenticationStatement::getAuthenticationInstant));
    }

    /** The subject all subject statements share; refused if there is none or they differ in anything. */
    private static org.opensaml.saml.saml1.core.Subject theOneSubject(Assertion assertion) throws SecurityFault {
        org.opensaml.saml.saml1.core.Subject first = null;
        String firstShape = null;
        for (Statement statement : assertion.getStatements()) {
            if (!(statement instanceof SubjectStatement subjectStatement)) {
                continue; // not about a subject: nothing WSS Gate takes from it
            }
            org.opensaml.saml.saml1.core.Subject subject = subjectStatement.getSubject();
            if (subject == null || subject.getDOM() == null) {
                throw invalid("a subject statement without a Subject");
            }
            String shape = shape(subject.getDOM());
            if (first == null) {
                first = subject;
                firstShape = shape;
            } else if (!firstShape.equals(shape)) {
                throw invalid("the assertion's statements are about more than one subject");
            }
        }
        if (first == null) {
            throw invalid("assertion without a subject statement");
        }
        return first;
    }

    private static Confirmation confirmation(SubjectConfirmation confirmation) throws SecurityFault {
        if (confirmation == null || confirmation.getConfirmationMethods().size() != 1) {
            throw invalid("the Subject must have a SubjectConfirmation with exactly one ConfirmationMethod");
        }
        String uri = confirmation.getConfirmationMethods().get(0).getURI();
        ConfirmationMethod method = METHODS.get(uri == null ? "" : uri.trim());
        if (method == null) {
            throw invalid("unknown subject confirmation method " + uri);
        }
        return new Confirmation(method, uri.trim(), Window.OPEN, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Map<String, List<String>> attributes(Assertion assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        assertion.getAttributeStatements().forEach(s -> s.getAttributes().stream()
                .filter(attribute -> attribute.getAttributeName() != null)
                .forEach(attribute -> out.computeIfAbsent(attribute.getAttributeName(), k -> new ArrayList<>())
                        .addAll(attribute.getAttributeValues().stream().map(SamlText::text).toList())));
        return out;
    }

    /**
     * The structure and content of an element (namespaces, names, attributes, text without
     * surrounding white space), so two subjects written with other prefixes or indentation
     * compare equal and any real difference (another name, method or key) does not.
     */
    static String shape(Element element) {
        StringBuilder out = new StringBuilder();
        shape(element, out);
        return out.toString();
    }

    private static void shape(Element element, StringBuilder out) {
        out.append('<').append(element.getNamespaceURI()).append('|').append(element.getLocalName());
        var attributes = element.getAttributes();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                pairs.add(a.getNamespaceURI() + "|" + a.getLocalName() + "=" + a.getNodeValue());
            }
        }
        pairs.stream().sorted().forEach(p -> out.append(' ').append(p));
        out.append('>');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                shape(e, out);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().trim();
                if (!text.isEmpty()) {
                    out.append('"').append(text).append('"');
                }
            }
        }
        out.append("</>");
    }
}
