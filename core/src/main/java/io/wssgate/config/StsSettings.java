package io.wssgate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A WS-Trust Security Token Service (such as PingFederate's or CXF's) and what to ask it for:
 * a SAML 2.0 or 1.1 token for {@code appliesTo}, bearer or holder-of-key ({@code publicKey}:
 * the outbound signing certificate goes in UseKey and its key proves possession), with an
 * optional lifetime and claims. {@code delegation} exchanges the assertion of the caller being
 * served (OnBehalfOf, or WS-Trust 1.4 ActAs). Issued tokens are reused until
 * {@code refreshBefore} their expiry.
 */
public record StsSettings(URI endpoint, boolean wsTrust14, String appliesTo, boolean saml2, boolean publicKey,
                          Optional<Duration> lifetime, List<String> claims, StsAuthentication authentication,
                          Delegation delegation, Duration timeout, Duration refreshBefore) {

    /** Whose token is requested: this side's own, or one on behalf of / acting as the caller. */
    public enum Delegation {
        NONE, ON_BEHALF_OF, ACT_AS
    }

    public StsSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(appliesTo, "appliesTo");
        lifetime = lifetime == null ? Optional.empty() : lifetime;
        claims = List.copyOf(claims);
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(delegation, "delegation");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(refreshBefore, "refreshBefore");
    }
}
