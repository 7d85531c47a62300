package io.wssgate.testing.parity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * One integration, running a {@link Scenario}'s configuration with an application at each of its
 * paths that counts its invocations and records the principal it was given. Each module
 * implements this once for its integration.
 */
public interface GateUnderTest extends AutoCloseable {

    URI uri(String path);

    /** How many times any application of this server ran. */
    int invocations();

    /** The principal name each invocation saw, in order ("" for none). */
    List<String> principals();

    /**
     * Fails if a refusal's answer carries anything of a caller (the integration knows where its
     * application would put one); default: nothing more to check.
     */
    default void assertNoCallerIn(HttpResponse<byte[]> refusal) {
    }

    @Override
    void close() throws Exception;
}
