package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Request payloads for {@link WhoAmI}'s operations, and assertions on what came back. */
final class SoapBodies {
    static final String WHOAMI = "<w:whoami xmlns:w=\"" + WhoAmI.NS + "\"/>";

    private SoapBodies() {
    }

    /** A SOAP 1.1 request without any Security header. */
    static byte[] unsecured(String body) {
        return ("<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\"><s:Body>" + body + "</s:Body></s:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String echo(String text) {
        return "<w:echo xmlns:w=\"" + WhoAmI.NS + "\"><text>" + text + "</text></w:echo>";
    }

    static String note(String text) {
        return "<w:note xmlns:w=\"" + WhoAmI.NS + "\"><text>" + text + "</text></w:note>";
    }

    /** The operation's return value from a successful response. */
    static String returned(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(() -> new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        Document document = TestMessages.parse(response.body());
        return document.getElementsByTagName("return").item(0).getTextContent();
    }

    /** The response is exactly the core's WS-Security fault: code, generic text, correlation id. */
    static void assertFault(HttpResponse<byte[]> response, FaultCode code) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as("HTTP status of %s", body).isEqualTo(500);
        Document fault = TestMessages.parse(response.body());
        String soapNs = fault.getDocumentElement().getNamespaceURI();
        String codeText;
        String text;
        if (TestMessages.SOAP12_NS.equals(soapNs)) {
            Element subcode = (Element) fault.getElementsByTagNameNS(soapNs, "Subcode").item(0);
            codeText = subcode.getElementsByTagNameNS(soapNs, "Value").item(0).getTextContent();
            text = fault.getElementsByTagNameNS(soapNs, "Text").item(0).getTextContent();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
        } else {
            codeText = fault.getElementsByTagName("faultcode").item(0).getTextContent();
            text = fault.getElementsByTagName("faultstring").item(0).getTextContent();
        }
        assertThat(codeText).as("fault code in %s", body).isEqualTo("wsse:" + code.localName());
        assertThat(text).isEqualTo(code.genericText());
        assertThat(body).as("nothing but the code, text and id").doesNotContain("Exception").doesNotContain("at io.");
        String correlationId = fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0)
                .getTextContent();
        assertThat(correlationId).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElse(""));
    }
}
