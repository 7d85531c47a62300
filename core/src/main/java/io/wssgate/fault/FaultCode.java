package io.wssgate.fault;

/** The closed set of WS-Security 1.1 fault codes (namespace wsse), with their standard texts. */
public enum FaultCode {
    UNSUPPORTED_SECURITY_TOKEN("UnsupportedSecurityToken", "An unsupported token was provided"),
    UNSUPPORTED_ALGORITHM("UnsupportedAlgorithm", "An unsupported signature or encryption algorithm was used"),
    INVALID_SECURITY("InvalidSecurity", "An error was discovered processing the <wsse:Security> header"),
    INVALID_SECURITY_TOKEN("InvalidSecurityToken", "An invalid security token was provided"),
    FAILED_AUTHENTICATION("FailedAuthentication", "The security token could not be authenticated or authorized"),
    FAILED_CHECK("FailedCheck", "The signature or decryption was invalid"),
    SECURITY_TOKEN_UNAVAILABLE("SecurityTokenUnavailable", "Referenced security token could not be retrieved"),
    MESSAGE_EXPIRED("MessageExpired", "The message has expired");

    public static final String WSSE_NS = io.wssgate.soap.Namespaces.WSSE;

    private final String localName;
    private final String genericText;

    FaultCode(String localName, String genericText) {
        this.localName = localName;
        this.genericText = genericText;
    }

    /** The QName local part, e.g. {@code InvalidSecurity}. */
    public String localName() {
        return localName;
    }

    /** The only text the client is told. */
    public String genericText() {
        return genericText;
    }
}
