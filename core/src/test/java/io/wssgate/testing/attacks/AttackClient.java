package io.wssgate.testing.attacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.wssgate.testing.parity.ParityCase;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /** What came back, how long it took, and how many genuine messages went before it (replays). */
    public record Answer(HttpResponse<byte[]> response, Duration elapsed, int genuineAccepted) {
    }

    public Answer send(Attack attack) throws IOException, InterruptedException {
        return send(attack.toString(), attack.path(), attack.method(), attack.contentType(), attack.headers(),
                attack.body());
    }

    public Answer send(ParityCase c) throws IOException, InterruptedException {
        return send(c.name(), c.path(), c.method(), c.contentType(), c.headers(), c.body());
    }

    private Answer send(String name, String path, String method, String contentType, Map<String, String> headers,
                        Supplier<byte[]> body) throws IOException, InterruptedException {
        if (body instanceof Replay replay) {
            Replay.Sequence sequence = replay.build();
            for (byte[] genuine : sequence.genuine()) {
                HttpResponse<byte[]> response = send(path, method, contentType, headers, genuine).response();
                if (response.statusCode() != 200) {
                    throw new AssertionError("the genuine message before the replay of " + name + " was refused: "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            Answer answer = send(path, method, contentType, headers, sequence.replay());
            return new Answer(answer.response(), answer.elapsed(), sequence.genuine().size());
        }
        if (body instanceof EndpointBound bound) {
            return send(path, method, contentType, headers, bound.buildFor(uris.apply(path)));
        }
        return send(path, method, contentType, headers, body.get());
    }

    private Answer send(String path, String method, String contentType, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uris.apply(path))
                // a little more than the bound, so a slow answer fails the time assertion, not the client
                .timeout(TIME_BOUND.plusSeconds(5))
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response, Duration.ofNanos(System.nanoTime() - start), 0);
    }
}
