package io.wssgate.spring.ws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SOAP service on the JDK's HTTP server, guarded by a WSS Gate policy exactly as the
 * filter guards one: each request is validated (a rejection answers the WS-Security fault), and
 * the answer, naming the caller, is secured with the same policy. {@code tamperResponses}
 * changes the secured answer in flight; {@link #requests()} counts what arrived at all.
 */
final class SecuredSoapServer implements AutoCloseable {
    private final HttpServer server;
    private final PolicyRuntime policy;
    private final AtomicInteger requests = new AtomicInteger();
    volatile boolean tamperResponses;

    SecuredSoapServer(PolicyRuntime policy) throws IOException {
        this.policy = policy;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/service");
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] request = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        // what a servlet transport hands over: the URL it was posted to (a wsa:To is compared with it),
        // the sender and the SOAPAction
        InboundOutcome outcome = policy.validate(request, contentType, Delivery.http("POST", uri().toString(), uri().getPath(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getRequestHeaders().getFirst("SOAPAction"), contentType));
        try {
            if (outcome instanceof InboundOutcome.Rejected rejected) {
                send(exchange, 500, rejected.faultMessage());
                return;
            }
            InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
            byte[] answer = TestMessages.soap11("<ns:echoResponse xmlns:ns=\"urn:wssgate:test\">hello "
                    + accepted.principal().name() + "</ns:echoResponse>").build();
            byte[] secured = policy.secureResponse(answer, accepted.caller());
            send(exchange, 200, tamperResponses ? TestMessages.tamperBody(secured) : secured);
        } catch (Exception e) {
            send(exchange, 503, new byte[0]);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
