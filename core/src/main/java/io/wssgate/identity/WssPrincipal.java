package io.wssgate.identity;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The identity a validated message established. {@code certificate} is the certificate whose
 * key signed the message (the subject's for holder-of-key and X.509, the sender's for
 * sender-vouches). {@code tokenId} is the assertion ID (or token wsu:Id) that authenticated it.
 */
public record WssPrincipal(String name, TokenType tokenType, Optional<String> nameFormat, Optional<String> issuer,
                           Optional<ConfirmationMethod> confirmationMethod, Optional<String> authenticationMethod,
                           Optional<Instant> authenticationInstant, Map<String, List<String>> attributes,
                           Set<String> roles, Optional<X509Certificate> certificate, Optional<String> tokenId)
        implements Principal {

    public WssPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenType, "tokenType");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "WssPrincipal[" + name + " via " + tokenType + confirmationMethod.map(m -> "/" + m.key()).orElse("")
                + ", roles=" + roles + "]";
    }
}
