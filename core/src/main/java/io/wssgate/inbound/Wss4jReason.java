package io.wssgate.inbound;

import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * A failure raised by one of WSS Gate's own WSS4J plug-ins: WSS4J's error code and message id
 * (so {@link Wss4jFaults} maps it exactly as WSS4J's own failure), with the precise reason as
 * its message. WSS4J's own failures often carry a generic text and state the reason only in a
 * WARN line of their own; these carry it to the one rejection line instead.
 */
final class Wss4jReason extends WSSecurityException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    Wss4jReason(ErrorCode code, String msgId, String reason) {
        super(code, msgId);
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return reason;
    }
}
