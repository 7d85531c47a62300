package io.wssgate.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.benchmarks.report.HttpFigures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP comparison in miniature: the filter on Jetty accepts every request and both sides count. */
class HttpThroughputTest {

    @Test
    void bothSidesServeTheSignedRequestWithoutErrors(@TempDir Path dir) throws Exception {
        Map<String, Object> result = HttpThroughput.run(HttpThroughput.Plan.smoke(), dir, null);

        Map<?, ?> round = (Map<?, ?>) ((List<?>) result.get("rounds")).get(0);
        assertThat(round.get("httpErrors")).isEqualTo(0L);
        assertThat(round.get("inProcessErrors")).isEqualTo(0L);
        assertThat(HttpFigures.mean(result, "httpPerSecond")).isPositive();
        assertThat(HttpFigures.mean(result, "inProcessPerSecond")).isPositive();
        assertThat((Double) round.get("serverCpuNsPerRequest")).isPositive();
    }
}
