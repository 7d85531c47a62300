package io.wssgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    @ParameterizedTest
    @EnumSource(MessageSize.class)
    void bodiesHaveTheRequestedSizeWithinOneOrder(MessageSize size) throws Exception {
        String body = BodyGenerator.ofSize(size.bodyBytes());

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(size.bodyBytes(), size.bodyBytes() + 400);
        assertThat(Xml.parse(body.getBytes(StandardCharsets.UTF_8)).getDocumentElement().getLocalName())
                .isEqualTo("orders");
    }

    @Test
    void tamperingChangesExactlyOneByteOfBodyText() {
        byte[] message = Messages.signed(Scenario.X509, MessageSize.KB_1);
        byte[] tampered = Tamper.oneBodyByte(message);

        int changed = -1;
        for (int i = 0; i < message.length; i++) {
            if (message[i] != tampered[i]) {
                assertThat(changed).as("only one byte changes").isEqualTo(-1);
                changed = i;
            }
        }
        String xml = new String(message, StandardCharsets.UTF_8);
        assertThat(changed).isGreaterThan(xml.indexOf(":Body")).isLessThan(xml.indexOf("</soap:Body>"));
        assertThat(xml.lastIndexOf('>', changed)).isGreaterThan(xml.lastIndexOf('<', changed));
    }

    @Test
    void theSizeParameterNamesMatchTheBenchmarks() {
        assertThat(MessageSize.of("1KB")).isEqualTo(MessageSize.KB_1);
        assertThat(MessageSize.of("10MB").bodyBytes()).isEqualTo(10_000_000);
    }
}
