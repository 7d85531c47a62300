package io.wssgate.sts;

/** WS-Trust 1.3/1.4 names and URIs. */
final class WsTrust {
    static final String NS = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String NS14 = "http://docs.oasis-open.org/ws-sx/ws-trust/200802";
    static final String ISSUE = NS + "/Issue";
    static final String VALIDATE = NS + "/Validate";
    static final String ISSUE_ACTION = NS + "/RST/Issue";
    static final String VALIDATE_ACTION = NS + "/RST/Validate";
    static final String BEARER = NS + "/Bearer";
    static final String PUBLIC_KEY = NS + "/PublicKey";
    static final String STATUS_TOKEN_TYPE = NS + "/RSTR/Status";
    static final String STATUS_VALID = NS + "/status/valid";
    static final String SAML2_TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0";
    static final String SAML11_TOKEN_TYPE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1";
    static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String IDENTITY = "http://schemas.xmlsoap.org/ws/2005/05/identity";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private WsTrust() {
    }
}
