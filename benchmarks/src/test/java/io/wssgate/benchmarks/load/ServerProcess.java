package io.wssgate.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link LoadServer} in a JVM of its own, with this JVM's class path; its log goes to a file. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServerProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static ServerProcess start(Path config, Path log, String maxHeap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), LoadServer.class.getName(), config.toString()))
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            process.destroyForcibly();
            throw new IOException("the load server did not start; see " + log);
        }
        return new ServerProcess(process, URI.create("http://127.0.0.1:" + line.substring(5).trim() + "/app"));
    }

    URI uri(String path) {
        return base.resolve(base.getPath() + path);
    }

    /** The server's {@code /stats}, after a full GC when {@code gc}. */
    Stats stats(boolean gc) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/stats" + (gc ? "?gc=true" : "")))
                .timeout(Duration.ofSeconds(30)).build();
        return Stats.parse(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close(); // the server stops at the end of its input
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** One reading of the server's figures. */
    record Stats(long heapUsed, long heapMax, long cpuNanos, long replayCacheX509, long replayCacheSaml,
                 long replayCacheLimit, long reloaded, long reloadRejected, String certificates) {
        static Stats parse(String json) {
            return new Stats(number(json, "heapUsed"), number(json, "heapMax"), number(json, "cpuNanos"),
                    number(json, "x509"), number(json, "saml"),
                    number(json.substring(json.indexOf("replayCacheLimit")), "x509"),
                    number(json, "reloaded"), number(json, "reloadRejected"), text(json, "certificates"));
        }

        private static long number(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return Long.parseLong(m.group(1));
        }

        private static String text(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : "";
        }
    }
}
