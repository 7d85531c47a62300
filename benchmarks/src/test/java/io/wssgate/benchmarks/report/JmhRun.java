package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark of a JMH JSON result file (as written with {@code -rf json}), whatever its
 * parameters: the time per operation with JMH's 99.9% error, the fastest measurement iteration,
 * the bytes allocated per operation ({@code gc.alloc.rate.norm}, NaN without -prof gc), and the
 * JVM and iteration settings JMH recorded.
 */
public record JmhRun(String benchmark, Map<String, String> params, double nanos, double nanosError, double best,
                     double bytes, int samples, String jvm, List<String> jvmArgs, String settings) {

    /** Every benchmark in the file; none if there is no file. */
    public static List<JmhRun> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return ((List<?>) Json.parse(Files.readString(file))).stream().map(e -> of((Map<?, ?>) e)).toList();
    }

    private static JmhRun of(Map<?, ?> run) {
        Map<String, String> params = new LinkedHashMap<>();
        if (run.get("params") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> params.put(k.toString(), v.toString()));
        }
        Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
        Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
        double bytes = secondary == null ? Double.NaN : secondary.entrySet().stream()
                .filter(e -> e.getKey().toString().endsWith("gc.alloc.rate.norm"))
                .map(e -> Json.number(((Map<?, ?>) e.getValue()).get("score"))).findFirst().orElse(Double.NaN);
        List<Double> raw = ((List<?>) primary.get("rawData")).stream().flatMap(fork -> ((List<?>) fork).stream())
                .map(Json::number).toList();
        double best = raw.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        String jvm = run.get("vmName") + " " + run.get("vmVersion") + " (JDK " + run.get("jdkVersion") + ")";
        List<String> jvmArgs = ((List<?>) run.get("jvmArgs")).stream().map(Object::toString).toList();
        String settings = String.format("%s fork(s), %s warm-up × %s, %s measurement × %s",
                whole(run.get("forks")), whole(run.get("warmupIterations")), run.get("warmupTime"),
                whole(run.get("measurementIterations")), run.get("measurementTime"));
        return new JmhRun(run.get("benchmark").toString(), params, Json.number(primary.get("score")),
                Json.number(primary.get("scoreError")), best, bytes, raw.size(), jvm, jvmArgs, settings);
    }

    /** The benchmark method's name, e.g. {@code metro}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A parameter's value, or the empty string if the benchmark has no such parameter. */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** As a {@link Measurement}, for the ratios and formatting the report uses everywhere. */
    public Measurement measurement(String direction, String system) {
        return new Measurement(direction, system, param("scenario"), param("size"), nanos, nanosError, best, bytes,
                samples);
    }

    private static String whole(Object number) {
        return number instanceof Double d ? String.valueOf(d.intValue()) : String.valueOf(number);
    }
}
