package io.wssgate.cli;

import com.sun.net.httpserver.HttpServer;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A WS-Trust STS on loopback for {@code wssgate call}, issuing what a real IdP's STS issues for
 * the example's partner: a SAML 2.0 holder-of-key assertion for subject {@code carol}, signed by
 * the example IdP's key, whose proof key is the certificate the request's wst:UseKey carries.
 * It authenticates the requester by the UsernameToken's user name (the client's password is the
 * client's business; a wrong user gets a wsse:FailedAuthentication fault, as a real STS answers).
 */
final class TestSts implements AutoCloseable {
    static final String SUBJECT = "carol";
    static final String USER = "wsc";
    private static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    final AtomicInteger issued = new AtomicInteger();
    private final HttpServer server;
    private final TestKeys.Identity signer;
    private final String issuer;
    private final String audience;

    TestSts(TestKeys.Identity signer, String issuer, String audience) throws IOException {
        this.signer = signer;
        this.issuer = issuer;
        this.audience = audience;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sts", exchange -> {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            String body;
            int status;
            try {
                body = answer(parse(request));
                status = 200;
            } catch (Refused e) {
                body = fault(e.code, e.getMessage());
                status = 500;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sts");
    }

    private String answer(Document rst) throws Refused {
        String user = text(rst, WSSE, "Username");
        if (!USER.equals(user)) {
            throw new Refused("wsse:FailedAuthentication", "The security token could not be authenticated or authorized");
        }
        if (!(WST + "/Issue").equals(text(rst, WST, "RequestType"))) {
            throw new Refused("wst:InvalidRequest", "The request was invalid or malformed");
        }
        NodeList useKey = rst.getElementsByTagNameNS(WST, "UseKey");
        if (useKey.getLength() == 0 || !(WST + "/PublicKey").equals(text(rst, WST, "KeyType"))) {
            throw new Refused("wst:InvalidRequest", "this STS issues holder-of-key (PublicKey) tokens only");
        }
        X509Certificate proof = certificate(text(rst, DS, "X509Certificate"));
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        // SamlSpec puts only the certificate of the subject key into the assertion; the key stays the client's
        TestKeys.Identity subjectKey = new TestKeys.Identity("use-key", signer.privateKey(), proof, List.of(proof));
        String assertion = SamlSpec.saml2().issuer(issuer).signedBy(signer).holderOfKey(subjectKey).subject(SUBJECT)
                .attribute("role", "buyer").audienceRestriction(audience)
                .validity(Instant.now().minusSeconds(60), until).toXml().replaceFirst("^<\\?xml[^>]*>", "");
        issued.incrementAndGet();
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<wst:RequestSecurityTokenResponseCollection xmlns:wst=\"" + WST + "\">"
                + "<wst:RequestSecurityTokenResponse><wst:RequestedSecurityToken>" + assertion
                + "</wst:RequestedSecurityToken><wst:Lifetime><wsu:Expires xmlns:wsu=\"" + WSU + "\">" + until
                + "</wsu:Expires></wst:Lifetime></wst:RequestSecurityTokenResponse>"
                + "</wst:RequestSecurityTokenResponseCollection></soap:Body></soap:Envelope>";
    }

    private static String fault(String code, String text) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode xmlns:wsse=\"" + WSSE + "\" xmlns:wst=\"" + WST + "\">" + code + "</faultcode>"
                + "<faultstring>" + text + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
    }

    private static Document parse(byte[] request) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(request));
        } catch (Exception e) {
            throw new Refused("wst:InvalidRequest", "The request was invalid or malformed");
        }
    }

    private static String text(Document doc, String ns, String local) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, local);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static X509Certificate certificate(String base64) throws Refused {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (Exception e) {
            throw new Refused("wst:InvalidRequest", "wst:UseKey carries no certificate");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String text) {
            super(text);
            this.code = code;
        }
    }
}
