package io.wssgate.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The HTTP end-to-end benchmark in RESULTS.md ({@code e2e.json}, written by {@code EndToEnd}):
 * its methodology, every measured window, the ratios per concurrency, and the two HTTP
 * targets, judged at the highest concurrency (the server's core is saturated there):
 * <ul>
 * <li>filter: server CPU per request at most 1.10 × (in-process validation + plain servlet);</li>
 * <li>Metro endpoint with WSS Gate's handler: at least 2× CXF's requests per second, and CPU per
 * request at most 1.2 × (unsecured Metro endpoint + in-process validation).</li>
 * </ul>
 */
public final class EndToEndReport {
    static final double FILTER_OVER_PARTS = 1.10;
    static final double HANDLER_OVER_CXF = 2.0;
    static final double HANDLER_OVER_PARTS = 1.2;
    private static final String CPU = "serverCpuNsPerRequest";
    private static final String RATE = "perSecond";

    private final Map<String, Object> e2e;

    private EndToEndReport(Map<String, Object> e2e) {
        this.e2e = e2e;
    }

    /** The target rows; none without results. */
    public static List<Verdict> verdicts(Map<String, Object> e2e) {
        List<Verdict> verdicts = new ArrayList<>();
        if (e2e == null) {
            return verdicts;
        }
        EndToEndReport r = new EndToEndReport(e2e);
        double top = r.concurrencies().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        for (String size : Targets.SIZES) {
            for (String scenario : Targets.SCENARIOS) {
                r.filterRatio(scenario, size, top).ifPresent(ratio -> verdicts.add(new Verdict(
                        "HTTP " + scenario + " " + size + ": filter server CPU per request at most " + FILTER_OVER_PARTS
                                + "× (in-process validation + plain servlet)",
                        r.parts(scenario, size, top, "filter", "servlet", ratio), ratio <= FILTER_OVER_PARTS,
                        Targets.percent(ratio / FILTER_OVER_PARTS - 1), Optional.empty())));
                r.overCxf(scenario, size, top).ifPresent(ratio -> verdicts.add(new Verdict(
                        "HTTP " + scenario + " " + size + ": Metro endpoint with WSS Gate's handler, throughput at least "
                                + HANDLER_OVER_CXF + "× CXF's secured endpoint",
                        String.format(Locale.ROOT, "%,.0f vs %,.0f req/s: %.2f×", r.figure("metro-wssgate", scenario,
                                size, top, RATE), r.figure("cxf-wss4j", scenario, size, top, RATE), ratio),
                        ratio >= HANDLER_OVER_CXF, Targets.percent(1 - ratio / HANDLER_OVER_CXF), Optional.empty())));
                r.handlerRatio(scenario, size, top).ifPresent(ratio -> verdicts.add(new Verdict(
                        "HTTP " + scenario + " " + size + ": Metro endpoint with WSS Gate's handler, server CPU per"
                                + " request at most " + HANDLER_OVER_PARTS + "× (unsecured Metro endpoint + in-process"
                                + " validation)",
                        r.parts(scenario, size, top, "metro-wssgate", "metro", ratio), ratio <= HANDLER_OVER_PARTS,
                        Targets.percent(ratio / HANDLER_OVER_PARTS - 1), Optional.empty())));
            }
        }
        return verdicts;
    }

    /** The section's lines. */
    static List<String> render(Map<String, Object> e2e) {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("## HTTP end to end: each server in a JVM of its own, the load generator on another core");
        md.add("");
        if (e2e == null) {
            md.add("Not run yet: `benchmarks/run.sh http` (or a full run) writes it.");
            return md;
        }
        new EndToEndReport(e2e).write(md);
        return md;
    }

    private void write(List<String> md) {
        md.add("Written by `benchmarks/run.sh http` (and by every full run): run " + e2e.get("started") + " to "
                + e2e.get("finished") + "; load averages " + e2e.get("loadStart") + " before, " + e2e.get("loadEnd")
                + " after; " + e2e.get("cpu") + ", " + e2e.get("cores") + " cores, " + e2e.get("memory") + ".");
        md.add("");
        md.add("- **Pinning**: " + e2e.get("pinning") + ". Server JVM flags `" + e2e.get("serverFlags")
                + "`, load generator `" + e2e.get("loadFlags") + "`. Each server variant (and each scenario and size)"
                + " is a JVM of its own, so JIT and heap are its own; Jetty 12 at its defaults serves a web"
                + " application deployed from web.xml (and sun-jaxws.xml for Metro), as users deploy it.");
        md.add("- **Load**: a closed loop on keep-alive HTTP/1.1 connections, one per caller, at concurrencies "
                + concurrencies().stream().map(c -> String.format(Locale.ROOT, "%.0f", c)).toList() + "; a warm-up of "
                + e2e.get("warmUpSeconds") + " s at the highest, then per concurrency " + e2e.get("settleSeconds")
                + " s to settle and " + e2e.get("measureSeconds") + " s measured. The client writes raw requests on a"
                + " blocking socket straight from a memory-mapped file of messages (no HTTP client library's threads or"
                + " copies), so its CPU per request stays small; its share of its core is in the table. Where"
                + " that share nears 100% (the plain servlet at high concurrency) the request rate is the client's"
                + " limit, not the server's; the server's CPU per request is its own either way.");
        md.add("- **Messages**: signed before the first server starts, each with its own Timestamp (Created one"
                + " millisecond apart) and ids: replay detection stays on in every secured server (WSS Gate's replay"
                + " cache raised to hold every message of a run, CXF's caches at their defaults), so no message is"
                + " sent twice to one server. The unsecured servers get one X.509 message of the size, repeated, with"
                + " its Security header marked `mustUnderstand=\"0\"` so that Metro without security may ignore it."
                + " Every answer must be HTTP 200 with the acknowledgement (naming the caller when secured); any"
                + " other answer fails the run.");
        md.add("- **CPU per request**: the server JVM's process CPU time (all threads: Jetty, security, application,"
                + " GC, JIT), read from `/stats` (outside every security mapping) just before and after the window,"
                + " divided by the requests answered in it. **In-process validation**: the same messages handed to"
                + " `PolicyRuntime.validate` by one thread in a JVM pinned to the server's core, process CPU per"
                + " validation, same configuration.");
        md.add("");
        md.add("| server | scenario | size (request) | concurrency | req/s | p50 / p99 | server CPU/request | server core busy"
                + " | client CPU/request | client core busy | window | errors |");
        md.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Map<?, ?> run : list(e2e.get("runs"))) {
            for (Map<?, ?> w : list(run.get("windows"))) {
                md.add("| " + run.get("label") + " | " + run.get("scenario") + " | " + run.get("size")
                        + requestBytes(run) + " | "
                        + Report.number(Json.number(w.get("concurrency")), "%.0f") + " | "
                        + Report.number(Json.number(w.get(RATE)), "%,.0f") + " | "
                        + Report.number(Json.number(w.get("p50Ms")), "%.2f") + " / "
                        + Report.number(Json.number(w.get("p99Ms")), "%.2f") + " ms | "
                        + Report.time(Json.number(w.get(CPU))) + " | "
                        + Report.number(100 * Json.number(w.get("serverCpuShare")), "%.0f%%") + " | "
                        + Report.time(Json.number(w.get("clientCpuNsPerRequest"))) + " | "
                        + Report.number(100 * Json.number(w.get("clientCpuShare")), "%.0f%%") + " | "
                        + Report.number(Json.number(w.get("seconds")), "%.1f s") + ", "
                        + Report.number(Json.number(w.get("requests")), "%,.0f")
                        + (Boolean.TRUE.equals(w.get("poolUsedUp")) ? " (its share of the pool used up)" : "") + " | "
                        + Report.number(Json.number(w.get("errors")), "%.0f") + " |");
            }
        }
        md.add("");
        md.add("Ratios per concurrency (the targets above are judged at the highest):");
        md.add("");
        md.add("| scenario | size | concurrency | in-process validation CPU | filter ÷ (servlet + in process), CPU"
                + " | Metro + WSS Gate ÷ CXF, req/s | Metro + WSS Gate ÷ (Metro + in process), CPU |");
        md.add("|---|---|---|---|---|---|---|");
        for (String size : Targets.SIZES) {
            for (String scenario : Targets.SCENARIOS) {
                for (double c : concurrencies()) {
                    if (inProcess(scenario, size).isEmpty()) {
                        continue;
                    }
                    md.add("| " + scenario + " | " + size + " | " + String.format(Locale.ROOT, "%.0f", c) + " | "
                            + Report.time(inProcess(scenario, size).getAsDouble()) + " | "
                            + ratio(filterRatio(scenario, size, c)) + " | " + ratio(overCxf(scenario, size, c)) + " | "
                            + ratio(handlerRatio(scenario, size, c)) + " |");
                }
            }
        }
        List<?> failures = (List<?>) e2e.getOrDefault("failures", List.of());
        if (!failures.isEmpty()) {
            md.add("");
            md.add("**Wrong answers (the run failed):**");
            failures.forEach(f -> md.add("- " + String.valueOf(f).replace("\n", " ")));
        }
    }

    private Optional<Double> filterRatio(String scenario, String size, double c) {
        return over("filter", "servlet", scenario, size, c);
    }

    private Optional<Double> handlerRatio(String scenario, String size, double c) {
        return over("metro-wssgate", "metro", scenario, size, c);
    }

    /** CPU per request of {@code secured} ÷ (CPU per request of {@code plain} + in-process validation). */
    private Optional<Double> over(String secured, String plain, String scenario, String size, double c) {
        double s = figure(secured, scenario, size, c, CPU);
        double p = figure(plain, "any", size, c, CPU);
        OptionalDouble validation = inProcess(scenario, size);
        if (Double.isNaN(s) || Double.isNaN(p) || validation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(s / (p + validation.getAsDouble()));
    }

    private Optional<Double> overCxf(String scenario, String size, double c) {
        double ours = figure("metro-wssgate", scenario, size, c, RATE);
        double cxf = figure("cxf-wss4j", scenario, size, c, RATE);
        return Double.isNaN(ours) || Double.isNaN(cxf) ? Optional.empty() : Optional.of(ours / cxf);
    }

    private String parts(String scenario, String size, double c, String secured, String plain, double ratio) {
        return String.format(Locale.ROOT, "%s vs %s + %s: %.2f×", Report.time(figure(secured, scenario, size, c, CPU)),
                Report.time(figure(plain, "any", size, c, CPU)), Report.time(inProcess(scenario, size).getAsDouble()),
                ratio);
    }

    private double figure(String variant, String scenario, String size, double concurrency, String key) {
        for (Map<?, ?> run : list(e2e.get("runs"))) {
            if (variant.equals(run.get("variant")) && scenario.equals(run.get("scenario")) && size.equals(run.get("size"))) {
                for (Map<?, ?> w : list(run.get("windows"))) {
                    if (Json.number(w.get("concurrency")) == concurrency) {
                        return Json.number(w.get(key));
                    }
                }
            }
        }
        return Double.NaN;
    }

    private OptionalDouble inProcess(String scenario, String size) {
        return list(e2e.get("inProcess")).stream()
                .filter(v -> scenario.equals(v.get("scenario")) && size.equals(v.get("size")))
                .mapToDouble(v -> Json.number(v.get("cpuNsPerValidation"))).findFirst();
    }

    private List<Double> concurrencies() {
        return ((List<?>) e2e.getOrDefault("concurrencies", List.of())).stream().map(Json::number).toList();
    }

    private static String requestBytes(Map<?, ?> run) {
        double bytes = Json.number(run.get("messageBytes"));
        return Double.isNaN(bytes) ? "" : String.format(Locale.ROOT, " (%,.0f bytes)", bytes);
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("–");
    }

    private static List<Map<?, ?>> list(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    out.add(map);
                }
            }
        }
        return out;
    }
}
