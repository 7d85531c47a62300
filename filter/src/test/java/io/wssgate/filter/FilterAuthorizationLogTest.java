package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller who is authenticated but not authorized for the operation, over HTTP through the
 * filter: the generic {@code wsse:FailedAuthentication}, the application never runs, and the
 * server log line with the fault's correlation id names the rule that failed by its key path
 * and what the caller had. The same request from a caller the rule admits is accepted.
 */
class FilterAuthorizationLogTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLERK = KEYS.issue("clerk");
    static final TestKeys.Identity BUYER = KEYS.issue("buyer");
    static JettyWebApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  orders:
                    paths: [/orders/*]
                    trust: { certificates: [%s] }
                    roles:
                      certificate-subjects:
                        - { subject: "CN=clerk,O=WSS Gate Test,C=DE", roles: [clerk] }
                        - { subject: "CN=buyer,O=WSS Gate Test,C=DE", roles: [buyer] }
                    operations:
                      submit-order:
                        payload-roots: ["{urn:wssgate:test}echo"]
                        require: { roles: [buyer] }
                """.formatted(ca));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void theLogNamesTheFailedRuleUnderTheFaultsCorrelationId() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLERK, KeyIdType.BST).build();
        int invocations = EchoServlet.INVOCATIONS.get();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        HttpResponse<byte[]> response;
        System.setErr(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
        try {
            response = app.post("/orders/service", request, SecuredApp.SOAP11);
        } finally {
            System.setErr(original);
        }

        SoapResponses.assertFault(response, FaultCode.FAILED_AUTHENTICATION);
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application never ran").isEqualTo(invocations);
        String correlationId = response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow();
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(correlationId)))
                .anySatisfy(line -> assertThat(line).contains("FailedAuthentication")
                        .contains("caller CN=clerk,O=WSS Gate Test,C=DE is not authorized: "
                                + "operations.submit-order.require.roles: has none of [buyer] (roles [clerk])"));
    }

    @Test
    void aCallerTheRuleAdmitsIsAccepted() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(BUYER, KeyIdType.BST).build();

        HttpResponse<byte[]> response = app.post("/orders/service", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("CN=buyer,O=WSS Gate Test,C=DE");
    }

    /** Writes to the real stream and to the captured one. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
