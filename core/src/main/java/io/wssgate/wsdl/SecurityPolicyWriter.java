package io.wssgate.wsdl;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.MessageParts;
import io.wssgate.identity.TokenType;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the WS-SecurityPolicy 1.2 that states {@link RequestRequirements}: one policy
 * alternative (wsp:All) per way of authenticating, each an AsymmetricBinding with its
 * InitiatorToken, the signed and encrypted parts and, for tokens that ride along, the supporting
 * tokens.
 *
 * <p>The algorithm suite is {@code Basic256Sha256}, the suite closest to what WSS Gate accepts
 * (SHA-256 digests, RSA-OAEP key transport, 256-bit keys). WS-SecurityPolicy gives every suite
 * RSA-SHA1 as its asymmetric signature, which WSS Gate refuses, so the element also carries
 * Metro's {@code signatureAlgorithm="SHA256withRSA"} (Metro and WSIT sign with RSA-SHA256 then);
 * Apache CXF ignores that attribute and needs {@code ws-security.asymmetric.signature.algorithm},
 * and WCF's own Basic256Sha256 signs with RSA-SHA256 already (docs/ws-securitypolicy.md).
 */
final class SecurityPolicyWriter {
    /** Metro's extension attribute on sp:AlgorithmSuite (no namespace), read by its WSIT security runtime. */
    static final String METRO_SIGNATURE_ALGORITHM = "signatureAlgorithm";
    static final String SUITE = "Basic256Sha256";

    private SecurityPolicyWriter() {
    }

    /** A {@code wsp:Policy} with {@code wsu:Id} {@code id}, in {@code doc}, for requests meeting {@code req}. */
    static Element write(Document doc, String id, RequestRequirements req) {
        PolicyXml x = new PolicyXml(doc);
        Element policy = x.wsp("Policy");
        policy.setAttributeNS(WsNames.WSU, "wsu:Id", id);
        Element exactlyOne = x.wsp("ExactlyOne");
        policy.appendChild(exactlyOne);
        for (TokenAlternative alternative : req.alternatives()) {
            Element all = x.wsp("All");
            alternative(x, req, alternative).forEach(all::appendChild);
            exactlyOne.appendChild(all);
        }
        return policy;
    }

    private static List<Element> alternative(PolicyXml x, RequestRequirements req, TokenAlternative a) {
        List<Element> out = new ArrayList<>();
        boolean binding = a.holderOfKey() || req.signatureRequired() || !req.encrypted().isEmpty();
        boolean issued = a.holderOfKey() && req.sts().isPresent();
        if (binding) {
            Element initiator = a.holderOfKey() ? (issued ? issuedToken(x, req, a) : samlToken(x, a))
                    : x.token("X509Token", WsNames.INCLUDE_ALWAYS_TO_RECIPIENT, "WssX509V3Token10");
            out.add(asymmetricBinding(x, req, initiator));
            out.add(x.nested("Wss11", x.sp("MustSupportRefKeyIdentifier"), x.sp("MustSupportRefIssuerSerial"),
                    x.sp("MustSupportRefThumbprint"), x.sp("MustSupportRefEncryptedKey")));
        }
        if (issued) {
            out.add(x.nested("Trust13", x.sp("MustSupportIssuedTokens"), x.sp("RequireClientEntropy"),
                    x.sp("RequireServerEntropy")));
        }
        if (a.token() == TokenType.USERNAME_TOKEN) {
            Element token = req.passwordText()
                    ? x.token("UsernameToken", WsNames.INCLUDE_ALWAYS_TO_RECIPIENT, "WssUsernameToken10")
                    : x.token("UsernameToken", WsNames.INCLUDE_ALWAYS_TO_RECIPIENT, "HashPassword", "WssUsernameToken10");
            out.add(x.nested(binding ? "SignedSupportingTokens" : "SupportingTokens", token));
        } else if (a.saml() && !a.holderOfKey()) {
            // sender-vouches and bearer: the assertion rides along, covered by the sender's signature if any
            out.add(x.nested(binding ? "SignedSupportingTokens" : "SupportingTokens", samlToken(x, a)));
        }
        if (!parts(req.signed(), req.addressing()).isEmpty()) {
            out.add(partsElement(x, "SignedParts", req.signed(), req.addressing()));
        }
        if (!req.encrypted().isEmpty()) {
            out.add(partsElement(x, "EncryptedParts", req.encrypted(), false));
        }
        if (req.addressing()) {
            Element addressing = x.element(WsNames.WSAM, "wsam", "Addressing");
            addressing.appendChild(x.policy());
            out.add(addressing);
        }
        return out;
    }

    private static Element asymmetricBinding(PolicyXml x, RequestRequirements req, Element initiator) {
        List<Element> children = new ArrayList<>();
        children.add(x.nested("InitiatorToken", initiator));
        // required by the schema; the service's certificate, which clients have out of band
        children.add(x.nested("RecipientToken", x.token("X509Token", WsNames.INCLUDE_NEVER, "WssX509V3Token10")));
        children.add(algorithmSuite(x, req.algorithms()));
        children.add(x.nested("Layout", x.sp(layout(req.layout()))));
        if (req.timestamp()) {
            children.add(x.sp("IncludeTimestamp"));
        }
        // WSS Gate checks that whole elements were signed (the Body, the headers), never parts of them
        children.add(x.sp("OnlySignEntireHeadersAndBody"));
        return x.nested("AsymmetricBinding", children.toArray(Element[]::new));
    }

    private static Element algorithmSuite(PolicyXml x, AlgorithmPolicy algorithms) {
        Element suite = x.nested("AlgorithmSuite", x.sp(SUITE));
        if (algorithms.signature().contains(AlgorithmPolicy.RSA_SHA256)) {
            suite.setAttribute(METRO_SIGNATURE_ALGORITHM, "SHA256withRSA");
        }
        return suite;
    }

    private static Element samlToken(PolicyXml x, TokenAlternative a) {
        return x.token("SamlToken", WsNames.INCLUDE_ALWAYS_TO_RECIPIENT,
                a.token() == TokenType.SAML_2_0 ? "WssSamlV20Token11" : "WssSamlV11Token11");
    }

    /** An STS-issued holder-of-key assertion: where to get it, and what to ask for. */
    private static Element issuedToken(PolicyXml x, RequestRequirements req, TokenAlternative a) {
        Element token = x.sp("IssuedToken");
        token.setAttributeNS(WsNames.SP12, "sp:IncludeToken", WsNames.INCLUDE_ALWAYS_TO_RECIPIENT);
        Element issuer = x.sp("Issuer");
        issuer.appendChild(x.text(WsNames.WSA, "wsa", "Address", req.sts().orElseThrow().toString()));
        token.appendChild(issuer);
        Element template = x.sp("RequestSecurityTokenTemplate");
        template.appendChild(x.text(WsNames.WST13, "wst", "TokenType", a.token() == TokenType.SAML_2_0
                ? WsNames.SAML2_TOKEN_TYPE
                : "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1"));
        template.appendChild(x.text(WsNames.WST13, "wst", "KeyType", WsNames.PUBLIC_KEY));
        token.appendChild(template);
        token.appendChild(x.policy(x.sp("RequireInternalReference")));
        return token;
    }

    private static List<QName> parts(MessageParts parts, boolean addressing) {
        List<QName> headers = new ArrayList<>(parts.headers());
        if (addressing) {
            for (String name : List.of("To", "Action", "MessageID")) {
                QName header = new QName(WsNames.WSA, name);
                if (!headers.contains(header)) {
                    headers.add(header);
                }
            }
        }
        if (parts.body()) {
            headers.add(0, new QName(WsNames.SOAP11_ENV, "Body"));
        }
        return headers;
    }

    private static Element partsElement(PolicyXml x, String name, MessageParts parts, boolean addressing) {
        Element element = x.sp(name);
        if (parts.body()) {
            element.appendChild(x.sp("Body"));
        }
        for (QName header : parts(parts, addressing)) {
            if (!(parts.body() && header.getLocalPart().equals("Body") && header.getNamespaceURI().equals(WsNames.SOAP11_ENV))) {
                element.appendChild(x.header(header.getLocalPart(), header.getNamespaceURI()));
            }
        }
        return element;
    }

    static String layout(HeaderLayout layout) {
        return switch (layout) {
            case LAX -> "Lax";
            case STRICT -> "Strict";
            case LAX_TIMESTAMP_FIRST -> "LaxTsFirst";
            case LAX_TIMESTAMP_LAST -> "LaxTsLast";
        };
    }
}
