package io.wssgate.revocation;

import java.time.Instant;
import java.util.Optional;

/**
 * What one source said about one certificate: good, revoked, unknown (the responder does not
 * know it), or no answer at all (the source could not be asked or did not answer). Only an
 * answer that is not {@link NoAnswer} is definitive; {@code validUntil} is how long it may be reused.
 */
sealed interface RevocationStatus {
    record Good(Instant validUntil) implements RevocationStatus {
    }

    record Revoked(Instant revokedAt, Optional<Integer> reason, Instant validUntil) implements RevocationStatus {
    }

    record Unknown(Instant validUntil) implements RevocationStatus {
    }

    record NoAnswer(String reason) implements RevocationStatus {
    }
}
