package io.wssgate.revocation;

/**
 * A responder answered, but the answer cannot be believed: not signed by the CA or a responder it
 * authorised, about another certificate, stale, or carrying another request's nonce. Never
 * softened by soft-fail: an answer that fails verification is not a responder that is down.
 */
final class InvalidOcspResponse extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidOcspResponse(String message) {
        super(message);
    }

    InvalidOcspResponse(String message, Throwable cause) {
        super(message, cause);
    }
}
