package io.wssgate.testing.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.attacks.AttackAssertions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Sends layout-matrix messages over real HTTP to a server running {@link LayoutFixture#config}
 * and checks what a user sees: an accepted message reaches the application once as the expected
 * principal; a refused one gets exactly its WS-Security fault, and the application neither runs
 * nor sees a principal. Each integration supplies how to reach it and how its application reports.
 */
public final class LayoutExchange {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Function<String, URI> uris;
    private final IntSupplier invocations;
    private final List<String> principals;
    private final Function<HttpResponse<byte[]>, String> principalOf;

    /**
     * @param uris        the server URI of a fixture path
     * @param invocations how often the application ran
     * @param principals  the principal names the application saw, in order
     * @param principalOf the principal name an accepted answer reports
     */
    public LayoutExchange(Function<String, URI> uris, IntSupplier invocations, List<String> principals,
                          Function<HttpResponse<byte[]>, String> principalOf) {
        this.uris = uris;
        this.invocations = invocations;
        this.principals = principals;
        this.principalOf = principalOf;
    }

    /** The genuine message of {@code layoutCase} to the policy enforcing {@code layout}, decided as its rules say. */
    public void assertDecides(LayoutCase layoutCase, HeaderLayout layout) throws IOException, InterruptedException {
        String path = LayoutFixture.path(layout, layoutCase.soap12());
        Optional<FaultCode> refusal = layoutCase.expectedRefusal(layout);
        byte[] message = layoutCase.message();
        if (refusal.isEmpty()) {
            assertAccepted(path, message, layoutCase.profile().principal());
        } else {
            assertRefused(path, message, refusal.get());
        }
    }

    public void assertAccepted(String path, byte[] message, String principal) throws IOException, InterruptedException {
        int before = invocations.getAsInt();
        HttpResponse<byte[]> response = post(path, message);

        assertThat(response.statusCode()).as("%s answered %s", path, text(response)).isEqualTo(200);
        assertThat(principalOf.apply(response)).isEqualTo(principal);
        assertThat(invocations.getAsInt()).as("application invocations").isEqualTo(before + 1);
    }

    public void assertRefused(String path, byte[] message, FaultCode code) throws IOException, InterruptedException {
        int before = invocations.getAsInt();
        int principalsBefore = principals.size();
        HttpResponse<byte[]> response = post(path, message);

        assertThat(response.statusCode()).as("%s answered %s", path, text(response)).isEqualTo(500);
        AttackAssertions.assertWsseFault(response, text(response), code);
        assertThat(invocations.getAsInt()).as("application invocations").isEqualTo(before);
        assertThat(principals).as("principals the application saw").hasSize(principalsBefore);
    }

    public HttpResponse<byte[]> post(String path, byte[] message) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uris.apply(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", LayoutFixture.contentType(LayoutFixture.isSoap12(path)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
