package io.wssgate.benchmarks.http;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.benchmarks.report.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per second for the same 1 KB signed X.509 request: POSTed over loopback HTTP/1.1 to
 * the filter on Jetty, and handed to {@link PolicyRuntime#validate} in process, by the same number
 * of closed-loop callers for the same time. The two are measured alternately, after a warm-up
 * of each, and the server's and the client's CPU per request are recorded so the difference can
 * be attributed. Replay detection is off, so one message can be sent again and again.
 */
public final class HttpThroughput {
    /** Durations and bounds of one run. */
    public record Plan(int threads, Duration warmUp, Duration measure, int rounds, long maxCalls) {
        public static Plan full() {
            return new Plan(4, Duration.ofSeconds(10), Duration.ofSeconds(15), 2, 2_000_000);
        }

        public static Plan smoke() {
            return new Plan(2, Duration.ofMillis(500), Duration.ofMillis(500), 1, 5_000);
        }
    }

    private HttpThroughput() {
    }

    /** Runs the plan and returns the figures RESULTS.md reports (also written to {@code out} when not null). */
    public static Map<String, Object> run(Plan plan, Path workDir, Path out) throws Exception {
        byte[] message = Messages.signed(Scenario.X509, MessageSize.KB_1);
        PolicyRuntime policy = GateFixture.inbound(Scenario.X509);
        try (FilterApp app = FilterApp.start(workDir)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(app.uri("/x509/orders")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", Messages.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
            LoadRun.Call overHttp = () -> {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
            };
            LoadRun.Call inProcess = () -> {
                if (!(policy.validate(message, Messages.CONTENT_TYPE) instanceof InboundOutcome.Accepted)) {
                    throw new IllegalStateException("rejected");
                }
            };
            overHttp.run(); // proves the deployment accepts the message before anything is timed
            LoadRun.run("inproc", plan.threads(), plan.warmUp(), plan.maxCalls(), inProcess);
            LoadRun.run("load", plan.threads(), plan.warmUp(), plan.maxCalls(), overHttp);
            List<Map<String, Object>> rounds = new ArrayList<>();
            for (int r = 0; r < plan.rounds(); r++) {
                LoadRun.Result local = LoadRun.run("inproc", plan.threads(), plan.measure(), plan.maxCalls(), inProcess);
                Map<String, Long> before = ThreadCpu.snapshot();
                LoadRun.Result remote = LoadRun.run("load", plan.threads(), plan.measure(), plan.maxCalls(), overHttp);
                Map<String, Long> after = ThreadCpu.snapshot();
                rounds.add(round(local, remote, before, after));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", plan.threads());
            result.put("measureSeconds", plan.measure().toMillis() / 1000.0);
            result.put("messageBytes", message.length);
            result.put("rounds", rounds);
            if (out != null) {
                Files.writeString(out, Json.write(result));
            }
            return result;
        }
    }

    private static Map<String, Object> round(LoadRun.Result local, LoadRun.Result remote, Map<String, Long> before,
                                             Map<String, Long> after) {
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("inProcessPerSecond", local.perSecond());
        round.put("inProcessErrors", local.errors());
        round.put("inProcessP50Ms", local.latencyMillis(0.50));
        round.put("inProcessP99Ms", local.latencyMillis(0.99));
        round.put("inProcessCpuNsPerRequest", (double) local.callerCpuNanos() / Math.max(1, local.calls()));
        round.put("httpPerSecond", remote.perSecond());
        round.put("httpErrors", remote.errors());
        round.put("httpP50Ms", remote.latencyMillis(0.50));
        round.put("httpP99Ms", remote.latencyMillis(0.99));
        long calls = Math.max(1, remote.calls());
        round.put("serverCpuNsPerRequest", (double) ThreadCpu.delta(before, after, ThreadCpu.SERVER) / calls);
        round.put("clientCpuNsPerRequest",
                (double) (ThreadCpu.delta(before, after, ThreadCpu.CLIENT) + remote.callerCpuNanos()) / calls);
        return round;
    }
}
