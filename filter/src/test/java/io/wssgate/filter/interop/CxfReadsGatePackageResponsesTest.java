package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.filter.JettyWebApp;
import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache CXF 4 as the client of an application whose responses are MIME packages: the filter
 * signs the SwA attachment of the response with the envelope (and encrypts it where configured);
 * CXF's WSS4JInInterceptor verifies the signature, the attachment's {@code cid:} reference
 * included (and decrypts it), and CXF hands the caller the very attachment.
 */
class CxfReadsGatePackageResponsesTest {
    static InteropKeys keys;
    static JettyWebApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        Map<String, String> params = new HashMap<>();
        for (String policy : List.of("signed", "sealed")) {
            params.put("policies." + policy + ".paths", "/" + policy + "/*");
            params.put("policies." + policy + ".trust.certificates", keys.ca.toString());
            params.put("policies." + policy + ".outbound.timestamp.ttl", "5m");
            params.put("policies." + policy + ".outbound.signature.key.private-key", keys.serverKey.toString());
            params.put("policies." + policy + ".outbound.signature.key.certificate", keys.serverCert.toString());
            params.put("policies." + policy + ".outbound.signature.parts", "Body,Timestamp,Attachments");
        }
        params.put("policies.sealed.outbound.encryption.recipient-certificate", keys.clientCert.toString());
        params.put("policies.sealed.outbound.encryption.parts", "Attachments");
        app = JettyWebApp.start(dir, params, AnswerServlet.class);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static DocumentUpload port(String path, String inboundActions) throws Exception {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(DocumentUpload.class);
        factory.setAddress(app.uri(path).toString());
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(
                CxfSecurityProperties.client(Profile.X509_TIMESTAMP_SIGNATURE, keys)));
        Map<String, Object> in = new HashMap<>();
        in.put(ConfigurationConstants.ACTION, inboundActions);
        in.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "crypto");
        in.put(ConfigurationConstants.DEC_PROP_REF_ID, "crypto");
        in.put("crypto", keys.cxfClientCrypto);
        in.put(ConfigurationConstants.PW_CALLBACK_REF, InteropKeys.keyPasswords());
        factory.getInInterceptors().add(new WSS4JInInterceptor(in));
        return (DocumentUpload) factory.create();
    }

    /** The attachment CXF handed the caller, and the URIs the response's verified signature covered. */
    static void assertVerifiedAnswer(DocumentUpload port) throws Exception {
        assertThat(port.store(new byte[] {1, 2, 3})).isEqualTo("stored");
        Map<String, Object> context = ((BindingProvider) port).getResponseContext();
        @SuppressWarnings("unchecked")
        Map<String, DataHandler> attachments = (Map<String, DataHandler>) context
                .get(MessageContext.INBOUND_MESSAGE_ATTACHMENTS);
        assertThat(attachments).containsKey("answer@gate.test");
        try (InputStream in = attachments.get("answer@gate.test").getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(AnswerServlet.ANSWER);
        }
        @SuppressWarnings("unchecked")
        List<WSHandlerResult> results = (List<WSHandlerResult>) context.get(WSHandlerConstants.RECV_RESULTS);
        assertThat(results.get(0).getResults().stream()
                .filter(r -> r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS) != null)
                .flatMap(r -> ((List<?>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS)).stream())
                .map(ref -> ((org.apache.wss4j.dom.WSDataRef) ref).getWsuId()))
                .as("the signature CXF verified covered the attachment").contains("cid:answer@gate.test");
    }

    @Test
    void cxfVerifiesTheSignedAttachmentOfTheResponse() throws Exception {
        assertVerifiedAnswer(port("/signed/store", "Timestamp Signature"));
    }

    @Test
    void cxfDecryptsAndVerifiesTheEncryptedAttachmentOfTheResponse() throws Exception {
        assertVerifiedAnswer(port("/sealed/store", "Timestamp Signature Encrypt"));
    }
}
