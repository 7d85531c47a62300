package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The RESULTS.md section of the exchange benchmarks ({@code benchmarks/run.sh exchange}): one
 * request through the JAX-WS endpoint path and through the filter, in process; the filter
 * against the core alone; the Metro endpoint against the unsecured endpoint plus the core alone; and, when {@code results/baseline/} holds an earlier exchange run (the
 * code before a change), every benchmark against it. Reads {@code jmh-exchange.json} and
 * {@code exchange-run.json} (when, which commit, how busy the machine was).
 */
public final class ExchangeReport {
    /** The JMH results of the exchange benchmarks. */
    public static final String RESULTS = "jmh-exchange.json";
    /** When they ran, on which commit, how busy the machine was. */
    public static final String RUN = "exchange-run.json";
    /** The directory (under results/) of the run to compare with: both files above, from other code. */
    public static final String BASELINE = "baseline";
    /** The most the Metro endpoint may take over the unsecured endpoint plus the core alone (issue 16). */
    static final double ENDPOINT_TARGET = 1.2;

    /** The rows, in order: benchmark method and {@code response} parameter, and what the row is called. */
    private static final List<String[]> PATHS = List.of(
            new String[] {"handler", "", "JAX-WS handler on SAAJ"},
            new String[] {"metro", "", "Metro endpoint"},
            new String[] {"unsecuredMetro", "", "Metro endpoint, no security"},
            new String[] {"filter", "plain", "filter"},
            new String[] {"filter", "secured", "filter, signed response"},
            new String[] {"pipeline", "plain", "core alone"},
            new String[] {"pipeline", "secured", "core alone, signed response"});

    private final List<JmhRun> runs;
    private final Map<String, Object> run;
    private final List<JmhRun> baseline;
    private final Map<String, Object> baselineRun;
    private final List<String> md = new ArrayList<>();

    private ExchangeReport(Path results) throws IOException {
        this.runs = JmhRun.load(results.resolve(RESULTS));
        this.run = json(results.resolve(RUN));
        this.baseline = JmhRun.load(results.resolve(BASELINE).resolve(RESULTS));
        this.baselineRun = json(results.resolve(BASELINE).resolve(RUN));
    }

    /** The section's lines; none when there are no exchange results. */
    static List<String> render(Path results) throws IOException {
        ExchangeReport report = new ExchangeReport(results);
        if (report.runs.isEmpty()) {
            return List.of();
        }
        report.times();
        report.filterOverCore();
        report.endpointOverReference();
        report.againstBaseline();
        return report.md;
    }

    private void times() {
        JmhRun any = runs.get(0);
        line("");
        line("## Exchange: the JAX-WS endpoint path and the filter path, in process");
        line("");
        line("Written by `benchmarks/run.sh exchange` (and by every full run); " + describe(run) + ". "
                + any.settings() + ", forked JVM flags `" + String.join(" ", any.jvmArgs()) + "`.");
        line("");
        line("One signed request from its wire bytes to the response's wire bytes (see docs/contributing.md,"
                + " *Benchmarks*): the JAX-WS handler on a runtime's SAAJ message; an endpoint annotated with"
                + " `@WssGateEndpoint` on Metro through Metro's own HTTP adapter (WSS Gate's codec and handler,"
                + " JAXB, the endpoint), and the same endpoint without WSS Gate on the unsigned request; the filter's `doFilter` on an in-memory request and response in front of"
                + " an application that reads the body; and the core alone (validate, then sign the answer if the"
                + " policy does) as the reference for the filter. The application answers a short acknowledgement"
                + " naming its caller; the JAX-WS paths always sign it.");
        line("");
        line("| path | scenario | size | time per request (mean ± 99.9% error) | best iteration | allocated |");
        line("|---|---|---|---|---|---|");
        for (String[] path : PATHS) {
            for (JmhRun r : of(runs, path)) {
                line("| " + path[2] + " | " + scenario(r) + " | " + r.param("size") + " | "
                        + Report.nanos(m(r)) + " | " + Report.time(r.best()) + " | " + Report.bytes(r.bytes()) + " |");
            }
        }
    }

    private void filterOverCore() {
        line("");
        line("What the filter and its exchange cost on top of the core (same run, same request and answer):");
        line("");
        line("| scenario | size | response | filter | core alone | filter − core | filter ÷ core |");
        line("|---|---|---|---|---|---|---|");
        for (JmhRun filter : runs.stream().filter(r -> r.method().equals("filter")).toList()) {
            find(runs, "pipeline", filter).ifPresent(core -> {
                double difference = filter.nanos() - core.nanos();
                double error = Math.hypot(filter.nanosError(), core.nanosError());
                line("| " + filter.param("scenario") + " | " + filter.param("size") + " | " + filter.param("response")
                        + " | " + Report.time(filter.nanos()) + " | " + Report.time(core.nanos()) + " | "
                        + String.format(Locale.ROOT, "%+,.1f ± %,.1f µs", difference / 1e3, error / 1e3) + " | "
                        + m(filter).over(m(core)) + " |");
            });
        }
    }

    /**
     * Issue 16's target for the Metro endpoint: at most {@value #ENDPOINT_TARGET}× the CPU of the
     * same endpoint without security plus the core alone validating the request and signing the
     * answer, all from this run (in process, one thread: time per request is CPU per request).
     */
    private void endpointOverReference() {
        List<JmhRun> endpoints = runs.stream().filter(r -> r.method().equals("metro")).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        line("");
        line("The Metro endpoint against its reference: the same endpoint without security (same Body size,"
                + " unsigned) plus the core alone validating the request and signing the answer, same run;"
                + " target at most " + ENDPOINT_TARGET + "× (issue 16):");
        line("");
        line("| scenario | size | Metro endpoint | unsecured endpoint | core alone, signed response | endpoint ÷ (unsecured + core) | best iterations | target | verdict |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (JmhRun endpoint : endpoints) {
            Optional<JmhRun> unsecured = runs.stream().filter(r -> r.method().equals("unsecuredMetro")
                    && r.param("size").equals(endpoint.param("size"))).findFirst();
            Optional<JmhRun> core = runs.stream().filter(r -> r.method().equals("pipeline")
                    && r.param("response").equals("secured") && r.param("scenario").equals(endpoint.param("scenario"))
                    && r.param("size").equals(endpoint.param("size"))).findFirst();
            if (unsecured.isEmpty() || core.isEmpty()) {
                continue;
            }
            double reference = unsecured.get().nanos() + core.get().nanos();
            double referenceError = Math.hypot(unsecured.get().nanosError(), core.get().nanosError());
            double ratio = endpoint.nanos() / reference;
            double error = ratio * Math.hypot(endpoint.nanosError() / endpoint.nanos(), referenceError / reference);
            double best = endpoint.best() / (unsecured.get().best() + core.get().best());
            line("| " + endpoint.param("scenario") + " | " + endpoint.param("size") + " | " + Report.time(endpoint.nanos())
                    + " | " + Report.time(unsecured.get().nanos()) + " | " + Report.time(core.get().nanos()) + " | "
                    + new Ratio(ratio, error) + " | " + String.format(Locale.ROOT, "%.2f×", best) + " | ≤ "
                    + ENDPOINT_TARGET + "× | " + (ratio <= ENDPOINT_TARGET ? "met" : "missed") + " |");
        }
    }

    private void againstBaseline() {
        line("");
        if (baseline.isEmpty()) {
            line("No baseline: `results/" + BASELINE + "/` holds no earlier exchange run to compare with.");
            return;
        }
        if (run.get("started") != null && run.get("started").equals(baselineRun.get("started"))) {
            line("The baseline in `results/" + BASELINE + "/` is this run itself (" + describe(baselineRun) + ").");
            return;
        }
        line("Against the baseline in `results/" + BASELINE + "/` (" + describe(baselineRun) + "); a ratio above 1"
                + " is slower now. Both runs shared the machine with other work: read a change as real only when"
                + " both ratios agree and the error leaves it clear of 1.");
        line("");
        line("| path | scenario | size | baseline | this run | this ÷ baseline (means) | this ÷ baseline (best iterations) |");
        line("|---|---|---|---|---|---|---|");
        for (String[] path : PATHS) {
            for (JmhRun now : of(runs, path)) {
                find(baseline, now.method(), now).ifPresent(before -> line("| " + path[2] + " | "
                        + now.param("scenario") + " | " + now.param("size") + " | " + Report.nanos(m(before)) + " | "
                        + Report.nanos(m(now)) + " | " + m(now).over(m(before)) + " | "
                        + String.format(Locale.ROOT, "%.2f×", now.best() / before.best()) + " |"));
            }
        }
    }

    /** The row's scenario; the unsecured endpoint has none. */
    private static String scenario(JmhRun r) {
        return r.param("scenario").isEmpty() ? "none" : r.param("scenario");
    }

    private static List<JmhRun> of(List<JmhRun> runs, String[] path) {
        return runs.stream().filter(r -> r.method().equals(path[0]) && r.param("response").equals(path[1])).toList();
    }

    /** The run of {@code method} with the same scenario, size and response as {@code like}. */
    private static Optional<JmhRun> find(List<JmhRun> runs, String method, JmhRun like) {
        return runs.stream().filter(r -> r.method().equals(method) && r.params().equals(like.params())).findFirst();
    }

    private static Measurement m(JmhRun r) {
        return r.measurement("exchange", r.method());
    }

    private static String describe(Map<String, Object> run) {
        return "run " + run.getOrDefault("started", "?") + " to " + run.getOrDefault("finished", "?")
                + ", commit " + run.getOrDefault("commit", "?") + ", load " + run.getOrDefault("loadStart", "?")
                + " → " + run.getOrDefault("loadEnd", "?");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return Files.exists(file) ? (Map<String, Object>) Json.parse(Files.readString(file)) : Map.of();
    }

    private void line(String text) {
        md.add(text);
    }
}
