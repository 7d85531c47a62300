package io.wssgate.filter.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.filter.JettyWebApp;
import io.wssgate.testing.parity.GateUnderTest;
import io.wssgate.testing.parity.Integration;
import io.wssgate.testing.parity.ParitySuite;
import io.wssgate.testing.parity.Scenario;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every attack of every catalogue, sent over HTTP to the real {@code WssGateFilter} on Jetty 12
 * in front of {@link AttackedServlet}: the expected answer (fault code, generic text, correlation
 * id, status, time bound, no outbound connection), the application never invoked and no
 * principal seen. The valid baseline of every attacked path is accepted with its principal, so a
 * refusal means the attack was caught, not that the server refuses everything. The filter's
 * answers are the reference every other integration's parity suite is held to.
 */
class FilterAttackSuiteTest extends ParitySuite {

    @Override
    protected Integration integration() {
        return Integration.SERVLET_FILTER;
    }

    @Override
    protected GateUnderTest start(Scenario scenario, Path dir) throws Exception {
        return new FilteredServlet(JettyWebApp.start(dir, Map.of("config-file", scenario.config().toString()),
                AttackedServlet.class));
    }

    /** The filter on every path of the configuration, {@link AttackedServlet} behind it. */
    private record FilteredServlet(JettyWebApp app) implements GateUnderTest {
        @Override
        public URI uri(String path) {
            return app.uri(path);
        }

        @Override
        public int invocations() {
            return AttackedServlet.INVOCATIONS.get();
        }

        @Override
        public List<String> principals() {
            return AttackedServlet.PRINCIPALS;
        }

        @Override
        public void assertNoCallerIn(HttpResponse<byte[]> refusal) {
            assertThat(refusal.headers().firstValue("X-Principal")).as("principal header").isEmpty();
        }

        @Override
        public void close() throws Exception {
            app.close();
        }
    }
}
