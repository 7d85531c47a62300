package io.wssgate.config.load;

import io.wssgate.config.HeaderLayout;
import io.wssgate.config.SecurityHeaderPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** Binds a policy's {@code security-header} block: which header is ours, and its layout. */
final class SecurityHeaderBinder {
    /**
     * Role URIs that have their own meaning and are never "our actor": {@code next} has its own
     * switch, the ultimate receiver is what no actor already means, and {@code none} addresses nobody.
     */
    private static final Set<String> RESERVED_ROLES = Set.of(
            "http://schemas.xmlsoap.org/soap/actor/next",
            "http://www.w3.org/2003/05/soap-envelope/role/next",
            "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
            "http://www.w3.org/2003/05/soap-envelope/role/none");

    private SecurityHeaderBinder() {
    }

    static SecurityHeaderPolicy securityHeader(Node node) {
        SecurityHeaderPolicy d = SecurityHeaderPolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new SecurityHeaderPolicy(
                node.get("actor").parse(SecurityHeaderBinder::actor),
                node.get("accept-next").parse(ValueParsers::bool).orElse(d.acceptNext()),
                node.get("layout").parse(SecurityHeaderBinder::layout).orElse(d.layout()));
    }

    private static String actor(String text) {
        String uri = text.trim();
        try {
            if (!new URI(uri).isAbsolute()) {
                throw new IllegalArgumentException("actor must be an absolute URI, got '" + text + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("actor must be an absolute URI, got '" + text + "'");
        }
        if (RESERVED_ROLES.contains(uri)) {
            throw new IllegalArgumentException("'" + uri + "' is not an actor of its own: leave actor out for the "
                    + "header without actor (or the ultimate receiver), use accept-next for next; none addresses nobody");
        }
        return uri;
    }

    private static HeaderLayout layout(String text) {
        return HeaderLayout.fromKey(text).orElseThrow(() -> new IllegalArgumentException("unknown layout '" + text
                + "' (use lax, strict, lax-timestamp-first or lax-timestamp-last)"));
    }
}
