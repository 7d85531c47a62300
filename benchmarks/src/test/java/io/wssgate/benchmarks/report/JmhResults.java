package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measurements of one JMH JSON result file (as written with {@code -rf json}), plus the
 * JVM facts JMH recorded for the run.
 */
public record JmhResults(List<Measurement> measurements, String jvm, List<String> jvmArgs, String settings) {

    public static JmhResults empty() {
        return new JmhResults(List.of(), "", List.of(), "");
    }

    public static JmhResults load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        List<Measurement> measurements = new ArrayList<>();
        String jvm = "";
        List<String> jvmArgs = List.of();
        String settings = "";
        for (Object entry : (List<?>) Json.parse(Files.readString(file))) {
            Map<?, ?> run = (Map<?, ?>) entry;
            Map<?, ?> params = (Map<?, ?>) run.get("params");
            Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
            Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
            double bytes = secondary == null ? Double.NaN : secondary.entrySet().stream()
                    .filter(e -> e.getKey().toString().endsWith("gc.alloc.rate.norm"))
                    .map(e -> Json.number(((Map<?, ?>) e.getValue()).get("score"))).findFirst().orElse(Double.NaN);
            String benchmark = run.get("benchmark").toString();
            List<Double> raw = ((List<?>) primary.get("rawData")).stream().flatMap(fork -> ((List<?>) fork).stream())
                    .map(Json::number).toList();
            int samples = raw.size();
            double best = raw.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            measurements.add(new Measurement(benchmark.contains("Outbound") ? "outbound" : "inbound",
                    params.get("system").toString(), params.get("scenario").toString(), params.get("size").toString(),
                    Json.number(primary.get("score")), Json.number(primary.get("scoreError")), best, bytes, samples));
            jvm = run.get("vmName") + " " + run.get("vmVersion") + " (JDK " + run.get("jdkVersion") + ")";
            jvmArgs = ((List<?>) run.get("jvmArgs")).stream().map(Object::toString).toList();
            settings = String.format("%s fork(s), %s warm-up × %s, %s measurement × %s",
                    fmt(run.get("forks")), fmt(run.get("warmupIterations")), run.get("warmupTime"),
                    fmt(run.get("measurementIterations")), run.get("measurementTime"));
        }
        return new JmhResults(measurements, jvm, jvmArgs, settings);
    }

    public Optional<Measurement> find(String direction, String system, String scenario, String size) {
        return measurements.stream().filter(m -> m.is(direction, system, scenario, size)).findFirst();
    }

    private static String fmt(Object number) {
        return number instanceof Double d ? String.valueOf(d.intValue()) : String.valueOf(number);
    }
}
