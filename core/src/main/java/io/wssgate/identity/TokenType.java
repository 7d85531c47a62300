package io.wssgate.identity;

/** The kind of token that authenticated a message (NONE: a response accepted under a policy that asks no token). */
public enum TokenType {
    SAML_1_1, SAML_2_0, X509, USERNAME_TOKEN, NONE
}
