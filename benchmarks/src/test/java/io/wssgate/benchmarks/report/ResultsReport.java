package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes RESULTS.md from a results directory (JMH JSON files, the HTTP end-to-end run, the machine
 * description, profiles of missed targets, the exchange benchmarks ({@link ExchangeReport}), the
 * attachment benchmarks ({@link AttachmentReport}), optional hand-written NOTES.md). Runs at the end
 * of {@code benchmarks/run.sh}; can be rerun on stored results:
 * {@code ResultsReport <results-dir> <RESULTS.md>}.
 */
public final class ResultsReport {
    static final List<String> SYSTEMS = List.of("ours", "cxf", "wss4j", "floor");
    private static final int PROFILE_LINES = 18;

    private final Path results;
    private final StringBuilder md = new StringBuilder();

    private ResultsReport(Path results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]));
    }

    public static void write(Path results, Path out) throws IOException {
        Files.writeString(out, new ResultsReport(results).render());
    }

    @SuppressWarnings("unchecked")
    private String render() throws IOException {
        JmhResults main = JmhResults.load(results.resolve("jmh-main.json"));
        JmhResults large = JmhResults.load(results.resolve("jmh-large.json"));
        JmhResults heap = JmhResults.load(results.resolve("jmh-heap256.json"));
        List<Measurement> timed = new ArrayList<>(main.measurements());
        timed.addAll(large.measurements());
        Map<String, Object> machine = jsonFile("machine.json").orElse(Map.of());
        Map<String, Object> e2e = jsonFile("e2e.json").orElse(null);
        List<Verdict> verdicts = new ArrayList<>(Targets.evaluate(timed, heap, e2e));
        verdicts.addAll(ScalingReport.verdicts(results));

        line("# Benchmark results");
        line("");
        line("Written by `benchmarks/run.sh` (see docs/contributing.md, *Benchmarks*); raw data in `benchmarks/results/`.");
        line("Run started " + machine.getOrDefault("started", "?") + ", finished " + machine.getOrDefault("finished", "?")
                + ". All numbers are from this one run, on this machine.");
        machineSection(machine, main, large, heap);
        targetsSection(verdicts);
        ratiosSection(timed);
        timesSection("Inbound: validating one signed request", "inbound", timed);
        line("");
        line("*Bare WSS4J* is WSS4J with the checks it can do that ours also does: a secure JDK parse,"
                + " `WSSecurityEngine` with the trust store, an `AlgorithmSuite` with WSS Gate's default algorithms and"
                + " minimum key sizes (message and SAML), Timestamp TTL and SAML audience, and the Body and Timestamp"
                + " required among the signed elements. It has no bounds on the parse beyond the JDK's (size, depth,"
                + " element count) and none of what WSS4J cannot do (duplicate IDs, token references, header layout,"
                + " key usage, replay detection, the stricter SAML rules).");
        timesSection("Outbound: securing one message", "outbound", timed);
        heapSection(heap);
        ScalingReport.render(results).forEach(this::line);
        EndToEndReport.render(e2e).forEach(this::line);
        profilesSection(verdicts);
        ExchangeReport.render(results).forEach(this::line);
        AttachmentReport.render(results).forEach(this::line);
        Path notes = results.resolve("NOTES.md");
        if (Files.exists(notes)) {
            line("");
            md.append(Files.readString(notes));
        }
        return md.toString();
    }

    private void machineSection(Map<String, Object> machine, JmhResults main, JmhResults large, JmhResults heap) {
        line("");
        line("## Machine and JVM");
        line("");
        line("| | |");
        line("|---|---|");
        for (String key : List.of("cpu", "cores", "memory", "os", "loadStart", "loadEnd")) {
            if (machine.containsKey(key)) {
                line("| " + key + " | " + machine.get(key) + " |");
            }
        }
        line("| JVM | " + main.jvm() + " |");
        line("| JMH | 1.37, mode: average time per operation, `-prof gc` for allocation |");
        line("| forked JVM flags | `" + String.join(" ", main.jvmArgs()) + "` |");
        line("| 1 KB and 100 KB | " + main.settings() + " |");
        line("| 10 MB | " + large.settings() + " |");
        line("| 10 MB under a 256 MB heap | " + heap.settings() + ", flags `" + String.join(" ", heap.jvmArgs()) + "` |");
        line("");
        line("The machine is shared (other builds may run during the benchmark): the load averages above bracket"
                + " the run, and the ± columns are JMH's 99.9% confidence intervals.");
    }

    private void targetsSection(List<Verdict> verdicts) {
        line("");
        line("## Targets");
        line("");
        line("Ratios are time per message (ours ÷ other); *throughput × CXF* is CXF's time ÷ ours. The verdict"
                + " is on JMH's mean per benchmark, with the error propagated from both measurements. Because the"
                + " machine is shared, the last column gives the same ratio for each benchmark's fastest measurement"
                + " iteration, the one least disturbed by other work.");
        line("");
        line("| target | measured (means) | verdict | ratio of best iterations |");
        line("|---|---|---|---|");
        for (Verdict v : verdicts) {
            line("| " + v.target() + " | " + v.measured() + " | " + v.verdict() + " | " + v.bestIterations() + " |");
        }
    }

    private void ratiosSection(List<Measurement> timed) {
        line("");
        line("## Ratios");
        line("");
        line("| direction | scenario | size | ours ÷ floor | throughput × CXF | throughput × bare WSS4J | CXF ÷ floor |");
        line("|---|---|---|---|---|---|---|");
        for (String direction : List.of("inbound", "outbound")) {
            for (String scenario : Targets.SCENARIOS) {
                for (String size : Targets.SIZES) {
                    Optional<Measurement> ours = Targets.find(timed, direction, "ours", scenario, size);
                    if (ours.isEmpty()) {
                        continue;
                    }
                    Function<String, String> over = system -> Targets.find(timed, direction, system, scenario, size)
                            .map(m -> ours.get().over(m).toString()).orElse("–");
                    Function<String, String> under = system -> Targets.find(timed, direction, system, scenario, size)
                            .map(m -> m.over(ours.get()).toString()).orElse("–");
                    String cxfOverFloor = Targets.find(timed, direction, "cxf", scenario, size)
                            .flatMap(c -> Targets.find(timed, direction, "floor", scenario, size).map(f -> c.over(f).toString()))
                            .orElse("–");
                    line("| " + direction + " | " + scenario + " | " + size + " | " + over.apply("floor") + " | "
                            + under.apply("cxf") + " | " + under.apply("wss4j") + " | " + cxfOverFloor + " |");
                }
            }
        }
    }

    private void timesSection(String title, String direction, List<Measurement> timed) {
        line("");
        line("## " + title);
        line("");
        line("Time per message (mean ns/op ± 99.9% error; below it the fastest measurement iteration):");
        line("");
        line("| scenario | size | ours | CXF 4.0.10 | bare WSS4J | floor |");
        line("|---|---|---|---|---|---|");
        table(direction, timed, m -> Report.nanos(m) + "<br>best " + Report.time(m.best()));
        line("");
        line("Allocated per message (B/op, `gc.alloc.rate.norm`):");
        line("");
        line("| scenario | size | ours | CXF 4.0.10 | bare WSS4J | floor |");
        line("|---|---|---|---|---|---|");
        table(direction, timed, m -> Report.number(m.bytes(), "%,.0f") + " (" + Report.bytes(m.bytes()) + ")");
    }

    private void table(String direction, List<Measurement> timed, Function<Measurement, String> cell) {
        for (String scenario : Targets.SCENARIOS) {
            for (String size : Targets.SIZES) {
                StringBuilder row = new StringBuilder("| " + scenario + " | " + size + " |");
                for (String system : SYSTEMS) {
                    row.append(' ').append(Targets.find(timed, direction, system, scenario, size).map(cell)
                            .orElse("failed / not run")).append(" |");
                }
                line(row.toString());
            }
        }
    }

    private void heapSection(JmhResults heap) {
        line("");
        line("## 10 MB requests with a 256 MB heap");
        line("");
        line("Every system validating the 10 MB request in a JVM started with `-Xmx256m` (setup proofs included:"
                + " the valid message passes and the tampered one fails in the same heap).");
        line("");
        line("| scenario | ours | CXF 4.0.10 | bare WSS4J | floor |");
        line("|---|---|---|---|---|");
        for (String scenario : Targets.SCENARIOS) {
            StringBuilder row = new StringBuilder("| " + scenario + " |");
            for (String system : SYSTEMS) {
                row.append(' ').append(heap.find("inbound", system, scenario, "10MB")
                        .map(m -> "validated, " + Report.time(m.nanos()) + ", " + Report.bytes(m.bytes()) + "/op")
                        .orElse("**failed**")).append(" |");
            }
            line(row.toString());
        }
    }

    private void profilesSection(List<Verdict> verdicts) throws IOException {
        List<Verdict.ProfileKey> missed = verdicts.stream().filter(v -> !v.met() && v.profile().isPresent())
                .map(v -> v.profile().get()).distinct().toList();
        if (missed.isEmpty()) {
            return;
        }
        line("");
        line("## What the profiles show for missed targets");
        line("");
        line("JMH's stack profiler on our side of missed comparisons (hottest top-of-stack methods of the"
                + " benchmark thread while RUNNABLE; at most a few profile runs, 100 KB first).");
        List<Verdict.ProfileKey> unprofiled = new ArrayList<>();
        for (Verdict.ProfileKey key : missed) {
            Path file = results.resolve(key.fileName());
            if (!Files.exists(file)) {
                unprofiled.add(key);
                continue;
            }
            line("");
            line("### ours, " + key.direction() + " " + key.scenario() + " " + key.size());
            line("");
            line("```");
            runnable(Files.readAllLines(file)).forEach(this::line);
            line("```");
        }
        if (!unprofiled.isEmpty()) {
            line("");
            line("Not profiled in this run: " + String.join(", ", unprofiled.stream()
                    .map(k -> k.direction() + " " + k.scenario() + " " + k.size()).toList()) + ".");
        }
    }

    /** The RUNNABLE section of a stack profile, without the long dotted rulers. */
    static List<String> runnable(List<String> profile) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : profile) {
            if (l.contains("[Thread state: RUNNABLE]")) {
                in = true;
                continue;
            }
            if (in && (l.contains("[Thread state:") || out.size() >= PROFILE_LINES)) {
                break;
            }
            if (in && !l.isBlank()) {
                out.add(l.stripTrailing());
            }
        }
        return out.isEmpty() ? profile.stream().limit(PROFILE_LINES).toList() : out;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> jsonFile(String name) throws IOException {
        Path file = results.resolve(name);
        return Files.exists(file) ? Optional.of((Map<String, Object>) Json.parse(Files.readString(file)))
                : Optional.empty();
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
