package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.SOAP11_CONTENT_TYPE;
import static io.wssgate.testing.attacks.AttackFixture.SOAP12_CONTENT_TYPE;
import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.AttackFixture.X509_12;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.parity.Integration;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The same enforcement whatever the SOAP version, HTTP method, content type or character
 * encoding. Method attacks carry a VALID message: if GET or PUT slipped past the gate, the
 * application would run and the suite would see it. Content-type and charset attacks carry a
 * tampered one: whatever the framing, the tampering must be caught.
 */
public final class TransportAttacks {
    static final String CATEGORY = "Transport";
    static final String BOUNDARY = "MIMEBoundary_attack";
    /**
     * Metro answers any GET that is not a metadata request with its HTML endpoint page (HTTP 200)
     * and never reads a message from it: the handler and the endpoint do not run.
     */
    static final Attack.Outcome METRO_ENDPOINT_PAGE = Attack.Outcome.runtimeAnswer(200);

    private TransportAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        Supplier<byte[]> tampered = () -> TestMessages.tamperBody(f.x509(X509).build());
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.post(CATEGORY, "tampered Body over SOAP 1.1", X509, tampered, FaultCode.FAILED_CHECK));
        attacks.add(Attack.post(CATEGORY, "tampered Body over SOAP 1.2", X509_12,
                () -> TestMessages.tamperBody(f.x509(X509_12).build()), FaultCode.FAILED_CHECK));
        attacks.add(Attack.post(CATEGORY, "no Security header over SOAP 1.2", X509_12,
                () -> AttackFixture.envelope(X509_12).build(), FaultCode.INVALID_SECURITY));
        attacks.add(Attack.post(CATEGORY, "tampered SOAP 1.2 envelope sent as text/xml (SOAP 1.1)", X509_12,
                () -> TestMessages.tamperBody(f.x509(X509_12).build()), FaultCode.FAILED_CHECK)
                .sentAs("POST", SOAP11_CONTENT_TYPE));
        attacks.add(Attack.post(CATEGORY, "tampered SOAP 1.1 envelope sent as application/soap+xml", X509,
                tampered, FaultCode.FAILED_CHECK).sentAs("POST", SOAP12_CONTENT_TYPE));

        attacks.add(new Attack(CATEGORY, "GET with a valid message in the query string",
                X509 + "?message=" + URLEncoder.encode(new String(f.x509(X509).build(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8),
                () -> new byte[0], SOAP11_CONTENT_TYPE, "GET", Attack.Outcome.fault(405, FaultCode.INVALID_SECURITY),
                Map.of()).on(Integration.JAXWS_METRO, METRO_ENDPOINT_PAGE));
        // Metro's servlet never decodes a message from these methods (GET: its endpoint page; PUT,
        // DELETE: HTTP 405 of its own), so neither WSS Gate nor the endpoint sees them
        attacks.add(byMethod(f, "GET").on(Integration.JAXWS_METRO, METRO_ENDPOINT_PAGE));
        attacks.add(byMethod(f, "PUT").on(Integration.JAXWS_METRO, Attack.Outcome.runtimeAnswer(405)));
        attacks.add(byMethod(f, "DELETE").on(Integration.JAXWS_METRO, Attack.Outcome.runtimeAnswer(405)));

        attacks.add(Attack.post(CATEGORY, "tampered message as text/plain", X509, tampered, FaultCode.FAILED_CHECK)
                .sentAs("POST", "text/plain; charset=UTF-8"));
        attacks.add(Attack.post(CATEGORY, "tampered message as application/octet-stream", X509, tampered,
                FaultCode.FAILED_CHECK).sentAs("POST", "application/octet-stream"));
        attacks.add(Attack.post(CATEGORY, "tampered message without a Content-Type", X509, tampered,
                FaultCode.FAILED_CHECK).sentAs("POST", null));
        attacks.add(Attack.post(CATEGORY, "tampered message as the root of a multipart/related package", X509,
                () -> multipart(tampered.get()), FaultCode.INVALID_SECURITY)
                .sentAs("POST", "multipart/related; type=\"text/xml\"; start=\"<root>\"; boundary=" + BOUNDARY));

        attacks.add(Attack.post(CATEGORY, "tampered message in UTF-16 (declared, with BOM)", X509,
                () -> reencode(tampered.get(), StandardCharsets.UTF_16), FaultCode.FAILED_CHECK)
                .sentAs("POST", "text/xml; charset=UTF-16"));
        // An HTTP charset that disagrees with the document is refused (an application honouring it
        // would read another document than the one verified), whatever the integration.
        attacks.add(Attack.post(CATEGORY, "tampered UTF-8 message declared ISO-8859-1 in the Content-Type", X509,
                tampered, FaultCode.INVALID_SECURITY).sentAs("POST", "text/xml; charset=ISO-8859-1"));
        attacks.add(Attack.post(CATEGORY, "tampered message in ISO-8859-1 declared UTF-8 in the Content-Type", X509,
                () -> reencode(tampered.get(), StandardCharsets.ISO_8859_1), FaultCode.INVALID_SECURITY));
        attacks.add(Attack.post(CATEGORY, "tampered message behind a UTF-8 byte-order mark", X509,
                () -> withUtf8Bom(tampered.get()), FaultCode.FAILED_CHECK));
        attacks.add(Attack.post(CATEGORY, "wrapped Body behind a UTF-8 byte-order mark", X509,
                () -> withUtf8Bom(TestMessages.wrapBody(f.x509(X509).build(), AttackFixture.EVIL_BODY)),
                FaultCode.FAILED_CHECK));
        return attacks;
    }

    /** A valid, fresh message sent with another method: the gate must refuse the method itself. */
    private static Attack byMethod(AttackFixture f, String method) {
        return new Attack(CATEGORY, method + " with a valid message as body", X509, () -> f.x509(X509).build(),
                SOAP11_CONTENT_TYPE, method, Attack.Outcome.fault(405, FaultCode.INVALID_SECURITY), Map.of());
    }

    private static byte[] multipart(byte[] envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-ID: <root>\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(envelope);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The same document in another encoding, its XML declaration saying so. */
    private static byte[] reencode(byte[] utf8Message, Charset charset) {
        String xml = new String(utf8Message, StandardCharsets.UTF_8)
                .replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + charset.name() + "\"");
        return xml.getBytes(charset);
    }

    private static byte[] withUtf8Bom(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(message);
        return out.toByteArray();
    }
}
