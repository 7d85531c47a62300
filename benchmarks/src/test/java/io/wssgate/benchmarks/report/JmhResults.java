package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The measurements of one JMH JSON result file of the comparison benchmarks (parameters system,
 * scenario and size), plus the JVM facts JMH recorded for the run.
 */
public record JmhResults(List<Measurement> measurements, String jvm, List<String> jvmArgs, String settings) {

    public static JmhResults empty() {
        return new JmhResults(List.of(), "", List.of(), "");
    }

    public static JmhResults load(Path file) throws IOException {
        List<JmhRun> runs = JmhRun.load(file);
        if (runs.isEmpty()) {
            return empty();
        }
        List<Measurement> measurements = runs.stream().map(run -> run.measurement(
                run.benchmark().contains("Outbound") ? "outbound" : "inbound", run.param("system"))).toList();
        JmhRun last = runs.get(runs.size() - 1);
        return new JmhResults(measurements, last.jvm(), last.jvmArgs(), last.settings());
    }

    public Optional<Measurement> find(String direction, String system, String scenario, String size) {
        return measurements.stream().filter(m -> m.is(direction, system, scenario, size)).findFirst();
    }
}
