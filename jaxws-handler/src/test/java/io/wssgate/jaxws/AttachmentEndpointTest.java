package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.SwaMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTOM and SwA requests over HTTP to an {@code @MTOM} Metro endpoint secured by
 * {@code @WssGateEndpoint}: WSS Gate checks the package on the wire, Metro decodes the package
 * as it arrived, and the endpoint reads the very document that was signed; a tampered package
 * never reaches it.
 */
class AttachmentEndpointTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final byte[] SCAN = new byte[300_000];
    static MetroWebApp app;
    static io.wssgate.WssGate clientGate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        new Random(7).nextBytes(SCAN);
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), KEYS.ca().certificate());
        Path clientCert = TestKeys.writePem(dir.resolve("keys/client.pem"), CLIENT.certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("keys/client-key.pem"), CLIENT.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("keys/server.pem"), SERVER.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("keys/server-key.pem"), SERVER.privateKey());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  documents:
                    paths: [/documents]
                    trust:
                      certificates: [%1$s]
                    decryption:
                      key: { private-key: %5$s, certificate: %4$s }
                    attachments:
                      enabled: true
                      max-part-size: 1MiB
                  sealed-documents:
                    paths: [/sealed-documents]
                    trust:
                      certificates: [%1$s]
                    decryption:
                      key: { private-key: %5$s, certificate: %4$s }
                    attachments:
                      enabled: true
                      require-encrypted: true
                  documents-sealed-client:
                    paths: [/sealed-client]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        parts: [Body, Timestamp, Attachments]
                      encryption:
                        recipient-certificate: %4$s
                        parts: [Attachments]
                  reports:
                    paths: [/reports]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %5$s, certificate: %4$s }
                        parts: [Body, Timestamp, Attachments]
                  reports-client:
                    paths: [/reports-client]
                    trust:
                      certificates: [%1$s]
                    attachments:
                      enabled: true
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                  documents-client:
                    paths: [/client]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        parts: [Body, Timestamp, Attachments]
                """.formatted(ca, clientKey, clientCert, serverCert, serverKey));
        clientGate = io.wssgate.WssGate.create(io.wssgate.config.load.ConfigLoader.fromYaml(config,
                io.wssgate.config.load.VariableResolver.system()));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());
        try {
            app = MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/documents", DocumentEndpoint.class),
                    new MetroWebApp.Endpoint("/sealed-documents", DocumentEndpoint.class),
                    new MetroWebApp.Endpoint("/reports", ReportEndpoint.class)));
        } finally {
            System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        clientGate.close();
    }

    static MtomMessages mtom() {
        return MtomMessages.signedBy(CLIENT).operation(DocumentEndpoint.NS, "store", "document")
                .document("scan@wssgate.test", SCAN);
    }

    @Test
    void theMtomEndpointReadsTheSignedDocument() throws Exception {
        SwaMessages.Package pkg = mtom().build();
        assertThat(pkg.envelopeText()).contains("xop:Include");

        String report = returned(app.post("/documents", pkg.body(), pkg.contentType()));

        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=" + DocumentEndpoint.describe(SCAN)
                + ";attachments={scan@wssgate.test=" + DocumentEndpoint.describe(SCAN) + "}");
    }

    @Test
    void theEndpointReadsASignedSwaAttachment() throws Exception {
        byte[] pdf = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT)
                .body("<d:store xmlns:d=\"" + DocumentEndpoint.NS + "\"/>")
                .attach("report@wssgate.test", "application/pdf", pdf).build();

        String report = returned(app.post("/documents", pkg.body(), pkg.contentType()));

        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=none;attachments={report@wssgate.test="
                + DocumentEndpoint.describe(pdf) + "}");
    }

    @Test
    void aTamperedMtomPartNeverReachesTheEndpoint() throws Exception {
        byte[] forged = SCAN.clone();
        forged[1000] ^= 1;
        HttpResponse<byte[]> response = app.post("/documents", mtom().replaceAfterSigning("scan@wssgate.test", forged)
                .build().body(), mtom().build().contentType());
        SoapBodies.assertFault(response, FaultCode.FAILED_CHECK);
    }

    @Test
    void anUnsignedExtraPartNeverReachesTheEndpoint() throws Exception {
        SwaMessages.Package pkg = mtom().extraPart("extra@wssgate.test", "application/pdf", new byte[10]).build();
        SoapBodies.assertFault(app.post("/documents", pkg.body(), pkg.contentType()), FaultCode.FAILED_CHECK);
    }

    @Test
    void aWssGateClientSignsItsSwaAttachmentForTheEndpoint() throws Exception {
        jakarta.xml.ws.Service service = jakarta.xml.ws.Service.create(app.wsdl("/documents"),
                new javax.xml.namespace.QName(DocumentEndpoint.NS, "DocumentService"));
        DocumentStore port = WssGateClient.secure(service.getPort(new javax.xml.namespace.QName(DocumentEndpoint.NS,
                "DocumentPort"), DocumentStore.class), clientGate, "documents-client");
        byte[] pdf = "%PDF-1.7 from a WSS Gate client".getBytes(StandardCharsets.US_ASCII);
        java.util.Map<String, jakarta.activation.DataHandler> attachments = new java.util.HashMap<>();
        attachments.put("report@client.test", new jakarta.activation.DataHandler(new BytesSource(pdf)));
        ((jakarta.xml.ws.BindingProvider) port).getRequestContext()
                .put(jakarta.xml.ws.handler.MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS, attachments);

        String report = port.store(null);

        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=none;attachments={report@client.test="
                + DocumentEndpoint.describe(pdf) + "}");
    }

    @Test
    void aWssGateClientOnAnMtomPortSendsItsDocumentOptimisedAndSigned() throws Exception {
        try (RecordingProxy wire = RecordingProxy.to(app.uri("/documents"))) {
            String report = mtomPortVia(wire, "documents-client").store(SCAN);

            // the endpoint (whose policy refuses anything unsigned) read exactly that document, which
            // Metro, as for any MTOM request, also lists as the attachment it arrived in
            assertThat(report).startsWith("principal=" + CLIENT_DN + ";document=" + DocumentEndpoint.describe(SCAN)
                    + ";attachments={").endsWith("=" + DocumentEndpoint.describe(SCAN) + "}");
            RecordingProxy.Recorded sent = wire.recorded().get(0);
            String text = new String(sent.body(), StandardCharsets.ISO_8859_1);
            assertThat(sent.contentType()).startsWith("multipart/related").contains("application/xop+xml");
            assertThat(text).contains("xop:Include", "wsse:Security", "ds:SignatureValue")
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(SCAN).substring(0, 64));
            int part = indexOf(sent.body(), java.util.Arrays.copyOf(SCAN, 64));
            assertThat(part).as("the document goes as a binary part").isPositive();

            // a man in the middle changing one byte of the binary part: refused, never reaching the endpoint
            byte[] forged = sent.body().clone();
            forged[part + 1000] ^= 1;
            SoapBodies.assertFault(app.post("/documents", forged, sent.contentType()), FaultCode.FAILED_CHECK);
        }
    }

    @Test
    void anMtomPortsRequestWithAnSwaAttachmentTooIsSignedWhole() throws Exception {
        byte[] pdf = "%PDF-1.7 beside the MTOM document".getBytes(StandardCharsets.US_ASCII);
        try (RecordingProxy wire = RecordingProxy.to(app.uri("/documents"))) {
            DocumentStore port = mtomPortVia(wire, "documents-client");
            java.util.Map<String, jakarta.activation.DataHandler> attachments = new java.util.HashMap<>();
            attachments.put("report@client.test", new jakarta.activation.DataHandler(new BytesSource(pdf)));
            ((jakarta.xml.ws.BindingProvider) port).getRequestContext()
                    .put(jakarta.xml.ws.handler.MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS, attachments);

            // the endpoint refuses any part the signature does not cover: both parts are covered
            String report = port.store(SCAN);

            assertThat(report).startsWith("principal=" + CLIENT_DN + ";document=" + DocumentEndpoint.describe(SCAN))
                    .contains("report@client.test=" + DocumentEndpoint.describe(pdf));
            assertThat(new String(wire.recorded().get(0).body(), StandardCharsets.ISO_8859_1))
                    .contains("xop:Include", "cid:report@client.test");
        }
    }

    @Test
    void underAnEncryptingPolicyTheMtomPortsRequestIsSecuredInline() throws Exception {
        // MTOM content cannot be encrypted optimised (docs/attachments.md): the handler secures
        // the inline form, as Metro hands it, rather than failing the call
        try (RecordingProxy wire = RecordingProxy.to(app.uri("/documents"))) {
            String report = mtomPortVia(wire, "documents-sealed-client").store(SCAN);

            assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=" + DocumentEndpoint.describe(SCAN)
                    + ";attachments={}");
            RecordingProxy.Recorded sent = wire.recorded().get(0);
            // Metro still wraps it in an XOP package, but with the document inline in the signed root
            assertThat(new String(sent.body(), StandardCharsets.UTF_8)).contains("ds:SignatureValue",
                    java.util.Base64.getEncoder().encodeToString(SCAN).substring(0, 64)).doesNotContain("xop:Include");
        }
    }

    /** A WSS Gate client port with MTOM enabled, sending to /documents through {@code wire}. */
    private static DocumentStore mtomPortVia(RecordingProxy wire, String policy) throws Exception {
        jakarta.xml.ws.Service service = jakarta.xml.ws.Service.create(app.wsdl("/documents"),
                new javax.xml.namespace.QName(DocumentEndpoint.NS, "DocumentService"));
        DocumentStore port = WssGateClient.secure(service.getPort(new javax.xml.namespace.QName(DocumentEndpoint.NS,
                "DocumentPort"), DocumentStore.class, new jakarta.xml.ws.soap.MTOMFeature(true)), clientGate, policy);
        ((jakarta.xml.ws.BindingProvider) port).getRequestContext().put(
                jakarta.xml.ws.BindingProvider.ENDPOINT_ADDRESS_PROPERTY, wire.uri().toString());
        return port;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void theEndpointReadsAnEncryptedSwaAttachmentDecrypted() throws Exception {
        byte[] pdf = "%PDF-1.7 signed and encrypted by WSS4J".getBytes(StandardCharsets.US_ASCII);
        SwaMessages.Package pkg = SwaMessages.signedBy(CLIENT)
                .body("<d:store xmlns:d=\"" + DocumentEndpoint.NS + "\"/>")
                .attach("report@wssgate.test", "application/pdf", pdf).encryptFor(SERVER.certificate(), false).build();
        assertThat(new String(pkg.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        String report = returned(app.post("/documents", pkg.body(), pkg.contentType()));

        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=none;attachments={report@wssgate.test="
                + DocumentEndpoint.describe(pdf) + "}");
    }

    @Test
    void aWssGateClientEncryptsItsSwaAttachmentForTheEndpoint() throws Exception {
        jakarta.xml.ws.Service service = jakarta.xml.ws.Service.create(app.wsdl("/documents"),
                new javax.xml.namespace.QName(DocumentEndpoint.NS, "DocumentService"));
        DocumentStore port = WssGateClient.secure(service.getPort(new javax.xml.namespace.QName(DocumentEndpoint.NS,
                "DocumentPort"), DocumentStore.class), clientGate, "documents-sealed-client");
        byte[] pdf = "%PDF-1.7 encrypted by a WSS Gate client".getBytes(StandardCharsets.US_ASCII);
        java.util.Map<String, jakarta.activation.DataHandler> attachments = new java.util.HashMap<>();
        attachments.put("report@client.test", new jakarta.activation.DataHandler(new BytesSource(pdf)));
        ((jakarta.xml.ws.BindingProvider) port).getRequestContext()
                .put(jakarta.xml.ws.handler.MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS, attachments);
        // the endpoint whose policy refuses any attachment that did not arrive encrypted
        ((jakarta.xml.ws.BindingProvider) port).getRequestContext().put(
                jakarta.xml.ws.BindingProvider.ENDPOINT_ADDRESS_PROPERTY, app.uri("/sealed-documents").toString());

        String report = port.store(null);

        // the endpoint read the plaintext, which arrived encrypted (require-encrypted)
        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";document=none;attachments={report@client.test="
                + DocumentEndpoint.describe(pdf) + "}");
    }

    static ReportEndpoint.Reports reports() throws Exception {
        jakarta.xml.ws.Service service = jakarta.xml.ws.Service.create(app.wsdl("/reports"),
                new javax.xml.namespace.QName(ReportEndpoint.NS, "ReportService"));
        return WssGateClient.secure(service.getPort(new javax.xml.namespace.QName(ReportEndpoint.NS, "ReportPort"),
                ReportEndpoint.Reports.class), clientGate, "reports-client");
    }

    @Test
    void theEndpointsSwaResponseIsSignedAndAWssGateClientVerifiesIt() throws Exception {
        ReportEndpoint.Reports port = reports();

        assertThat(port.report()).isEqualTo("attached");

        java.util.Map<String, Object> response = ((jakarta.xml.ws.BindingProvider) port).getResponseContext();
        assertThat(response.get(io.wssgate.InboundOutcome.Accepted.KEY)).isInstanceOfSatisfying(
                io.wssgate.InboundOutcome.Accepted.class,
                a -> assertThat(a.principal().getName()).isEqualTo("CN=server,O=WSS Gate Test,C=DE"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, jakarta.activation.DataHandler> attachments = (java.util.Map<String,
                jakarta.activation.DataHandler>) response.get(jakarta.xml.ws.handler.MessageContext.INBOUND_MESSAGE_ATTACHMENTS);
        try (java.io.InputStream in = attachments.get("report@metro.test").getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(ReportEndpoint.REPORT);
        }
    }

    @Test
    void aResponseAttachmentChangedOnTheWayIsRefusedByTheClient() throws Exception {
        ReportEndpoint.Reports port = reports();
        jakarta.xml.ws.Binding binding = ((jakarta.xml.ws.BindingProvider) port).getBinding();
        java.util.List<jakarta.xml.ws.handler.Handler> chain = new java.util.ArrayList<>(binding.getHandlerChain());
        chain.add(new AttachmentTamperer()); // last: nearest the wire, so it sees the response first
        binding.setHandlerChain(chain);

        assertThatThrownBy(port::report).isInstanceOf(jakarta.xml.ws.WebServiceException.class)
                .hasMessageContaining("FailedCheck");
    }

    /** A man in the middle on the client's side of the wire: replaces the response's attachments. */
    static final class AttachmentTamperer implements jakarta.xml.ws.handler.soap.SOAPHandler<
            jakarta.xml.ws.handler.soap.SOAPMessageContext> {
        @Override
        public boolean handleMessage(jakarta.xml.ws.handler.soap.SOAPMessageContext context) {
            if (!Boolean.TRUE.equals(context.get(jakarta.xml.ws.handler.MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                jakarta.xml.soap.SOAPMessage message = context.getMessage();
                java.util.Iterator<jakarta.xml.soap.AttachmentPart> parts = message.getAttachments();
                try {
                    while (parts.hasNext()) {
                        parts.next().setRawContentBytes("%PDF-1.7 forged".getBytes(StandardCharsets.US_ASCII), 0, 15,
                                "application/pdf");
                    }
                    message.saveChanges();
                } catch (jakarta.xml.soap.SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }

        @Override
        public boolean handleFault(jakarta.xml.ws.handler.soap.SOAPMessageContext context) {
            return true;
        }

        @Override
        public void close(jakarta.xml.ws.handler.MessageContext context) {
        }

        @Override
        public java.util.Set<javax.xml.namespace.QName> getHeaders() {
            return java.util.Set.of();
        }
    }

    /** The return value from a (possibly MTOM-packaged) response. */
    static String returned(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        Matcher m = Pattern.compile("<return>([^<]*)</return>").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    /** An attachment's bytes as the Activation API wants them (a file would be a FileDataSource). */
    record BytesSource(byte[] bytes) implements jakarta.activation.DataSource {
        @Override
        public java.io.InputStream getInputStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "application/pdf";
        }

        @Override
        public String getName() {
            return "report.pdf";
        }
    }
}
