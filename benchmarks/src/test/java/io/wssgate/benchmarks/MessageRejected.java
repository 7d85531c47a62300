package io.wssgate.benchmarks;

/**
 * A system refused a message. Kept apart from every other exception so a proof can tell "the
 * tampered message was rejected" from "the system is broken and throws on everything".
 */
public final class MessageRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public MessageRejected(String reason, Throwable cause) {
        super(reason, cause);
    }

    public MessageRejected(String reason) {
        super(reason);
    }
}
