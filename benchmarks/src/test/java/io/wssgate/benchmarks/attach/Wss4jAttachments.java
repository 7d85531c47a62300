package io.wssgate.benchmarks.attach;

import io.wssgate.testing.TestCrypto;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.w3c.dom.Document;

/**
 * WSS4J 3.0.5 verifying the same request the way Apache CXF 4's WSS4JInInterceptor drives it:
 * the root envelope parsed to a DOM, the attachment handed over as a stream from disk through
 * an attachment callback (CXF's streams attachments from its cached message), and for MTOM the
 * xop:Include expanded into base64 text for the signature (CXF's default with MTOM on).
 */
final class Wss4jAttachments implements AttachmentBenchmark.AttachmentSystem {
    static {
        WSSConfig.init();
    }

    private final byte[] envelope;
    private final Path attachment;
    private final boolean mtom;
    private final org.apache.wss4j.common.crypto.Merlin trust;
    private final WSSecurityEngine engine = new WSSecurityEngine();

    Wss4jAttachments(Path dir, String format, String size) throws Exception {
        this.envelope = Files.readAllBytes(AttachmentMessages.envelope(dir, format, size));
        this.attachment = AttachmentMessages.attachment(dir, size);
        this.mtom = "MTOM".equals(format);
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        this.trust = TestCrypto.trusting(ca);
    }

    @Override
    public Object validate() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(trust);
        data.setTimeStampTTL(86_400);
        data.setExpandXopInclude(mtom);
        data.setAttachmentCallbackHandler(new Attachments());
        return engine.processSecurityHeader(doc, data);
    }

    private final class Attachments implements CallbackHandler {
        @Override
        public void handle(Callback[] callbacks) throws java.io.IOException, UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof AttachmentRequestCallback request) {
                    Attachment a = new Attachment();
                    a.setId(request.getAttachmentId());
                    a.setMimeType("application/octet-stream");
                    a.addHeader("Content-Type", "application/octet-stream");
                    a.addHeader("Content-Transfer-Encoding", "binary");
                    a.addHeader("Content-ID", "<" + AttachmentMessages.DOC_ID + ">");
                    a.setSourceStream(Files.newInputStream(attachment));
                    request.setAttachments(List.of(a));
                } else if (!(callback instanceof AttachmentResultCallback)) {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }
    }
}
