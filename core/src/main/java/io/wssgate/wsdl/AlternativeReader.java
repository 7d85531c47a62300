package io.wssgate.wsdl;

import io.wssgate.wsdl.PolicyAlternative.Binding;
import io.wssgate.wsdl.PolicyAlternative.Supporting;
import io.wssgate.wsdl.PolicyAlternative.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** Interprets one normalized policy alternative (a list of assertions) as a {@link PolicyAlternative}. */
final class AlternativeReader {
    private static final Set<String> SUPPORTING = Set.of("SupportingTokens", "SignedSupportingTokens",
            "EndorsingSupportingTokens", "SignedEndorsingSupportingTokens", "SignedEncryptedSupportingTokens",
            "EncryptedSupportingTokens", "EndorsingEncryptedSupportingTokens", "SignedEndorsingEncryptedSupportingTokens");

    private Binding binding = Binding.NONE;
    private Token initiator;
    private final List<Supporting> supporting = new ArrayList<>();
    private String suite;
    private boolean timestamp;
    private String layout;
    private boolean signBody;
    private final List<QName> signedHeaders = new ArrayList<>();
    private boolean encryptBody;
    private final List<QName> encryptedHeaders = new ArrayList<>();
    private boolean addressing;
    private boolean signatureConfirmation;
    private final List<String> mapped = new ArrayList<>();
    private final List<String> unsupported = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    private AlternativeReader() {
    }

    static PolicyAlternative read(List<Element> assertions) {
        AlternativeReader r = new AlternativeReader();
        assertions.forEach(r::assertion);
        return new PolicyAlternative(r.binding, Optional.ofNullable(r.initiator), r.supporting,
                Optional.ofNullable(r.suite), r.timestamp, Optional.ofNullable(r.layout), r.signBody, r.signedHeaders,
                r.encryptBody, r.encryptedHeaders, r.addressing, r.signatureConfirmation, r.mapped, r.unsupported,
                r.ignored);
    }

    private void assertion(Element e) {
        String ns = e.getNamespaceURI();
        String name = e.getLocalName();
        if (WsNames.WSAM.equals(ns) && "Addressing".equals(name)
                || WsNames.WSAW.equals(ns) && "UsingAddressing".equals(name)) {
            addressing = true;
            mapped.add(name + ": WS-Addressing headers, signed");
            return;
        }
        if (WsNames.isPolicy(ns) && "PolicyReference".equals(name)) {
            unsupported.add("PolicyReference " + e.getAttribute("URI") + " (outside this document)");
            return;
        }
        if (!WsNames.isSecurityPolicy(ns) && !"http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200802".equals(ns)) {
            ignored.add("{" + ns + "}" + name);
            return;
        }
        switch (name) {
            case "AsymmetricBinding" -> asymmetric(e);
            case "SymmetricBinding" -> {
                binding = Binding.SYMMETRIC;
                nested(e, "ProtectionToken").flatMap(AlternativeReader::tokenIn).ifPresent(t -> initiator = t);
                bindingProperties(e);
                unsupported.add("SymmetricBinding: WSS Gate verifies signatures made with the sender's private key "
                        + "(AsymmetricBinding), not with a key the sender encrypted for the service");
            }
            case "TransportBinding" -> {
                binding = Binding.TRANSPORT;
                initiator = Token.HTTPS;
                bindingProperties(e);
                mapped.add("TransportBinding: TLS is the container's; the message layer then needs no signature");
            }
            case "SignedParts" -> parts(e, true);
            case "EncryptedParts" -> parts(e, false);
            case "SignedElements", "EncryptedElements", "ContentEncryptedElements", "RequiredElements",
                 "RequiredParts" -> unsupported.add(name + ": parts named by XPath are not supported (name headers instead)");
            case "Wss10" -> mapped.add("Wss10: WS-Security 1.0 references (all accepted)");
            case "Wss11" -> {
                signatureConfirmation = nestedAssertions(e).stream().anyMatch(n -> "RequireSignatureConfirmation"
                        .equals(n.getLocalName()));
                mapped.add("Wss11" + (signatureConfirmation
                        ? " with RequireSignatureConfirmation: outbound.signature-confirmation" : ": WS-Security 1.1 references (all accepted)"));
            }
            case "AlgorithmSuite", "IncludeTimestamp", "Layout", "EncryptSignature", "ProtectTokens",
                 "OnlySignEntireHeadersAndBody", "EncryptBeforeSigning", "SignBeforeEncrypting" -> property(e);
            case "Trust10", "Trust13" -> mapped.add(name + ": tokens from an STS (see saml.sts-validation / outbound.token.sts)");
            default -> {
                if (SUPPORTING.contains(name)) {
                    supportingTokens(e);
                } else {
                    unsupported.add(name);
                }
            }
        }
    }

    private void asymmetric(Element e) {
        binding = Binding.ASYMMETRIC;
        Optional<Token> token = nested(e, "InitiatorToken").or(() -> nested(e, "InitiatorSignatureToken"))
                .flatMap(AlternativeReader::tokenIn);
        token.ifPresent(t -> initiator = t);
        mapped.add("AsymmetricBinding, InitiatorToken " + token.map(Token::name).orElse("none")
                + ": the request is signed with the sender's key");
        token.filter(t -> !t.supported()).ifPresent(t -> unsupported.add("InitiatorToken " + describe(t)));
        bindingProperties(e);
    }

    private void bindingProperties(Element e) {
        nestedAssertions(e).forEach(this::property);
    }

    /** A property of a binding (some policies state them beside the binding, which means the same). */
    private void property(Element p) {
        {
            switch (p.getLocalName()) {
                case "AlgorithmSuite" -> {
                    suite = nestedAssertions(p).stream().map(Element::getLocalName).findFirst().orElse(null);
                    mapped.add("AlgorithmSuite " + suite + ": WSS Gate's allowlists decide (signature.algorithms)");
                }
                case "IncludeTimestamp" -> {
                    timestamp = true;
                    mapped.add("IncludeTimestamp: timestamp.required, Timestamp signed");
                }
                case "Layout" -> {
                    layout = nestedAssertions(p).stream().map(Element::getLocalName).findFirst().orElse("Lax");
                    mapped.add("Layout " + layout + ": security-header.layout");
                }
                case "EncryptSignature" -> unsupported.add("EncryptSignature: an encrypted signature is not verified");
                case "ProtectTokens", "OnlySignEntireHeadersAndBody", "EncryptBeforeSigning", "SignBeforeEncrypting" ->
                        mapped.add(p.getLocalName() + ": accepted as sent");
                default -> {
                    // the tokens themselves are read by the binding
                }
            }
        }
    }

    private void supportingTokens(Element e) {
        String name = e.getLocalName();
        boolean signed = name.startsWith("Signed");
        boolean endorsing = name.contains("Endorsing");
        boolean encrypted = name.contains("Encrypted");
        for (Element t : nestedAssertions(e)) {
            Optional<Token> token = token(t);
            if (token.isEmpty()) {
                if ("SignedParts".equals(t.getLocalName()) || "EncryptedParts".equals(t.getLocalName())) {
                    parts(t, "SignedParts".equals(t.getLocalName()));
                } else if (!"AlgorithmSuite".equals(t.getLocalName())) {
                    unsupported.add(name + "/" + t.getLocalName());
                }
                continue;
            }
            supporting.add(new Supporting(token.get(), signed, endorsing, encrypted));
            if (!token.get().supported()) {
                unsupported.add(name + " " + describe(token.get()));
            } else if (endorsing && token.get() != Token.X509 && !token.get().saml()) {
                unsupported.add(name + " " + describe(token.get()) + ": only X.509 and SAML keys can endorse");
            } else {
                mapped.add(name + " " + describe(token.get()));
            }
        }
    }

    private void parts(Element e, boolean signed) {
        for (Element part : SecurityPolicyReader.children(e)) {
            switch (part.getLocalName()) {
                case "Body" -> {
                    if (signed) {
                        signBody = true;
                    } else {
                        encryptBody = true;
                    }
                }
                case "Header" -> {
                    String headerName = part.getAttribute("Name");
                    if (headerName.isEmpty()) {
                        unsupported.add((signed ? "SignedParts" : "EncryptedParts") + " every header of namespace "
                                + part.getAttribute("Namespace") + ": name each header");
                    } else {
                        (signed ? signedHeaders : encryptedHeaders).add(new QName(part.getAttribute("Namespace"), headerName));
                    }
                }
                case "Attachments" -> unsupported.add((signed ? "SignedParts" : "EncryptedParts")
                        + " Attachments: SOAP with Attachments protection");
                default -> unsupported.add((signed ? "SignedParts/" : "EncryptedParts/") + part.getLocalName());
            }
        }
        mapped.add((signed ? "SignedParts" : "EncryptedParts") + ": "
                + (signed ? "signature.parts" : "decryption.required-parts"));
    }

    private static Optional<Element> nested(Element assertion, String localName) {
        return nestedAssertions(assertion).stream().filter(c -> localName.equals(c.getLocalName())).findFirst();
    }

    /** The assertions of an assertion's nested wsp:Policy (its first alternative). */
    static List<Element> nestedAssertions(Element assertion) {
        for (Element child : SecurityPolicyReader.children(assertion)) {
            if (WsNames.isPolicy(child.getNamespaceURI()) && "Policy".equals(child.getLocalName())) {
                List<List<Element>> alternatives = SecurityPolicyReader.normalize(child, Map.of(), 0);
                return alternatives.isEmpty() ? List.of() : alternatives.get(0);
            }
        }
        return List.of();
    }

    private static Optional<Token> tokenIn(Element wrapper) {
        return nestedAssertions(wrapper).stream().map(AlternativeReader::token).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Token> token(Element t) {
        List<String> kinds = nestedAssertions(t).stream().map(Element::getLocalName).toList();
        return Optional.ofNullable(switch (t.getLocalName()) {
            case "X509Token" -> Token.X509;
            case "UsernameToken" -> Token.USERNAME;
            case "SamlToken" -> kinds.stream().anyMatch(k -> k.startsWith("WssSamlV20")) ? Token.SAML_2_0
                    : kinds.stream().anyMatch(k -> k.startsWith("WssSamlV11") || k.startsWith("WssSamlV10"))
                    ? Token.SAML_1_1 : Token.SAML;
            case "IssuedToken" -> issued(t);
            case "KerberosToken" -> Token.KERBEROS;
            case "SpnegoContextToken" -> Token.SPNEGO;
            case "SecureConversationToken", "SecurityContextToken" -> Token.SECURE_CONVERSATION;
            case "HttpsToken" -> Token.HTTPS;
            case "KeyValueToken" -> Token.KEY_VALUE;
            case "RelToken" -> Token.OTHER;
            default -> null;
        });
    }

    private static Token issued(Element t) {
        String text = t.getTextContent();
        if (text.contains("SAMLV2.0") || text.contains("urn:oasis:names:tc:SAML:2.0:assertion")) {
            return Token.ISSUED_SAML_2_0;
        }
        if (text.contains("SAMLV1.1") || text.contains("urn:oasis:names:tc:SAML:1.0:assertion")) {
            return Token.ISSUED_SAML_1_1;
        }
        return Token.ISSUED;
    }

    static String describe(Token token) {
        return switch (token) {
            case X509 -> "X509Token";
            case SAML_1_1 -> "SamlToken (SAML 1.1)";
            case SAML_2_0 -> "SamlToken (SAML 2.0)";
            case SAML -> "SamlToken";
            case USERNAME -> "UsernameToken";
            case ISSUED_SAML_1_1 -> "IssuedToken (SAML 1.1)";
            case ISSUED_SAML_2_0 -> "IssuedToken (SAML 2.0)";
            case ISSUED -> "IssuedToken of a type that is not SAML";
            case KERBEROS -> "KerberosToken";
            case SPNEGO -> "SpnegoContextToken";
            case SECURE_CONVERSATION -> "SecureConversationToken (WS-SecureConversation)";
            case HTTPS -> "HttpsToken";
            case KEY_VALUE -> "KeyValueToken";
            case OTHER -> "RelToken";
        };
    }
}
