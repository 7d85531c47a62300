package io.wssgate.testing.attacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** Sends an {@link Attack} over real HTTP and times the answer. */
public final class AttackClient {
    /** Longest any attack may take to be answered; more means the server was made to work too hard. */
    public static final Duration TIME_BOUND = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Function<String, URI> uris;

    /** {@code uris}: turns an attack's path (with any query) into the attacked server's URI. */
    public AttackClient(Function<String, URI> uris) {
        this.uris = uris;
    }

    /** What came back, and how long it took. */
    public record Answer(HttpResponse<byte[]> response, Duration elapsed) {
    }

    public Answer send(Attack attack) throws IOException, InterruptedException {
        byte[] body = attack.body().get();
        HttpRequest.Builder request = HttpRequest.newBuilder(uris.apply(attack.path()))
                // a little more than the bound, so a slow answer fails the time assertion, not the client
                .timeout(TIME_BOUND.plusSeconds(5))
                .method(attack.method(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
