package io.wssgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on small, made-up result sets: every section renders, each verdict is right,
 * and the exchange section sets the filter against the core and a run against its baseline.
 */
class ResultsReportTest {

    @Test
    void rendersTargetsRatiosAndMisses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh-main.json"), "[" + String.join(",",
                run("Inbound", "ours", "X509", "100KB", 1400), run("Inbound", "floor", "X509", "100KB", 1000),
                run("Inbound", "cxf", "X509", "100KB", 2000), run("Inbound", "wss4j", "X509", "100KB", 1200),
                run("Outbound", "ours", "X509", "100KB", 1300),
                run("Outbound", "floor", "X509", "100KB", 1000), run("Outbound", "cxf", "X509", "100KB", 1400)) + "]");
        Files.writeString(dir.resolve("jmh-heap256.json"), "[" + run("Inbound", "ours", "X509", "10MB", 5e8) + "]");
        Files.writeString(dir.resolve("http.json"), Json.write(Map.of("threads", 4.0, "measureSeconds", 15.0,
                "messageBytes", 5000.0, "rounds", List.of(Map.of("inProcessPerSecond", 1000.0, "httpPerSecond", 950.0)))));
        Files.writeString(dir.resolve("profile-outbound-X509-100KB.txt"),
                "....[Thread state: RUNNABLE]....\n 50.0%  50.0% sun.security.rsa.RSACore.crtCrypt\n");
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        String md = Files.readString(out);
        assertThat(md).contains("| inbound X509 100KB: ours at most 1.25× the floor | 1.40× ± 0.01 | **missed** by 12.0% |")
                .contains("| inbound X509 100KB: throughput at least 1.0× bare WSS4J | 0.86× ± 0.01 | **missed** by 14.3% |")
                .contains("| inbound X509 100KB: throughput at least 1.2× CXF | 1.43× ± 0.01 | met |")
                .contains("outbound X509 100KB: ours at most 1.2× the floor | 1.30× ± 0.01 | **missed** by 8.3% |")
                .contains("outbound X509 100KB: throughput at least 1.2× CXF | 1.08× ± 0.01 | **missed** by 10.3% |")
                .contains("10 MB X509 request validated under -Xmx256m | validated, 500.00 ms per message | met")
                .contains("10 MB SAML_HOK request validated under -Xmx256m | failed (no result) | **missed**")
                .contains("+5.3% per request | met")
                .contains("sun.security.rsa.RSACore.crtCrypt");
    }

    @Test
    void rendersTheMultiCoreScalingAndThe50MegabyteHeap(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ScalingReport.threadsFile(1)), "[" + String.join(",",
                scaling("X509", "1KB", 5000), scaling("SAML_HOK", "1KB", 3000)) + "]");
        Files.writeString(dir.resolve(ScalingReport.threadsFile(2)), "[" + String.join(",",
                scaling("X509", "1KB", 9500), scaling("SAML_HOK", "1KB", 4500)) + "]");
        Files.writeString(dir.resolve(ScalingReport.HEAP512), "[" + run("Inbound", "ours", "X509", "50MB", 2e9) + "]");
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        String md = Files.readString(out);
        assertThat(md).contains("| inbound X509 1KB: 2 threads at least 1.8× the throughput of 1 (replay detection on)"
                        + " | 1.90× ± 0.01 | met |")
                .contains("| inbound SAML_HOK 1KB: 2 threads at least 1.8× the throughput of 1 (replay detection on)"
                        + " | 1.50× ± 0.01 | **missed** by 16.7% |")
                .contains("| X509 | 1KB | 5,000 ± 25 ops/s | 9,500 ± 48 ops/s | 1.90× ± 0.01 |")
                .contains("| 50 MB X509 request validated under -Xmx512m | validated, 2.00 s per message | met")
                .contains("| 50 MB SAML_HOK request validated under -Xmx512m | failed (no result) | **missed**")
                // 1,000 bytes allocated per operation over a 50 MB message
                .contains("| X509 | 50MB | 512m | validated, 2.00 s | 1.0 KB | 0.0 MB |");
    }

    private static String scaling(String scenario, String size, double perSecond) {
        return """
                {"benchmark":"io.wssgate.benchmarks.ScalingBenchmark.validate","mode":"thrpt","forks":1,
                 "jvmArgs":["-Xmx3g"],"jdkVersion":"17","vmName":"VM","vmVersion":"1","warmupIterations":3,
                 "warmupTime":"2 s","measurementIterations":5,"measurementTime":"2 s",
                 "params":{"scenario":"%s","size":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ops/s","rawData":[[1.0,2.0]]},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":1000.0,"scoreError":"NaN","scoreUnit":"B/op"}}}
                """.formatted(scenario, size, perSecond, perSecond / 200);
    }

    @Test
    void rendersTheExchangeRunTheFilterOverTheCoreAndTheChangeAgainstTheBaseline(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ExchangeReport.RESULTS), "[" + String.join(",",
                exchange("Endpoint", "metro", "X509", "1KB", "", 1_000_000),
                exchange("Filter", "filter", "X509", "1KB", "secured", 900_000),
                exchange("Filter", "pipeline", "X509", "1KB", "secured", 850_000)) + "]");
        Files.writeString(dir.resolve(ExchangeReport.RUN), Json.write(Map.of("started", "2026-12-07T10:00:00Z",
                "finished", "2026-12-07T10:11:00Z", "commit", "abc123")));
        Path baseline = Files.createDirectories(dir.resolve(ExchangeReport.BASELINE));
        Files.writeString(baseline.resolve(ExchangeReport.RESULTS), "["
                + exchange("Endpoint", "metro", "X509", "1KB", "", 1_250_000) + "]");
        Files.writeString(baseline.resolve(ExchangeReport.RUN), Json.write(Map.of("started", "2026-12-06T10:00:00Z",
                "commit", "759ac32")));
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        assertThat(Files.readString(out))
                .contains("## Exchange: the JAX-WS endpoint path and the filter path, in process")
                .contains("commit abc123")
                .contains("| Metro endpoint | X509 | 1KB | 1,000,000 ± 5,000 ns (1.00 ms) | 1.0 µs | 1.0 KB |")
                .contains("| X509 | 1KB | secured | 900.0 µs | 850.0 µs | +50.0 ± 6.2 µs | 1.06× ± 0.01 |")
                .contains("commit 759ac32")
                .contains("| Metro endpoint | X509 | 1KB | 1,250,000 ± 6,250 ns (1.25 ms) | 1,000,000 ± 5,000 ns"
                        + " (1.00 ms) | 0.80× ± 0.01 | 1.00× |");
    }

    @Test
    void saysSoWhenTheBaselineIsThisRunOrThereIsNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ExchangeReport.RESULTS), "[" + exchange("Endpoint", "handler", "X509", "1KB",
                "", 1_000_000) + "]");
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);
        assertThat(Files.readString(out)).contains("No baseline:");

        Files.writeString(dir.resolve(ExchangeReport.RUN), Json.write(Map.of("started", "2026-12-07T10:00:00Z")));
        Path baseline = Files.createDirectories(dir.resolve(ExchangeReport.BASELINE));
        Files.copy(dir.resolve(ExchangeReport.RESULTS), baseline.resolve(ExchangeReport.RESULTS));
        Files.copy(dir.resolve(ExchangeReport.RUN), baseline.resolve(ExchangeReport.RUN));
        ResultsReport.write(dir, out);
        assertThat(Files.readString(out)).contains("is this run itself").doesNotContain("this ÷ baseline");
    }

    @Test
    void jsonRoundTrips() {
        Object parsed = Json.parse(Json.write(Map.of("a", List.of(1.5, "x\"y", true), "b", Double.NaN)));

        assertThat(parsed).isEqualTo(Map.of("a", List.of(1.5, "x\"y", true), "b", "NaN"));
        assertThat(Json.number(((Map<?, ?>) parsed).get("b"))).isNaN();
    }

    private static String exchange(String kind, String method, String scenario, String size, String response,
                                   double nanos) {
        String params = "\"scenario\":\"" + scenario + "\",\"size\":\"" + size + "\""
                + (response.isEmpty() ? "" : ",\"response\":\"" + response + "\"");
        return """
                {"benchmark":"io.wssgate.benchmarks.exchange.%sBenchmark.%s","mode":"avgt","forks":1,
                 "jvmArgs":["-Xmx3g"],"jdkVersion":"17","vmName":"VM","vmVersion":"1","warmupIterations":4,
                 "warmupTime":"2 s","measurementIterations":5,"measurementTime":"2 s","params":{%s},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ns/op","rawData":[[1000.0,2000.0]]},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":1000.0,"scoreError":"NaN","scoreUnit":"B/op"}}}
                """.formatted(kind, method, params, nanos, nanos / 200);
    }

    private static String run(String kind, String system, String scenario, String size, double nanos) {
        return """
                {"benchmark":"io.wssgate.benchmarks.%sBenchmark.x","mode":"avgt","forks":1,"jvmArgs":["-Xmx3g"],
                 "jdkVersion":"17","vmName":"VM","vmVersion":"1","warmupIterations":3,"warmupTime":"2 s",
                 "measurementIterations":5,"measurementTime":"2 s",
                 "params":{"system":"%s","scenario":"%s","size":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ns/op","rawData":[[1.0,2.0]]},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":1000.0,"scoreError":"NaN","scoreUnit":"B/op"}}}
                """.formatted(kind, system, scenario, size, nanos, nanos / 200);
    }
}
