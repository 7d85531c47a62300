package io.wssgate.testing.attacks;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * A valid message that is unusual in one way a rule must allow (the other side of an attack's
 * bound), for the suites to prove it is accepted with the right principal. The body is built
 * from the URL it will be posted to, for tokens bound to their endpoint (a SAML Recipient).
 *
 * @param category  as for {@link Attack}
 * @param name      what is unusual about it
 * @param path      one of the policy paths in {@link AttackFixture}
 * @param body      builds the request body for the endpoint URL it is sent to
 * @param principal the principal name the application must see
 */
public record ValidVariant(String category, String name, String path, Function<URI, byte[]> body, String principal) {
    public ValidVariant {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(principal, "principal");
    }

    /** As a case every integration must accept with {@link #principal}. */
    public io.wssgate.testing.parity.ParityCase toCase() {
        return io.wssgate.testing.parity.ParityCase.post(toString(), path, AttackFixture.contentTypeFor(path),
                EndpointBound.of(body), new io.wssgate.testing.parity.Expectation.Accepted(principal));
    }

    @Override
    public String toString() {
        return category + " / " + name;
    }
}
