package io.wssgate.jaxws;

import static io.wssgate.jaxws.SecuredEndpoints.SOAP11;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** What an annotated endpoint's responses look like on the wire when its policy secures them. */
class EndpointSecuresResponsesTest {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static RoundTripApp roundTrip;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        roundTrip = new RoundTripApp(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        roundTrip.close();
    }

    @Test
    void responseIsSignedAndConfirmsTheRequestSignature() throws Exception {
        byte[] request = TestMessages.soap11(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(roundTrip.client, KeyIdType.BST).build();
        Document sent = TestMessages.parse(request);
        String requestSignature = sent.getElementsByTagNameNS(DS, "SignatureValue").item(0).getTextContent().strip();

        HttpResponse<byte[]> response = roundTrip.app.post("/roundtrip", request, SOAP11);

        assertThat(SoapBodies.returned(response)).startsWith("principal=" + RoundTripApp.CLIENT_DN + ";");
        Document answer = TestMessages.parse(response.body());
        assertThat(answer.getElementsByTagNameNS(WSSE, "Security").getLength()).isEqualTo(1);
        assertThat(answer.getElementsByTagNameNS(DS, "Signature").getLength()).isEqualTo(1);
        assertThat(answer.getElementsByTagNameNS(WSSE11, "SignatureConfirmation").item(0).getAttributes()
                .getNamedItem("Value").getNodeValue().replaceAll("\\s", ""))
                .isEqualTo(requestSignature.replaceAll("\\s", ""));
    }

    @Test
    void responseThatCannotBeSecuredBecomesAGenericServerFault() throws Exception {
        // the policy propagates the caller's assertion; an X.509 caller has none
        byte[] request = TestMessages.soap11(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(roundTrip.client, KeyIdType.BST).build();

        HttpResponse<byte[]> response = roundTrip.app.post("/unsecurable", request, SOAP11);

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(body).contains("The response could not be secured").doesNotContain("principal=")
                .doesNotContain("assertion");
        Document fault = TestMessages.parse(response.body());
        String correlationId = fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0).getTextContent();
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).contains(correlationId);
    }
}
