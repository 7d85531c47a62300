package io.wssgate.jaxws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP proxy in front of one target URL that records each request as it went over the wire
 * (Content-Type and body) and forwards it unchanged: what a client really sent, seen from outside.
 */
final class RecordingProxy implements AutoCloseable {
    /** One request as the proxy received it. */
    record Recorded(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Recorded> recorded = new ArrayList<>();

    private RecordingProxy(URI target) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> forward(exchange, target));
        server.start();
    }

    static RecordingProxy to(URI target) throws IOException {
        return new RecordingProxy(target);
    }

    /** The address to send to instead of the target. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    private void forward(HttpExchange exchange, URI target) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = in.readAllBytes();
            synchronized (this) {
                recorded.add(new Recorded(contentType, body));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            String action = exchange.getRequestHeaders().getFirst("SOAPAction");
            if (action != null) {
                request.header("SOAPAction", action);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
