package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.opensaml.xmlsec.signature.support.SignatureException;

/** Maps WSS4J's exceptions onto the closed set of WSS 1.1 fault codes, keeping WSS4J's detail for the log. */
final class Wss4jFaults {
    private static final java.util.Set<String> SAML_MESSAGES =
            java.util.Set.of("invalidSAMLsecurity", "noKeyInSAMLToken", "badSamlToken", "invalidSAMLToken");

    private Wss4jFaults() {
    }

    static SecurityFault toFault(WSSecurityException e) {
        QName code = e.getFaultCode();
        FaultCode mapped = FaultCode.INVALID_SECURITY;
        if (code != null) {
            for (FaultCode candidate : FaultCode.values()) {
                if (candidate.localName().equals(code.getLocalPart())) {
                    mapped = candidate;
                }
            }
        }
        if (code == null && "certpath".equals(e.getMsgID())) {
            // certificate path validation failed: the signer is not trusted
            mapped = FaultCode.FAILED_AUTHENTICATION;
        } else if (code == null && e.getCause() instanceof org.opensaml.xmlsec.signature.support.SignatureException) {
            // the issuer's signature over an assertion does not verify: tampered content, like
            // any other signature that fails (WSS4J reports it as a generic FAILURE)
            mapped = FaultCode.FAILED_CHECK;
        } else if (code == null && SAML_MESSAGES.contains(e.getMsgID())) {
            // WSS4J reports every SAML condition failure as a generic FAILURE.
            mapped = FaultCode.INVALID_SECURITY_TOKEN;
        } else if (e.getCause() instanceof SignatureException) {
            // an assertion whose issuer signature does not verify (or breaks the SAML signature
            // profile): WSS4J says FAILURE (InvalidSecurity), but like any signature that does not
            // verify it is a failed check, the same code a tampered message signature gets
            mapped = FaultCode.FAILED_CHECK;
        }
        // a reason of WSS Gate's own plug-ins is already the precise one
        return new SecurityFault(mapped, e instanceof Wss4jReason ? e.getMessage() : "WSS4J: " + describe(e), e);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
