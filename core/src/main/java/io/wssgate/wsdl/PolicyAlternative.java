package io.wssgate.wsdl;

import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One alternative of the WS-SecurityPolicy a WSDL attaches to an operation's request, read into
 * what WSS Gate can reason about.
 *
 * @param binding          the security binding
 * @param initiator        the token that signs (InitiatorToken, or the ProtectionToken of a symmetric binding)
 * @param supporting       tokens that ride along
 * @param algorithmSuite   the suite's name, e.g. {@code Basic256Sha256}
 * @param layout           {@code Lax}, {@code Strict}, {@code LaxTsFirst} or {@code LaxTsLast}
 * @param signatureConfirmation whether Wss11 asks for RequireSignatureConfirmation
 * @param mapped           each assertion understood, with what it means (for comments)
 * @param unsupported      each security assertion WSS Gate cannot honour
 * @param ignored          assertions outside WS-SecurityPolicy that were not looked at
 */
public record PolicyAlternative(Binding binding, Optional<Token> initiator, List<Supporting> supporting,
                                Optional<String> algorithmSuite, boolean includeTimestamp, Optional<String> layout,
                                boolean signBody, List<QName> signedHeaders, boolean encryptBody,
                                List<QName> encryptedHeaders, boolean addressing, boolean signatureConfirmation,
                                List<String> mapped, List<String> unsupported, List<String> ignored) {
    public PolicyAlternative {
        supporting = List.copyOf(supporting);
        signedHeaders = List.copyOf(signedHeaders);
        encryptedHeaders = List.copyOf(encryptedHeaders);
        mapped = List.copyOf(mapped);
        unsupported = List.copyOf(unsupported);
        ignored = List.copyOf(ignored);
    }

    public enum Binding { ASYMMETRIC, SYMMETRIC, TRANSPORT, NONE }

    /** Token kinds of WS-SecurityPolicy; SAML without a version says {@link #SAML}. */
    public enum Token {
        X509, SAML_1_1, SAML_2_0, SAML, USERNAME, ISSUED_SAML_1_1, ISSUED_SAML_2_0, ISSUED, KERBEROS, SPNEGO,
        SECURE_CONVERSATION, HTTPS, KEY_VALUE, OTHER;

        public boolean saml() {
            return this == SAML_1_1 || this == SAML_2_0 || this == SAML || this == ISSUED_SAML_1_1
                    || this == ISSUED_SAML_2_0;
        }

        /** Whether WSS Gate can validate this token at all. */
        public boolean supported() {
            return this == X509 || this == USERNAME || saml() || this == HTTPS;
        }
    }

    /** A supporting token and how it is bound to the message. */
    public record Supporting(Token token, boolean signed, boolean endorsing, boolean encrypted) {
    }

    /** Whether every assertion of this alternative can be honoured. */
    public boolean supported() {
        return unsupported.isEmpty();
    }
}
