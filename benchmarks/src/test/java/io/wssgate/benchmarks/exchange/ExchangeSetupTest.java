package io.wssgate.benchmarks.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every exchange benchmark's setup at 1 KB, as JMH would, so `mvn verify` catches a broken
 * benchmark: each setup proves the valid request reaches the application as its caller with the
 * right answer, and the tampered one is refused before it; then one benchmark call must succeed.
 */
class ExchangeSetupTest {

    @ParameterizedTest
    @ValueSource(strings = {"X509", "SAML_HOK"})
    void handlerSetupProvesAndTheBenchmarkRuns(String scenario) throws Exception {
        EndpointBenchmark.Handler state = new EndpointBenchmark.Handler();
        state.scenario = scenario;
        state.size = "1KB";
        state.prove();

        assertSignedByTheServer(new EndpointBenchmark().handler(state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X509", "SAML_HOK"})
    void metroSetupProvesAndTheBenchmarkRuns(String scenario) throws Exception {
        EndpointBenchmark.Metro state = new EndpointBenchmark.Metro();
        state.scenario = scenario;
        state.size = "1KB";
        state.prove();

        assertSignedByTheServer(new EndpointBenchmark().metro(state));
    }

    @org.junit.jupiter.api.Test
    void unsecuredMetroSetupProvesAndTheBenchmarkRuns() throws Exception {
        EndpointBenchmark.UnsecuredMetro state = new EndpointBenchmark.UnsecuredMetro();
        state.size = "1KB";
        state.prove();

        String answer = new String(new EndpointBenchmark().unsecuredMetro(state), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).contains(">" + UnsecuredOrdersEndpoint.ANONYMOUS + "<").doesNotContain("Signature");
    }

    @ParameterizedTest
    @CsvSource({"X509,plain", "X509,secured", "SAML_HOK,plain", "SAML_HOK,secured"})
    void filterSetupProvesAndBothBenchmarksRun(String scenario, String response) throws Exception {
        FilterBenchmark.Exchange state = new FilterBenchmark.Exchange();
        state.scenario = scenario;
        state.size = "1KB";
        state.response = response;
        state.prove();

        byte[] filtered = new FilterBenchmark().filter(state);
        byte[] direct = new FilterBenchmark().pipeline(state);
        if (response.equals(FilterBenchmark.SECURED)) {
            assertSignedByTheServer(filtered);
            assertSignedByTheServer(direct);
        } else {
            // the same answer, untouched, whichever way it was produced
            assertThat(filtered).isEqualTo(direct);
        }
    }

    private static void assertSignedByTheServer(byte[] response) {
        assertThat(GateFixture.inbound(Scenario.X509).validate(response, Messages.CONTENT_TYPE))
                .isInstanceOfSatisfying(InboundOutcome.Accepted.class,
                        accepted -> assertThat(accepted.principal().getName()).startsWith("CN=server,"));
    }
}
