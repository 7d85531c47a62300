package io.wssgate.exchange;

import java.util.Optional;

/**
 * What goes back to the client for an accepted request: the application's response, secured
 * per the policy, or (when it could not be secured) a complete generic server fault whose
 * {@code correlationId} names the reason in the server log. Never half-secured.
 */
public record Reply(byte[] body, Optional<String> correlationId) {
    public Reply {
        java.util.Objects.requireNonNull(body, "body");
        java.util.Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Whether the response was replaced by a server fault (send it with HTTP 500 and the correlation header). */
    public boolean isFault() {
        return correlationId.isPresent();
    }
}
