package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.ext.WSSecurityException;

/** Maps WSS4J's exceptions onto the closed set of WSS 1.1 fault codes, keeping WSS4J's detail for the log. */
final class Wss4jFaults {
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
        return new SecurityFault(mapped, "WSS4J: " + describe(e), e);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
