package io.wssgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.addressing.AddressingVersion;
import io.wssgate.addressing.OutgoingAddressing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a message's WS-Addressing headers, and what a reply to it carries. */
class AddressingHeadersTest {
    static final String W3C = "http://www.w3.org/2005/08/addressing";
    static final String SUBMISSION = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    private static AddressingHeaders read(String headers) throws Exception {
        String xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>" + headers
                + "</s:Header><s:Body/></s:Envelope>";
        return AddressingHeaders.of(SoapEnvelope.of(Documents.parse(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static String h(String ns, String name, String value) {
        return "<a:" + name + " xmlns:a=\"" + ns + "\">" + value + "</a:" + name + ">";
    }

    @Test
    void readsTheHeadersOfEitherVersion() throws Exception {
        AddressingHeaders w3c = read(h(W3C, "To", " https://host/orders ") + h(W3C, "Action", "urn:a/submitRequest")
                + h(W3C, "MessageID", "urn:uuid:1") + h(W3C, "RelatesTo", "urn:uuid:0"));
        AddressingHeaders submission = read(h(SUBMISSION, "Action", "urn:a"));

        assertThat(w3c.version()).contains(AddressingVersion.W3C_1_0);
        assertThat(w3c.toValue()).contains("https://host/orders");
        assertThat(w3c.actionValue()).contains("urn:a/submitRequest");
        assertThat(w3c.messageIdValue()).contains("urn:uuid:1");
        assertThat(w3c.relatesToValues()).containsExactly("urn:uuid:0");
        assertThat(submission.version()).contains(AddressingVersion.SUBMISSION_2004_08);
        assertThat(read(h("urn:other", "To", "x")).present()).isFalse();
    }

    @Test
    void twoOfASingleHeaderOrTwoVersionsAreMalformed() {
        assertThatThrownBy(() -> read(h(W3C, "MessageID", "urn:1") + h(W3C, "MessageID", "urn:2")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("more than one wsa:MessageID");
        assertThatThrownBy(() -> read(h(W3C, "Action", "urn:a") + h(SUBMISSION, "To", "urn:b")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("two versions");
        assertThatThrownBy(() -> read(h(W3C, "To", "<x:y xmlns:x=\"urn:x\"/>")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("holds elements");
    }

    @Test
    void aReplyRelatesToTheRequestAndAnswersItsAction() throws Exception {
        AddressingHeaders request = read(h(W3C, "Action", "urn:a/submitRequest") + h(W3C, "MessageID", "urn:uuid:1"));

        OutgoingAddressing reply = request.reply(Optional.empty()).orElseThrow();

        assertThat(reply.version()).isEqualTo(AddressingVersion.W3C_1_0);
        assertThat(reply.relatesTo()).contains("urn:uuid:1");
        assertThat(reply.action()).contains("urn:a/submitResponse");
        assertThat(reply.messageId()).startsWith("urn:uuid:").isNotEqualTo("urn:uuid:1");
        assertThat(request.reply(Optional.of("urn:a/done")).orElseThrow().action()).contains("urn:a/done");
        assertThat(read(h(W3C, "Action", "urn:a:submit")).reply(Optional.empty()).orElseThrow().action())
                .contains("urn:a:submitResponse");
        assertThat(read("").reply(Optional.empty())).as("no WS-Addressing, no reply headers").isEmpty();
    }
}
