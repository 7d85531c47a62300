package io.wssgate.spi;

/** An outbound message could not be secured as its policy requires; it must not be sent. */
public final class OutboundSecurityException extends Exception {
    private static final long serialVersionUID = 1L;

    public OutboundSecurityException(String message) {
        super(message);
    }

    public OutboundSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
