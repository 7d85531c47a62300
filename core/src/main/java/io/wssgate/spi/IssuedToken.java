package io.wssgate.spi;

import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A SAML assertion to attach, with the proof key when it is holder-of-key: the message is then
 * signed with that key, referring to the assertion. Without a proof key the assertion is
 * attached as is (bearer, or covered by the configured signature).
 */
public record IssuedToken(Element assertion, Optional<LoadedKey> proofKey) {
    public IssuedToken {
        Objects.requireNonNull(assertion, "assertion");
        proofKey = proofKey == null ? Optional.empty() : proofKey;
    }
}
