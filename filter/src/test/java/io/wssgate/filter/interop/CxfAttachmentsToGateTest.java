package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.filter.JettyWebApp;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache CXF 4 as an independent sender of attachments to WSS Gate's filter: MTOM with the Body
 * (and so the XOP content) signed by WSS4JOutInterceptor, and SwA attachments signed with the
 * Attachment-Content transform ({@code {Content}cid:Attachments}); each is accepted and the
 * application reads the package exactly as CXF sent it.
 */
class CxfAttachmentsToGateTest {
    static InteropKeys keys;
    static JettyWebApp app;
    static final byte[] DOCUMENT = new byte[200_000];

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        new Random(3).nextBytes(DOCUMENT);
        keys = new InteropKeys(dir);
        app = JettyWebApp.start(dir, Map.of(
                "policies.documents.paths", "/documents/*",
                "policies.documents.trust.certificates", keys.ca.toString(),
                "policies.documents.attachments.enabled", "true"), DocumentServlet.class);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static DocumentUpload port(String path, boolean mtom, String signatureParts) throws Exception {
        Map<String, Object> security = CxfSecurityProperties.client(Profile.X509_TIMESTAMP_SIGNATURE, keys);
        security.put(ConfigurationConstants.SIGNATURE_PARTS, signatureParts);
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DocumentUpload.class);
        factory.setAddress(app.uri(path).toString());
        Map<String, Object> properties = new HashMap<>();
        properties.put("mtom-enabled", mtom);
        factory.setProperties(properties);
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(security));
        return (DocumentUpload) factory.create();
    }

    @Test
    void cxfMtomWithTheBodySigned() throws Exception {
        DocumentUpload port = port("/documents/mtom", true, CxfSecurityProperties.TIMESTAMP_AND_BODY);
        int before = DocumentServlet.INVOCATIONS.get();

        String answer = port.store(DOCUMENT);

        assertThat(answer).startsWith("principal=" + InteropKeys.CLIENT_DN + ";multipart=true;");
        assertThat(answer).endsWith("sha256=" + DocumentServlet.sha256(DocumentServlet.LAST_BODY.get()));
        assertThat(DocumentServlet.INVOCATIONS.get()).isEqualTo(before + 1);
    }

    @Test
    void cxfSwaAttachmentSignedWithTheContentTransform() throws Exception {
        DocumentUpload port = port("/documents/swa", false,
                CxfSecurityProperties.TIMESTAMP_AND_BODY + ";{Content}cid:Attachments");
        Map<String, DataHandler> attachments = new HashMap<>();
        attachments.put("scan@cxf.test", new DataHandler(new BytesSource(DOCUMENT)));
        ((BindingProvider) port).getRequestContext().put(MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS, attachments);

        String answer = port.store(new byte[] {1, 2, 3});

        assertThat(answer).startsWith("principal=" + InteropKeys.CLIENT_DN + ";multipart=true;");
    }

    /** An attachment's bytes as the Activation API wants them. */
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
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "scan";
        }
    }
}
