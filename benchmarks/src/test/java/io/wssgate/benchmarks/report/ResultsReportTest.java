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
 * the exchange section sets the filter against the core and a run against its baseline, and the
 * end-to-end section judges its targets at the highest concurrency.
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
    void setsTheMetroEndpointAgainstTheUnsecuredEndpointPlusTheCoreWithTheTargetsVerdict(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(ExchangeReport.RESULTS), "[" + String.join(",",
                exchange("Endpoint", "metro", "X509", "1KB", "", 1_000_000),
                exchange("Endpoint", "metro", "X509", "100KB", "", 4_000_000),
                exchange("Endpoint", "unsecuredMetro", "", "1KB", "", 100_000),
                exchange("Endpoint", "unsecuredMetro", "", "100KB", "", 1_000_000),
                exchange("Filter", "pipeline", "X509", "1KB", "secured", 800_000),
                exchange("Filter", "pipeline", "X509", "100KB", "secured", 2_000_000)) + "]");
        Files.writeString(dir.resolve(ExchangeReport.RUN), Json.write(Map.of("started", "2026-12-07T10:00:00Z")));
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        assertThat(Files.readString(out))
                .contains("| Metro endpoint, no security | none | 1KB | 100,000 ± 500 ns (100.0 µs) |")
                // 1,000 ÷ (100 + 800) µs; every best iteration is 1 µs here, so 1 ÷ (1 + 1)
                .contains("| X509 | 1KB | 1.00 ms | 100.0 µs | 800.0 µs | 1.11× ± 0.01 | 0.50× | ≤ 1.2× | met |")
                // 4 ÷ (1 + 2) ms
                .contains("| X509 | 100KB | 4.00 ms | 1.00 ms | 2.00 ms | 1.33× ± 0.01 | 0.50× | ≤ 1.2× | missed |");
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
    void rendersTheEndToEndRunAndJudgesItsTargetsAtTheHighestConcurrency(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("e2e.json"), Json.write(Map.of("started", "2026-12-07T13:00:00Z",
                "pinning", "server JVM pinned to core 0, load generator JVM to core 1", "concurrencies", List.of(1.0, 16.0),
                "inProcess", List.of(Map.of("scenario", "X509", "size", "1KB", "cpuNsPerValidation", 150_000.0)),
                "runs", List.of(
                        e2eRun("servlet", "any", 20_000, 40_000, 50_000),
                        e2eRun("filter", "X509", 4_000, 300_000, 210_000),
                        e2eRun("metro", "any", 5_000, 100_000, 90_000),
                        e2eRun("metro-wssgate", "X509", 2_000, 260_000, 250_000),
                        e2eRun("cxf-wss4j", "X509", 1_000, 700_000, 800_000)),
                "failures", List.of())));
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        // judged at concurrency 16: 210 ÷ (50 + 150) = 1.05; 2,000 ÷ 1,000 = 2.00 (but 250 ÷ (90 + 150) = 1.04)
        assertThat(Files.readString(out))
                .contains("## HTTP end to end")
                .contains("server JVM pinned to core 0, load generator JVM to core 1")
                .contains("| HTTP X509 1KB: filter server CPU per request at most 1.1× (in-process validation + plain"
                        + " servlet) | 210.0 µs vs 50.0 µs + 150.0 µs: 1.05× | met |")
                .contains("| HTTP X509 1KB: Metro endpoint with WSS Gate's handler, throughput at least 2.0× CXF's"
                        + " secured endpoint | 2,000 vs 1,000 req/s: 2.00× | met |")
                .contains("(unsecured Metro endpoint + in-process validation) | 250.0 µs vs 90.0 µs + 150.0 µs: 1.04× | met |")
                .contains("| X509 | 1KB | 1 | 150.0 µs | 1.58× | 2.00× | 1.04× |")
                .contains("| WSS Gate filter + servlet | X509 | 1KB | 16 | 4,000 | 1.00 / 5.00 ms | 210.0 µs |")
                .contains("| Metro endpoint, no security | any | 1KB | 1 | 1,250 |");
    }

    @Test
    void aMissedEndToEndTargetSaysByHowMuch(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("e2e.json"), Json.write(Map.of("concurrencies", List.of(4.0),
                "inProcess", List.of(Map.of("scenario", "SAML_HOK", "size", "100KB", "cpuNsPerValidation", 1_000_000.0)),
                "runs", List.of(e2eRun("metro-wssgate", "SAML_HOK", "100KB", List.of(window(4.0, 300, 2_000_000))),
                        e2eRun("cxf-wss4j", "SAML_HOK", "100KB", List.of(window(4.0, 200, 3_000_000)))))));
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        assertThat(Files.readString(out)).contains("throughput at least 2.0× CXF's secured endpoint"
                + " | 300 vs 200 req/s: 1.50× | **missed** by 25.0% |");
    }

    /** A run with a window at concurrency 1 (a quarter of the rate) and one at 16. */
    private static Map<String, Object> e2eRun(String variant, String scenario, double rateAt16, double cpuAt1,
                                              double cpuAt16) {
        return e2eRun(variant, scenario, "1KB", List.of(window(1.0, rateAt16 / 4, cpuAt1), window(16.0, rateAt16, cpuAt16)));
    }

    private static Map<String, Object> e2eRun(String variant, String scenario, String size, List<Object> windows) {
        return Map.of("variant", variant, "scenario", scenario, "size", size, "windows", windows, "label",
                Map.of("servlet", "plain servlet", "filter", "WSS Gate filter + servlet", "metro",
                        "Metro endpoint, no security", "metro-wssgate", "Metro endpoint + WSS Gate handler",
                        "cxf-wss4j", "CXF 4 endpoint + WSS4JInInterceptor").get(variant));
    }

    private static Map<String, Object> window(double concurrency, double rate, double cpu) {
        Map<String, Object> window = new java.util.HashMap<>(Map.of("concurrency", concurrency, "perSecond", rate,
                "p50Ms", 1.0, "p99Ms", 5.0, "serverCpuNsPerRequest", cpu, "serverCpuShare", 0.99,
                "clientCpuNsPerRequest", 20_000.0, "clientCpuShare", 0.2, "seconds", 6.0, "requests", rate * 6));
        window.put("errors", 0.0);
        return window;
    }

    @Test
    void jsonRoundTrips() {
        Object parsed = Json.parse(Json.write(Map.of("a", List.of(1.5, "x\"y", true), "b", Double.NaN)));

        assertThat(parsed).isEqualTo(Map.of("a", List.of(1.5, "x\"y", true), "b", "NaN"));
        assertThat(Json.number(((Map<?, ?>) parsed).get("b"))).isNaN();
    }

    private static String exchange(String kind, String method, String scenario, String size, String response,
                                   double nanos) {
        String params = (scenario.isEmpty() ? "" : "\"scenario\":\"" + scenario + "\",") + "\"size\":\"" + size + "\""
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

    @Test
    void rendersTheAttachmentsWithTheTargetAtTenMegabytesAndTheHeapChecks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AttachmentReport.RESULTS_PREFIX + "10MB.json"), "[" + String.join(",",
                attachment("ours", "SWA", "10MB", 12e6, 80_000), attachment("floor", "SWA", "10MB", 10e6, 3_000),
                attachment("wss4j", "SWA", "10MB", 20e6, 23e6), attachment("ours", "MTOM", "10MB", 15e6, 90_000),
                attachment("floor", "MTOM", "10MB", 10e6, 3_000)) + "]");
        Files.writeString(dir.resolve(AttachmentReport.RESULTS_PREFIX + "100MB.json"), "["
                + attachment("ours", "SWA", "100MB", 120e6, 100_000) + "]");
        Files.writeString(dir.resolve(AttachmentReport.HEAP), Json.write(List.of(
                Map.of("system", "ours", "format", "SWA", "size", "100MB", "result", "validated 130.5"),
                Map.of("system", "wss4j", "format", "SWA", "size", "100MB",
                        "result", "failed java.lang.OutOfMemoryError: Java heap space"))));
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        assertThat(Files.readString(out))
                .contains("## Attachments: one signed request with a large attachment")
                // SwA rows first, 10 MB before 100 MB; 1.2× is within the 1.3× target, 1.5× misses it by 15%
                .containsSubsequence("| SWA | 10MB |", "| SWA | 100MB |", "| MTOM | 10MB |")
                .contains("| 1.20× ± 0.01 | 1.20× | met |")
                .contains("| 1.50× ± 0.01 | 1.50× | **missed** by 15% |")
                // no floor at 100 MB: no ratio; no target but at 10 MB
                .contains("| failed / not run | failed / not run | – | – | – |")
                .contains("| SWA | 10MB | 80,000 (80.0 KB, 0.8% of the attachment) | 3,000 (3.0 KB, 0.0% of the"
                        + " attachment) | 23,000,000 (23.0 MB, 230.0% of the attachment) |")
                .contains("| SWA | 100MB | validated in 130.5 ms | **failed**: java.lang.OutOfMemoryError: Java heap space |");
    }

    @Test
    void leavesTheAttachmentsOutWhenTheyDidNotRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("RESULTS.md");

        ResultsReport.write(dir, out);

        assertThat(Files.readString(out)).doesNotContain("## Attachments");
    }

    private static String attachment(String system, String format, String size, double nanos, double bytes) {
        return """
                {"benchmark":"io.wssgate.benchmarks.attach.AttachmentBenchmark.validate","mode":"avgt","forks":1,
                 "jvmArgs":["-Xmx128m"],"jdkVersion":"17","vmName":"VM","vmVersion":"1","warmupIterations":2,
                 "warmupTime":"3 s","measurementIterations":3,"measurementTime":"5 s",
                 "params":{"system":"%s","format":"%s","size":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ns/op","rawData":[[%s,%s]]},
                 "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreError":"NaN","scoreUnit":"B/op"}}}
                """.formatted(system, format, size, nanos, nanos / 200, nanos, nanos * 1.1, bytes);
    }

}
