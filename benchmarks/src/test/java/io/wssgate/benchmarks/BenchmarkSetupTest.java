package io.wssgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.InboundOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs every benchmark state's setup at 1 KB, as JMH would, so `mvn verify` catches a broken
 * benchmark: each setup proves its valid message passes and the tampered one fails, and one
 * benchmark call must then succeed.
 */
class BenchmarkSetupTest {

    @ParameterizedTest
    @CsvSource({"ours,X509", "cxf,X509", "wss4j,X509", "floor,X509",
                "ours,SAML_HOK", "cxf,SAML_HOK", "wss4j,SAML_HOK", "floor,SAML_HOK"})
    void inboundSetupProvesAndTheBenchmarkRuns(String system, String scenario) throws Exception {
        InboundBenchmark.Request request = new InboundBenchmark.Request();
        request.system = system;
        request.scenario = scenario;
        request.size = "1KB";
        request.prove();

        assertThat(new InboundBenchmark().validate(request)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"ours,X509", "cxf,X509", "wss4j,X509", "floor,X509",
                "ours,SAML_HOK", "cxf,SAML_HOK", "wss4j,SAML_HOK", "floor,SAML_HOK"})
    void outboundSetupProvesAndTheOutputIsValid(String system, String scenario) throws Exception {
        OutboundBenchmark.Message message = new OutboundBenchmark.Message();
        message.system = system;
        message.scenario = scenario;
        message.size = "1KB";
        message.prove();

        byte[] secured = new OutboundBenchmark().secure(message);
        assertThat(GateFixture.inbound(Scenario.valueOf(scenario)).validate(secured, Messages.CONTENT_TYPE))
                .isInstanceOf(InboundOutcome.Accepted.class);
    }

    /**
     * The multi-core benchmark keeps replay detection on: the same bytes pass again and again
     * because its store sees a new message each time, while the shipped store of the same policy
     * refuses the second copy (so the policy really does detect replays).
     */
    @ParameterizedTest
    @CsvSource({"X509", "SAML_HOK"})
    void theScalingBenchmarkAdmitsEachOperationWithReplayDetectionOn(String scenario) throws Exception {
        ScalingBenchmark.Request request = new ScalingBenchmark.Request();
        request.scenario = scenario;
        request.size = "1KB";
        request.prove();
        ScalingBenchmark benchmark = new ScalingBenchmark();
        for (int i = 0; i < 3; i++) {
            assertThat(benchmark.validate(request)).isNotNull();
        }

        String policy = scenario.equals("X509") ? "x509-replay" : "saml-replay";
        var shipped = GateFixture.gate().policy(policy).orElseThrow();
        assertThat(shipped.validate(request.message, Messages.CONTENT_TYPE)).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(shipped.validate(request.message, Messages.CONTENT_TYPE)).isInstanceOf(InboundOutcome.Rejected.class);
    }

    /** The floor is left out: it knows the layout in advance and is only ever given signed messages. */
    @ParameterizedTest
    @CsvSource({"ours", "cxf", "wss4j"})
    void anUnsignedMessageIsRejected(String system) {
        InboundSystem validator = Systems.inbound(system, Scenario.X509);
        byte[] unsigned = Messages.unsecured(MessageSize.KB_1);

        assertThatThrownBy(() -> validator.validate(unsigned)).isInstanceOf(MessageRejected.class);
    }
}
