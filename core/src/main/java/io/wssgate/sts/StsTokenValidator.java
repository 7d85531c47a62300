package io.wssgate.sts;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * Asks the STS (WS-Trust Validate) whether an inbound assertion is valid, caching each verdict
 * until the assertion expires. Used in addition to the local checks, never instead of them.
 */
public final class StsTokenValidator {
    private static final int MAX_CACHED = 10_000;

    private final StsClient client;
    private final Clock clock;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    public StsTokenValidator(StsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** @param key identifies the assertion (issuer and ID); {@code expires} bounds how long the verdict is kept */
    public boolean valid(String key, Element assertion, Instant expires) throws StsException {
        Verdict cached = verdicts.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.until())) {
            return cached.valid();
        }
        boolean valid = TokenResponses.valid(client.endpoint(),
                client.exchange(TokenRequests.validate(assertion), WsTrust.VALIDATE_ACTION));
        if (verdicts.size() >= MAX_CACHED) {
            verdicts.values().removeIf(v -> !now.isBefore(v.until()));
        }
        if (verdicts.size() < MAX_CACHED) {
            verdicts.put(key, new Verdict(valid, expires));
        }
        return valid;
    }

    private record Verdict(boolean valid, Instant until) {
    }
}
