package io.wssgate.benchmarks.exchange;

/**
 * A request was answered with a fault and never reached the application. Kept apart from every
 * other exception, so a proof can tell "the tampered request was refused, with this fault code"
 * from "the path is broken and throws on everything".
 */
public final class RequestRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String faultCode;

    public RequestRefused(String faultCode, String detail) {
        super(faultCode + ": " + detail);
        this.faultCode = faultCode;
    }

    /** The fault code's local name, e.g. {@code FailedCheck}. */
    public String faultCode() {
        return faultCode;
    }
}
