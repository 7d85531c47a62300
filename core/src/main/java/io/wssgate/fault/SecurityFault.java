package io.wssgate.fault;

import java.util.Objects;

/**
 * A message failed validation. {@link #code()} and its generic text go to the client;
 * {@link #getMessage()} (the detail) goes only to the server log.
 */
public final class SecurityFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final FaultCode code;

    public SecurityFault(FaultCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SecurityFault(FaultCode code, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public FaultCode code() {
        return code;
    }
}
