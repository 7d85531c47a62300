package io.wssgate.sts;

import io.wssgate.config.StsSettings;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.spi.LoadedKey;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.TokenSupplier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.w3c.dom.Element;

/**
 * Outbound tokens from an STS, cached per (AppliesTo, subject, key type) and reused until
 * {@code refreshBefore} their expiry, when the first request to need it fetches a new one
 * while concurrent requests for the same key wait for that one fetch (never one fetch each).
 * A token is never handed out after it expired: if the STS cannot be reached then, the
 * message is not sent. With delegation the subject is the caller being served, whose
 * assertion goes into OnBehalfOf/ActAs; without a caller, delegation fails rather than
 * silently asking for this side's own token.
 */
public final class StsTokenSupplier implements TokenSupplier {
    private final StsSettings settings;
    private final StsClient client;
    private final Optional<LoadedKey> proofKey;
    private final Clock clock;
    private final ConcurrentMap<CacheKey, Entry> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<CacheKey, Object> locks = new ConcurrentHashMap<>();

    /** @param proofKey the holder-of-key key (the outbound signing key), required for public-key tokens */
    public StsTokenSupplier(StsSettings settings, StsClient client, Optional<LoadedKey> proofKey, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.proofKey = proofKey;
        this.clock = clock;
    }

    @Override
    public IssuedToken token(OutboundContext context) throws OutboundSecurityException {
        Optional<Element> delegate = delegate(context);
        CacheKey key = new CacheKey(settings.appliesTo(),
                delegate.isPresent() ? context.caller().map(c -> c.principal().name()).orElse("") : "",
                settings.publicKey());
        Entry entry = cache.get(key);
        if (entry != null && fresh(entry)) {
            return entry.token();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            entry = cache.get(key);
            if (entry != null && fresh(entry)) {
                return entry.token();
            }
            try {
                Entry issued = issue(delegate);
                cache.put(key, issued);
                return issued.token();
            } catch (StsException e) {
                throw new OutboundSecurityException(e.getMessage(), e);
            }
        }
    }

    private Optional<Element> delegate(OutboundContext context) throws OutboundSecurityException {
        if (settings.delegation() == StsSettings.Delegation.NONE) {
            return Optional.empty();
        }
        Optional<Element> assertion = context.caller().flatMap(AuthenticatedCaller::assertion);
        if (assertion.isEmpty()) {
            throw new OutboundSecurityException("STS " + client.endpoint() + ": delegation needs the SAML assertion of "
                    + "the caller being served, and there is none");
        }
        return assertion;
    }

    private Entry issue(Optional<Element> delegate) throws StsException {
        Instant now = clock.instant();
        byte[] response = client.exchange(TokenRequests.issue(settings,
                settings.publicKey() ? proofKey.map(LoadedKey::certificate) : Optional.empty(), delegate, now),
                WsTrust.ISSUE_ACTION);
        TokenResponses.Issued issued = TokenResponses.issued(client.endpoint(), response, settings.saml2());
        if (!issued.expires().isAfter(clock.instant())) {
            throw new StsException(client.endpoint(), "the issued token expired already at " + issued.expires());
        }
        return new Entry(new IssuedToken(issued.assertion(), settings.publicKey() ? proofKey : Optional.empty()),
                issued.expires());
    }

    private boolean fresh(Entry entry) {
        return clock.instant().isBefore(entry.expires().minus(settings.refreshBefore()));
    }

    private record CacheKey(String appliesTo, String subject, boolean publicKey) {
    }

    private record Entry(IssuedToken token, Instant expires) {
    }
}
