package io.wssgate.wsdl;

/** Namespaces of WSDL 1.1, WS-Policy and WS-SecurityPolicy that the WSDL tools read and write. */
final class WsNames {
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP11_BINDING = "http://schemas.xmlsoap.org/wsdl/soap/";
    static final String SOAP12_BINDING = "http://schemas.xmlsoap.org/wsdl/soap12/";
    /** WS-Policy 1.5 (W3C), what we write. */
    static final String WSP15 = "http://www.w3.org/ns/ws-policy";
    /** WS-Policy 1.2 (the 2004/09 submission), which older WSDLs still use; read only. */
    static final String WSP12 = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    /** WS-SecurityPolicy 1.2 and 1.3 (1.3 adds assertions in the same namespace). */
    static final String SP12 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    /** WS-SecurityPolicy 1.1 (the 2005/07 submission); read only. */
    static final String SP11 = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String WSAM = "http://www.w3.org/2007/05/addressing/metadata";
    static final String WSAW = "http://www.w3.org/2006/05/addressing/wsdl";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WST13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SAML2_TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    static final String PUBLIC_KEY = "http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey";
    static final String INCLUDE_ALWAYS_TO_RECIPIENT = SP12 + "/IncludeToken/AlwaysToRecipient";
    static final String INCLUDE_NEVER = SP12 + "/IncludeToken/Never";

    private WsNames() {
    }

    static boolean isPolicy(String ns) {
        return WSP15.equals(ns) || WSP12.equals(ns);
    }

    static boolean isSecurityPolicy(String ns) {
        return SP12.equals(ns) || SP11.equals(ns);
    }
}
