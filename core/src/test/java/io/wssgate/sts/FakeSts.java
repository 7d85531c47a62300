package io.wssgate.sts;

import com.sun.net.httpserver.HttpServer;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A stand-in STS on loopback for the client's own behaviour (caching, refresh, failures):
 * answers every Issue request with a fresh signed assertion expiring at a chosen instant, or
 * with a SOAP fault, or slowly; records each request it received.
 */
final class FakeSts implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final TestKeys.Identity signer;
    volatile Supplier<Instant> expires = () -> Instant.now().plusSeconds(300);
    volatile boolean fault;
    volatile long delayMillis;

    FakeSts(TestKeys.Identity signer) throws IOException {
        this.signer = signer;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sts", exchange -> {
            requests.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            sleep();
            byte[] body = (fault ? fault() : response()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(fault ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sts");
    }

    private String response() {
        Instant until = expires.get();
        String assertion = SamlSpec.saml2().signedBy(signer).bearer().subject("from-sts")
                .validity(Instant.now().minusSeconds(60), until).audienceRestriction("urn:provider").toXml()
                .replaceFirst("^<\\?xml[^>]*>", "");
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<wst:RequestSecurityTokenResponseCollection xmlns:wst=\"" + WsTrust.NS + "\">"
                + "<wst:RequestSecurityTokenResponse><wst:RequestedSecurityToken>" + assertion
                + "</wst:RequestedSecurityToken><wst:Lifetime><wsu:Expires xmlns:wsu=\"" + WsTrust.WSU + "\">" + until
                + "</wsu:Expires></wst:Lifetime></wst:RequestSecurityTokenResponse>"
                + "</wst:RequestSecurityTokenResponseCollection></soap:Body></soap:Envelope>";
    }

    private static String fault() {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Sender</faultcode><faultstring>The request was invalid or malformed</faultstring>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
    }

    private void sleep() {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
