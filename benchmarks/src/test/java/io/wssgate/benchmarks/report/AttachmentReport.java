package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The RESULTS.md section of the attachment benchmarks (issue 13, {@code RunAttachments}): one
 * signed request with one large SwA or MTOM attachment validated in JVMs limited to
 * {@code -Xmx128m} by WSS Gate, the floor and WSS4J as Apache CXF drives it; time, bytes
 * allocated per message, ratio to the floor with the 1.3× target at 10 MB, and whether each
 * system validated the largest request at all in that heap (a failure there is a result).
 * Reads {@code jmh-attachments-<size>.json}, {@link #HEAP} and {@link #RUN}.
 */
public final class AttachmentReport {
    /** JMH results, one file per attachment size. */
    public static final String RESULTS_PREFIX = "jmh-attachments-";
    /** The heap checks: system, format, size and what happened. */
    public static final String HEAP = "attachments-heap.json";
    /** When the attachment benchmarks ran and how busy the machine was. */
    public static final String RUN = "attachments-run.json";
    /** Issue 13: verification within 1.3× of the floor, at 10 MB. */
    static final double TARGET = 1.3;
    static final String TARGET_SIZE = "10MB";

    private static final List<String> SYSTEMS = List.of("ours", "floor", "wss4j");
    private static final List<String> FORMATS = List.of("SWA", "MTOM");

    private final List<JmhRun> runs;
    private final List<Map<String, Object>> heap;
    private final Map<String, Object> run;
    private final List<String> md = new ArrayList<>();

    private AttachmentReport(List<JmhRun> runs, List<Map<String, Object>> heap, Map<String, Object> run) {
        this.runs = runs;
        this.heap = heap;
        this.run = run;
    }

    /** The section's lines; none when the attachment benchmarks did not run. */
    @SuppressWarnings("unchecked")
    static List<String> render(Path results) throws IOException {
        List<JmhRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(RESULTS_PREFIX)).sorted().toList()) {
                runs.addAll(JmhRun.load(file));
            }
        }
        Path heapFile = results.resolve(HEAP);
        List<Map<String, Object>> heap = Files.exists(heapFile)
                ? (List<Map<String, Object>>) Json.parse(Files.readString(heapFile)) : List.of();
        Path runFile = results.resolve(RUN);
        Map<String, Object> run = Files.exists(runFile)
                ? (Map<String, Object>) Json.parse(Files.readString(runFile)) : Map.of();
        if (runs.isEmpty() && heap.isEmpty()) {
            return List.of();
        }
        AttachmentReport report = new AttachmentReport(runs, heap, run);
        report.intro();
        report.times();
        report.allocations();
        report.heapChecks();
        return report.md;
    }

    private void intro() {
        line("");
        line("## Attachments: one signed request with a large attachment");
        line("");
        String settings = runs.isEmpty() ? "" : " " + runs.get(0).settings() + ", forked JVM flags `"
                + String.join(" ", runs.get(0).jvmArgs()) + "`.";
        line("Run " + run.getOrDefault("started", "?") + " to " + run.getOrDefault("finished", "?") + ", load "
                + run.getOrDefault("loadStart", "?") + " → " + run.getOrDefault("loadEnd", "?") + "." + settings);
        line("");
        line("Each system validates the request from its bytes on disk, in a JVM started with `-Xmx128m`: *ours*"
                + " is the server exchange every WSS Gate transport uses (spool, strict MIME reading, the whole"
                + " envelope pipeline, attachments digested while streaming, coverage); the *floor* is SHA-256 over"
                + " what the signature covers, read from disk (SwA: the package's bytes; MTOM: their base64, as XOP"
                + " has it signed, a third more to digest) plus one RSA-2048 verification; *WSS4J* is WSS4J 3.0.5"
                + " as Apache CXF 4 drives it (the envelope parsed from memory, the attachment streamed to it through"
                + " its attachment callback, MTOM's xop:Include expanded for the signature). CXF itself with its"
                + " MIME stack was not run on these messages.");
    }

    private void times() {
        line("");
        line("Time per message (mean ± 99.9% error; below it the fastest measurement iteration) and ours ÷ floor"
                + " (target at " + TARGET_SIZE + ": at most " + TARGET + "×):");
        line("");
        line("| format | size | ours | floor | WSS4J (as CXF drives it) | ours ÷ floor | ours ÷ floor, best iterations | target |");
        line("|---|---|---|---|---|---|---|---|");
        for (Key key : keys()) {
            Optional<JmhRun> ours = find("ours", key);
            Optional<JmhRun> floor = find("floor", key);
            StringBuilder row = new StringBuilder("| " + key.format() + " | " + key.size() + " |");
            for (String system : SYSTEMS) {
                row.append(' ').append(find(system, key).map(r -> Report.nanos(m(r)) + "<br>best " + Report.time(r.best()))
                        .orElse("failed / not run")).append(" |");
            }
            Optional<Ratio> ratio = ours.flatMap(o -> floor.map(f -> m(o).over(m(f))));
            row.append(' ').append(ratio.map(Ratio::toString).orElse("–")).append(" | ")
                    .append(ours.flatMap(o -> floor.map(f -> String.format(Locale.ROOT, "%.2f×", o.best() / f.best())))
                            .orElse("–")).append(" | ")
                    .append(key.size().equals(TARGET_SIZE) ? verdict(ratio) : "–").append(" |");
            line(row.toString());
        }
    }

    /** Met when the mean ratio is within the target; else by how much it is missed. */
    static String verdict(Optional<Ratio> ratio) {
        if (ratio.isEmpty()) {
            return "**missed** (no result)";
        }
        double value = ratio.get().value();
        return value <= TARGET ? "met" : String.format(Locale.ROOT, "**missed** by %.0f%%", (value / TARGET - 1) * 100);
    }

    private void allocations() {
        line("");
        line("Allocated per message (B/op, `gc.alloc.rate.norm`), and as a share of the attachment:");
        line("");
        line("| format | size | ours | floor | WSS4J (as CXF drives it) |");
        line("|---|---|---|---|---|");
        for (Key key : keys()) {
            StringBuilder row = new StringBuilder("| " + key.format() + " | " + key.size() + " |");
            for (String system : SYSTEMS) {
                row.append(' ').append(find(system, key).map(r -> Report.number(r.bytes(), "%,.0f") + " ("
                        + Report.bytes(r.bytes()) + share(r.bytes(), key.size()) + ")").orElse("–")).append(" |");
            }
            line(row.toString());
        }
    }

    private static String share(double bytes, String size) {
        double attachment = sizeBytes(size);
        return Double.isNaN(bytes) || attachment <= 0 ? ""
                : String.format(Locale.ROOT, ", %.1f%% of the attachment", 100 * bytes / attachment);
    }

    private void heapChecks() {
        if (heap.isEmpty()) {
            return;
        }
        line("");
        line("Validated at all under `-Xmx128m` (a fresh JVM per system and format validates the request twice;"
                + " the time is the second):");
        line("");
        line("| format | size | ours | WSS4J (as CXF drives it) |");
        line("|---|---|---|---|");
        for (String format : FORMATS) {
            List<Map<String, Object>> rows = heap.stream().filter(h -> format.equals(h.get("format"))).toList();
            if (rows.isEmpty()) {
                continue;
            }
            line("| " + format + " | " + rows.get(0).get("size") + " | " + check(rows, "ours") + " | "
                    + check(rows, "wss4j") + " |");
        }
    }

    private static String check(List<Map<String, Object>> rows, String system) {
        return rows.stream().filter(h -> system.equals(h.get("system"))).map(h -> h.get("result").toString())
                .map(r -> r.startsWith("validated ") ? "validated in " + r.substring("validated ".length()) + " ms"
                        : "**failed**: " + r.replaceFirst("^failed:? ?", ""))
                .findFirst().orElse("not run");
    }

    /** A row: the request's format and attachment size. */
    private record Key(String format, String size) {
    }

    /** Format and size of every benchmark that ran, SwA first, smaller first. */
    private List<Key> keys() {
        return runs.stream().map(r -> new Key(r.param("format"), r.param("size"))).filter(k -> !k.format().isEmpty())
                .distinct().sorted(Comparator.<Key>comparingInt(k -> FORMATS.indexOf(k.format()))
                        .thenComparingDouble(k -> sizeBytes(k.size())))
                .toList();
    }

    private Optional<JmhRun> find(String system, Key key) {
        return runs.stream().filter(r -> r.param("system").equals(system) && r.param("format").equals(key.format())
                && r.param("size").equals(key.size())).findFirst();
    }

    /** {@code 10MB} → 10,000,000 (decimal, as the benchmark names its sizes). */
    private static double sizeBytes(String size) {
        try {
            return Double.parseDouble(size.replace("MB", "")) * 1e6;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Measurement m(JmhRun r) {
        return r.measurement("inbound", r.param("system"));
    }

    private void line(String text) {
        md.add(text);
    }
}
