package io.wssgate.testing.attacks;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A body that names the endpoint it is sent to (a SAML Recipient): {@link AttackClient} builds
 * it with the URL it posts to, which only the running server knows.
 */
public final class EndpointBound implements Supplier<byte[]> {
    private final Function<URI, byte[]> body;

    private EndpointBound(Function<URI, byte[]> body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    public static EndpointBound of(Function<URI, byte[]> body) {
        return new EndpointBound(body);
    }

    public byte[] buildFor(URI endpoint) {
        return body.apply(endpoint);
    }

    /** Without a server to ask, the body for a URL that is no endpoint at all. */
    @Override
    public byte[] get() {
        return body.apply(URI.create("http://unbound.invalid/"));
    }
}
