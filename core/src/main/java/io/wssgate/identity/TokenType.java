package io.wssgate.identity;

/** The kind of token that authenticated a message. */
public enum TokenType {
    SAML_1_1, SAML_2_0, X509, USERNAME_TOKEN
}
