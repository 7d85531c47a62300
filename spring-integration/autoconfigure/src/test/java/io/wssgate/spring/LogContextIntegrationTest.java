package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.GateObserver;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator reads, through the real filter in a Boot application with Logback: the SLF4J
 * MDC names each message (its correlation id, policy, outcome) while it is validated and while
 * the application runs; the one rejection line states the precise reason and how the request
 * arrived; WSS4J and Santuario add no WARN lines of their own for what that line already says.
 */
@SpringBootTest(classes = {SecuredSoapApp.class, LogContextIntegrationTest.Application.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LogContextIntegrationTest {
    @LocalServerPort
    int port;

    @Autowired
    MdcAtDecision observer;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        Fixtures.partnerPolicy().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void theApplicationRunsWithTheAcceptedMessageInTheMdc() {
        HttpResponse<String> response = Fixtures.post(port, "/services/mdc", Fixtures.samlRequest("clerk"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("id=[0-9a-f-]{36} policy=partner outcome=accepted");
    }

    @Test
    void aRejectionIsLoggedOnceWithItsReasonAndTheIdOfItsFault(CapturedOutput output) {
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk",
                TestMessages.tamperBody(Fixtures.samlRequest("clerk")));

        String id = response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow();
        assertThat(observer.rejections).anySatisfy(seen -> assertThat(seen)
                .containsEntry("wssgate.correlationId", id)
                .containsEntry("wssgate.policy", "partner")
                .containsEntry("wssgate.outcome", "rejected")
                .containsEntry("wssgate.fault", "FailedCheck"));
        assertThat(output.getOut()).containsPattern("WS-Security rejected message \\[" + id + "\\] policy=partner "
                + "method=POST path=/services/clerk remote=127\\.0\\.0\\.1 fault=FailedCheck: signature \\S+: "
                + "the digest of #\\S+ \\(Body\\) does not match: the signed content was changed after it was signed");
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ") && line.contains("org.apache")))
                .as("WSS4J and Santuario are quiet about what WSS Gate reports").isEmpty();
    }

    /**
     * The case that started it: WSS4J reported an expired assertion as a generic "SAML token
     * security failure" and stated the condition only in a WARN line of its own, without the id.
     */
    @Test
    void anExpiredAssertionIsLoggedWithTheConditionItBroke(CapturedOutput output) {
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk",
                Fixtures.samlRequest(SamlSpec::expired, "clerk"));

        assertThat(response.statusCode()).isEqualTo(500);
        String id = response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow();
        assertThat(output.getOut()).containsPattern("WS-Security rejected message \\[" + id + "\\] policy=partner "
                + "method=POST path=/services/clerk remote=127\\.0\\.0\\.1 fault=InvalidSecurityToken: "
                + "Conditions NotOnOrAfter \\S+ passed \\(clock skew \\S+\\)");
        assertThat(output.getOut()).doesNotContain("SAML token security failure");
        assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ") && line.contains("org.apache")))
                .as("WSS4J and Santuario are quiet about what WSS Gate reports").isEmpty();
    }

    /** What the application's own code sees in the MDC while it runs. */
    @RestController
    static class MdcEndpoint {
        @PostMapping("/services/mdc")
        String mdc() {
            return "id=" + MDC.get("wssgate.correlationId") + " policy=" + MDC.get("wssgate.policy")
                    + " outcome=" + MDC.get("wssgate.outcome");
        }
    }

    /** An observer bean: its rejected() runs with the message's MDC. */
    static class MdcAtDecision implements GateObserver {
        final List<Map<String, String>> rejections = new CopyOnWriteArrayList<>();

        @Override
        public void rejected(String policy, FaultCode code, Duration validationTime) {
            rejections.add(new HashMap<>(Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of())));
        }
    }

    @TestConfiguration
    static class Application {
        @Bean
        MdcEndpoint mdcEndpoint() {
            return new MdcEndpoint();
        }

        @Bean
        MdcAtDecision mdcAtDecision() {
            return new MdcAtDecision();
        }
    }
}
