package io.wssgate.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts SOAP 1.1 requests to the service. */
final class DemoClient {
    static final String SOAP11 = "text/xml; charset=utf-8";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    DemoClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    Answer post(byte[] message) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", SOAP11).POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(SOAP11),
                response.headers().firstValue("X-WSS-Gate-Correlation-Id"));
    }
}
