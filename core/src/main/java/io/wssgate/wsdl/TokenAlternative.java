package io.wssgate.wsdl;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.TokenType;
import java.util.Optional;

/**
 * One way a request may authenticate, as WS-SecurityPolicy states it: the token that signs
 * (the AsymmetricBinding's InitiatorToken) and the token that rides along signed (a
 * SignedSupportingToken). Holder-of-key SAML is the InitiatorToken itself: WSS Gate checks the
 * proof of possession on the message signature, so the assertion's key must sign the message.
 *
 * @param token        the token type that authenticates
 * @param confirmation for SAML, its subject confirmation method
 */
record TokenAlternative(TokenType token, Optional<ConfirmationMethod> confirmation) {
    static TokenAlternative x509() {
        return new TokenAlternative(TokenType.X509, Optional.empty());
    }

    static TokenAlternative username() {
        return new TokenAlternative(TokenType.USERNAME_TOKEN, Optional.empty());
    }

    static TokenAlternative saml(TokenType version, ConfirmationMethod method) {
        return new TokenAlternative(version, Optional.of(method));
    }

    boolean saml() {
        return token == TokenType.SAML_1_1 || token == TokenType.SAML_2_0;
    }

    boolean holderOfKey() {
        return confirmation.filter(c -> c == ConfirmationMethod.HOLDER_OF_KEY).isPresent();
    }

    /** The configuration's name for it, e.g. {@code saml-2.0 holder-of-key}. */
    String describe() {
        return switch (token) {
            case X509 -> "x509";
            case USERNAME_TOKEN -> "username-token";
            case SAML_1_1 -> "saml-1.1 " + confirmation.map(ConfirmationMethod::key).orElse("");
            case SAML_2_0 -> "saml-2.0 " + confirmation.map(ConfirmationMethod::key).orElse("");
            case NONE -> "none";
        };
    }
}
