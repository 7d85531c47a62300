package io.wssgate.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a run's figures as {@code load-<date>.md} and {@code load-<date>.json}. */
final class LoadReport {
    private static final double MB = 1024 * 1024;

    private LoadReport() {
    }

    static Path write(LoadResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = "load-" + LocalDate.now(ZoneOffset.UTC);
        Files.writeString(dir.resolve(name + ".json"), json(r));
        Path md = dir.resolve(name + ".md");
        Files.writeString(md, markdown(r));
        return md;
    }

    static String summary(LoadResult r) {
        return String.format(Locale.ROOT, "%s: %d requests in %.1f s (%.0f req/s) by %d clients; latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; wrong decisions %d, unexpected errors %d; heap used %.0f MB before, "
                        + "%.0f MB after, max %.0f MB; replay cache max %d (limit %d)",
                r.passed() ? "PASSED" : "FAILED", r.requests(), r.elapsed().toMillis() / 1000.0, r.throughput(),
                r.clients(), r.latency().p50(), r.latency().p99(), r.latency().max(), r.wrongDecisions(),
                r.unexpectedErrors(), r.start().heapUsed() / MB, r.afterGc().heapUsed() / MB, r.maxHeapUsed() / MB,
                r.maxReplayCache(), r.start().replayCacheLimit());
    }

    static String markdown(LoadResult r) {
        StringBuilder out = new StringBuilder();
        out.append("# Load test, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
        out.append("Command: `benchmarks/load.sh ").append(r.clients()).append(' ')
                .append(r.plannedDuration().toSeconds()).append(' ').append(r.validPool()).append(' ')
                .append(r.start().replayCacheLimit()).append("`\n\n");
        out.append("**").append(summary(r)).append("**\n\n");
        out.append("| figure | value |\n|---|---|\n");
        row(out, "clients (closed loop, JDK HttpClient, HTTP/1.1, loopback)", r.clients());
        row(out, "planned / actual duration", r.plannedDuration().toSeconds() + " s / "
                + fmt(r.elapsed().toMillis() / 1000.0) + " s" + (r.poolExhausted() ? " (valid pool used up before the end: replays and attacks only after that)" : ""));
        row(out, "requests", r.requests());
        row(out, "throughput", fmt(r.throughput()) + " req/s");
        row(out, "latency p50 / p99 / max", fmt(r.latency().p50()) + " / " + fmt(r.latency().p99()) + " / "
                + fmt(r.latency().max()) + " ms");
        row(out, "wrong decisions", r.wrongDecisions());
        row(out, "unexpected errors", r.unexpectedErrors());
        row(out, "valid pool (pre-generated, distinct) / used", r.validPool() + " / " + r.validUsed()
                + " (generated in " + fmt(r.generation().toMillis() / 1000.0) + " s before the run)");
        row(out, "attack kinds", r.attackKinds());
        row(out, "oversized requests refused by closing the connection before the fault was read",
                r.oversizedCutOff());
        row(out, "server heap used: before (after GC) / max sampled / after (after GC)",
                fmt(r.start().heapUsed() / MB) + " / " + fmt(r.maxHeapUsed() / MB) + " / "
                        + fmt(r.afterGc().heapUsed() / MB) + " MB (-Xmx " + fmt(r.start().heapMax() / MB) + " MB; "
                        + r.samples() + " samples)");
        row(out, "replay cache entries: max sampled / at end (x509, saml) / limit", r.maxReplayCache() + " / "
                + r.end().replayCacheX509() + ", " + r.end().replayCacheSaml() + " / " + r.start().replayCacheLimit());
        row(out, "key reloads in force / replacements refused (e.g. read half-written)",
                r.end().reloaded() + " / " + r.end().reloadRejected());
        row(out, "X.509 responses signed by the old / new server key", r.responsesSignedByOldKey() + " / "
                + r.responsesSignedByNewKey());
        row(out, "server CPU per request", fmt(r.serverCpuNanos() / 1e6 / Math.max(1, r.requests())) + " ms");
        row(out, "client CPU per request", fmt(r.clientCpuNanos() / 1e6 / Math.max(1, r.requests())) + " ms");
        row(out, "cores / load average before / after", r.cores() + " / " + r.loadAverageBefore() + " / "
                + r.loadAverageAfter());
        out.append("\n## Requests by kind\n\n| kind | requests |\n|---|---|\n");
        r.requestsByKind().forEach((k, v) -> row(out, k, v));
        out.append("\n## Key rotation under load\n\n");
        r.rotation().forEach(line -> out.append("- ").append(line).append('\n'));
        list(out, "Wrong decisions (first 20)", r.wrongExamples());
        list(out, "Unexpected errors (first 20)", r.errorExamples());
        out.append("""

                ## How to read this

                - Client and server run on the same machine and share its cores: the clients (a separate
                  JVM) take CPU the server would otherwise have, so throughput is a lower bound for the
                  server alone. Every signature is made before the clock starts, so the clients only send
                  bytes and check answers. Server and client CPU per request are given above.
                - The server runs in its own JVM (`-Xmx512m`, G1); heap figures come from its
                  MemoryMXBean through `/stats`, which is outside the filter.
                - Valid requests: X.509-signed (8 client certificates) and SAML 2.0 holder-of-key (a
                  distinct subject each), each sent once and answered 200 naming exactly its principal.
                  Replays: requests the server already accepted (chosen among the last accepted ones, at
                  most 512 and an eighth of the cache bound, so their replay-cache entries are certain
                  to be present), answered `InvalidSecurity`.
                  Attacks: each answered with its own fault code, no principal, the application not run.
                  An oversized request (200 KB against `max-message-size: 64KiB`) is refused after the
                  limit; the server answers and closes the connection without reading the rest, so a
                  client still sending may see the connection closed instead of the fault (counted
                  above, not as an error).
                - When a policy's replay cache is full of live entries, a new valid message is refused
                  (fail closed) rather than forgetting an entry that could then be replayed. Size
                  `replay.memory.max-entries` for peak accepted rate x (`timestamp.max-age` + `future-skew`);
                  this run's bound is at least the valid pool, so no valid request meets a full cache.
                """);
        return out.toString();
    }

    static String json(LoadResult r) {
        return "{\n" + String.join(",\n", List.of(
                field("date", quote(LocalDate.now(ZoneOffset.UTC).toString())),
                field("passed", r.passed()),
                field("clients", r.clients()),
                field("plannedSeconds", r.plannedDuration().toSeconds()),
                field("elapsedSeconds", r.elapsed().toMillis() / 1000.0),
                field("requests", r.requests()),
                field("throughputPerSecond", round(r.throughput())),
                field("latencyMillis", "{\"p50\": " + round(r.latency().p50()) + ", \"p99\": " + round(r.latency().p99())
                        + ", \"max\": " + round(r.latency().max()) + "}"),
                field("wrongDecisions", r.wrongDecisions()),
                field("unexpectedErrors", r.unexpectedErrors()),
                field("oversizedCutOff", r.oversizedCutOff()),
                field("validPool", r.validPool()),
                field("validUsed", r.validUsed()),
                field("poolExhausted", r.poolExhausted()),
                field("requestsByKind", "{" + r.requestsByKind().entrySet().stream()
                        .map(e -> quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", ")) + "}"),
                field("serverHeapBytes", "{\"beforeAfterGc\": " + r.start().heapUsed() + ", \"maxSampled\": "
                        + r.maxHeapUsed() + ", \"afterAfterGc\": " + r.afterGc().heapUsed() + ", \"max\": "
                        + r.start().heapMax() + "}"),
                field("replayCache", "{\"limit\": " + r.start().replayCacheLimit() + ", \"maxSampled\": "
                        + r.maxReplayCache() + ", \"endX509\": " + r.end().replayCacheX509() + ", \"endSaml\": "
                        + r.end().replayCacheSaml() + "}"),
                field("keyReloads", r.end().reloaded()),
                field("keyReloadsRefused", r.end().reloadRejected()),
                field("responsesSignedByOldKey", r.responsesSignedByOldKey()),
                field("responsesSignedByNewKey", r.responsesSignedByNewKey()),
                field("rotation", "[" + r.rotation().stream().map(LoadReport::quote).collect(Collectors.joining(", "))
                        + "]"),
                field("serverCpuMillisPerRequest", round(r.serverCpuNanos() / 1e6 / Math.max(1, r.requests()))),
                field("clientCpuMillisPerRequest", round(r.clientCpuNanos() / 1e6 / Math.max(1, r.requests()))),
                field("cores", r.cores()),
                field("loadAverageBefore", quote(r.loadAverageBefore())),
                field("loadAverageAfter", quote(r.loadAverageAfter())))) + "\n}\n";
    }

    /** Enough of a certificate's base64 to recognise it in a response's BinarySecurityToken. */
    static String certificatePrefix(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded()).substring(0, 80);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n## ").append(title).append("\n\n");
            lines.forEach(line -> out.append("- `").append(line.replace('`', '\'').replace('\n', ' ')).append("`\n"));
        }
    }

    private static void row(StringBuilder out, String name, Object value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String field(String name, Object value) {
        return "  " + quote(name) + ": " + value;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
