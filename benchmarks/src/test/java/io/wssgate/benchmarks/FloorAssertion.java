package io.wssgate.benchmarks;

import static io.wssgate.benchmarks.FloorCrypto.DS;
import static io.wssgate.benchmarks.FloorCrypto.SAML2;
import static io.wssgate.benchmarks.FloorDom.append;
import static io.wssgate.benchmarks.FloorDom.element;
import static io.wssgate.benchmarks.FloorDom.text;

import io.wssgate.testing.SamlSpec;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The floor's SAML 2.0 holder-of-key assertion: the same content our {@code saml-out} policy
 * issues (subject, the subject's certificate as confirmation key, audience, authentication
 * statement), written element by element and signed by the issuer with an enveloped signature.
 */
final class FloorAssertion {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final PrivateKey issuerKey;
    private final String issuerCertificate;
    private final String subjectCertificate;

    FloorAssertion(BenchKeys keys) throws Exception {
        this.issuerKey = keys.idp.privateKey();
        this.issuerCertificate = java.util.Base64.getEncoder().encodeToString(keys.idp.certificate().getEncoded());
        this.subjectCertificate = java.util.Base64.getEncoder().encodeToString(keys.alice.certificate().getEncoded());
    }

    /** A signed assertion, not yet placed in the message; its ID is the {@code ID} attribute. */
    Element issue(Document document, Instant now) throws Exception {
        Element assertion = element(document, SAML2, "saml2:Assertion", true);
        String id = "_" + UUID.randomUUID();
        assertion.setAttribute("ID", id);
        assertion.setAttribute("IssueInstant", now.toString());
        assertion.setAttribute("Version", "2.0");
        Element issuer = append(assertion, text(document, SAML2, "saml2:Issuer", SamlSpec.DEFAULT_ISSUER));
        Element subject = append(assertion, element(document, SAML2, "saml2:Subject", false));
        append(subject, text(document, SAML2, "saml2:NameID", "alice")).setAttribute("Format", SamlSpec.NAMEID_UNSPECIFIED);
        Element confirmation = append(subject, element(document, SAML2, "saml2:SubjectConfirmation", false));
        confirmation.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key");
        Element data = append(confirmation, element(document, SAML2, "saml2:SubjectConfirmationData", false));
        FloorDom.declare(data, "xsi", XSI);
        data.setAttributeNS(XSI, "xsi:type", "saml2:KeyInfoConfirmationDataType");
        Element keyInfo = append(data, element(document, DS, "ds:KeyInfo", true));
        append(keyInfo, x509Data(document, subjectCertificate));
        Element conditions = append(assertion, element(document, SAML2, "saml2:Conditions", false));
        conditions.setAttribute("NotBefore", now.minus(Duration.ofMinutes(1)).toString());
        conditions.setAttribute("NotOnOrAfter", now.plus(Duration.ofMinutes(5)).toString());
        append(append(conditions, element(document, SAML2, "saml2:AudienceRestriction", false)),
                text(document, SAML2, "saml2:Audience", Messages.AUDIENCE));
        Element authn = append(assertion, element(document, SAML2, "saml2:AuthnStatement", false));
        authn.setAttribute("AuthnInstant", now.toString());
        append(append(authn, element(document, SAML2, "saml2:AuthnContext", false)), text(document, SAML2,
                "saml2:AuthnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified"));
        // the issuer's enveloped signature goes right after Issuer, as the SAML schema wants it
        FloorSignature.sign(document, Map.of(id, assertion), true, issuerKey,
                signature -> assertion.insertBefore(signature, issuer.getNextSibling()),
                x509Data(document, issuerCertificate));
        return assertion;
    }

    /** ds:X509Data carrying one certificate. */
    private static Element x509Data(Document document, String certificate) {
        Element x509Data = element(document, DS, "ds:X509Data", false);
        append(x509Data, text(document, DS, "ds:X509Certificate", certificate));
        return x509Data;
    }
}
