package io.wssgate.testing.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What every attack's answer must look like, whichever integration answered: the expected
 * status; for a WS-Security fault, exactly its code, its generic text and a correlation id
 * equal to the response header (nothing else, no stack trace); within {@link AttackClient#TIME_BOUND};
 * nobody connected to the canary and its secret is nowhere in the answer. Whether the
 * application ran and saw a principal is checked by each module, which knows its application.
 */
public final class AttackAssertions {
    private AttackAssertions() {
    }

    /**
     * Sends {@code attack} and asserts its answer ({@link #assertAnswered}) and that the attacked
     * application neither ran ({@code invocations} unchanged) nor saw a principal ({@code principals}
     * unchanged); returns the answer for checks only the module can make.
     */
    public static AttackClient.Answer assertRefused(AttackClient client, Attack attack, Attack.Outcome expected,
                                                    Canary canary, IntSupplier invocations, List<String> principals)
            throws IOException, InterruptedException {
        int invocationsBefore = invocations.getAsInt();
        int principalsBefore = principals.size();

        AttackClient.Answer answer = client.send(attack);

        assertAnswered(attack, expected, answer, canary);
        // genuine messages sent before a replay reach the application; the attack itself must not
        assertThat(invocations.getAsInt()).as("application invocations")
                .isEqualTo(invocationsBefore + answer.genuineAccepted());
        assertThat(principals).as("principals the application saw").hasSize(principalsBefore + answer.genuineAccepted());
        return answer;
    }

    public static void assertAnswered(Attack attack, Attack.Outcome expected, AttackClient.Answer answer,
                                      Canary canary) {
        HttpResponse<byte[]> response = answer.response();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(answer.elapsed()).as("time to answer %s", attack).isLessThan(AttackClient.TIME_BOUND);
        assertThat(response.statusCode()).as("HTTP status of %s, answer: %s", attack, body)
                .isEqualTo(expected.status());
        expected.fault().ifPresent(code -> assertWsseFault(response, body, code));
        assertThat(body).as("canary secret in the answer").doesNotContain(canary.secret());
        assertThat(canary.connections()).as("outbound connections made by the server").isZero();
    }

    /** Each attack is refused as {@link #assertRefused} demands, and all answers are {@link #assertIndistinguishable}. */
    public static void assertRefusedAlike(AttackClient client, List<Attack> attacks,
                                          Function<Attack, Attack.Outcome> expected, Canary canary,
                                          IntSupplier invocations, List<String> principals)
            throws IOException, InterruptedException {
        List<AttackClient.Answer> answers = new java.util.ArrayList<>();
        for (Attack attack : attacks) {
            answers.add(assertRefused(client, attack, expected.apply(attack), canary, invocations, principals));
        }
        assertIndistinguishable(answers);
    }

    /**
     * The answers are the same on the wire: status, content type and body, byte for byte once
     * each answer's own correlation id is blanked out. Used for failures that must not be
     * distinguishable (an oracle), e.g. every kind of decryption failure.
     */
    public static void assertIndistinguishable(List<AttackClient.Answer> answers) {
        AttackClient.Answer first = answers.get(0);
        for (AttackClient.Answer other : answers.subList(1, answers.size())) {
            assertThat(other.response().statusCode()).isEqualTo(first.response().statusCode());
            assertThat(other.response().headers().firstValue("Content-Type"))
                    .isEqualTo(first.response().headers().firstValue("Content-Type"));
            assertThat(withoutCorrelationId(other)).as("answer bytes without the correlation id")
                    .isEqualTo(withoutCorrelationId(first));
        }
    }

    private static byte[] withoutCorrelationId(AttackClient.Answer answer) {
        String id = answer.response().headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow();
        // ids are ASCII, so replacing them in an ISO-8859-1 view keeps every other byte as it was
        String body = new String(answer.response().body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains(id);
        return body.replace(id, "<correlation-id>").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Exactly this WS-Security fault: its code, its generic text, a correlation id equal to the header, nothing else. */
    public static void assertWsseFault(HttpResponse<byte[]> response, String body, FaultCode code) {
        Document fault = TestMessages.parse(response.body());
        String soapNs = fault.getDocumentElement().getNamespaceURI();
        String codeText;
        String text;
        if (TestMessages.SOAP12_NS.equals(soapNs)) {
            Element subcode = (Element) fault.getElementsByTagNameNS(soapNs, "Subcode").item(0);
            assertThat(subcode).as("SOAP 1.2 Subcode in %s", body).isNotNull();
            codeText = subcode.getElementsByTagNameNS(soapNs, "Value").item(0).getTextContent();
            text = fault.getElementsByTagNameNS(soapNs, "Text").item(0).getTextContent();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
        } else {
            assertThat(soapNs).as("SOAP envelope namespace of %s", body).isEqualTo(TestMessages.SOAP11_NS);
            codeText = fault.getElementsByTagName("faultcode").item(0).getTextContent();
            text = fault.getElementsByTagName("faultstring").item(0).getTextContent();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        }
        assertThat(codeText).as("fault code in %s", body).isEqualTo("wsse:" + code.localName());
        assertThat(text).as("fault text").isEqualTo(code.genericText());
        assertThat(body).as("nothing but code, text and id").doesNotContain("Exception").doesNotContain("at io.");
        String correlationId = fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0)
                .getTextContent();
        assertThat(correlationId).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElse(""));
    }
}
