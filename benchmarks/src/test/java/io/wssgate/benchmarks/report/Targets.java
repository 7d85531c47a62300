package io.wssgate.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The targets, evaluated on the measurements: inbound at most 1.5× the floor at
 * 100 KB; throughput at least 1.2× CXF at every size (inbound and outbound); the 10 MB message
 * validated under -Xmx256m; outbound at most 1.2× the floor (checked at every size); the HTTP
 * end-to-end targets ({@link EndToEndReport}).
 */
public final class Targets {
    public static final List<String> SCENARIOS = List.of("X509", "SAML_HOK");
    public static final List<String> SIZES = List.of("1KB", "100KB", "10MB");
    static final double INBOUND_FLOOR = 1.5;
    static final double OVER_CXF = 1.2;
    static final double OUTBOUND_FLOOR = 1.2;

    private Targets() {
    }

    public static List<Verdict> evaluate(List<Measurement> timed, JmhResults heapLimited, Map<String, Object> e2e) {
        List<Verdict> verdicts = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            ratioToFloor(timed, "inbound", scenario, "100KB", INBOUND_FLOOR).ifPresent(verdicts::add);
        }
        for (String direction : List.of("inbound", "outbound")) {
            for (String scenario : SCENARIOS) {
                for (String size : SIZES) {
                    overCxf(timed, direction, scenario, size).ifPresent(verdicts::add);
                }
            }
        }
        for (String scenario : SCENARIOS) {
            Optional<Measurement> m = heapLimited.find("inbound", "ours", scenario, "10MB");
            verdicts.add(new Verdict("10 MB " + scenario + " request validated under -Xmx256m",
                    m.map(x -> "validated, " + Report.time(x.nanos()) + " per message").orElse("failed (no result)"),
                    m.isPresent(), "failing", Optional.empty()));
        }
        for (String scenario : SCENARIOS) {
            for (String size : SIZES) {
                ratioToFloor(timed, "outbound", scenario, size, OUTBOUND_FLOOR).ifPresent(verdicts::add);
            }
        }
        verdicts.addAll(EndToEndReport.verdicts(e2e));
        return verdicts;
    }

    private static Optional<Verdict> ratioToFloor(List<Measurement> timed, String direction, String scenario,
                                                  String size, double limit) {
        Optional<Measurement> ours = find(timed, direction, "ours", scenario, size);
        Optional<Measurement> floor = find(timed, direction, "floor", scenario, size);
        if (ours.isEmpty() || floor.isEmpty()) {
            return Optional.empty();
        }
        Ratio r = ours.get().over(floor.get());
        double best = ours.get().bestOver(floor.get());
        return Optional.of(new Verdict(direction + " " + scenario + " " + size + ": ours at most "
                + limit + "× the floor", r.toString(), r.value() <= limit, percent(r.value() / limit - 1),
                Optional.of(new Verdict.ProfileKey(direction, scenario, size)), bestVerdict(best, best <= limit)));
    }

    private static Optional<Verdict> overCxf(List<Measurement> timed, String direction, String scenario, String size) {
        Optional<Measurement> ours = find(timed, direction, "ours", scenario, size);
        Optional<Measurement> cxf = find(timed, direction, "cxf", scenario, size);
        if (ours.isEmpty() || cxf.isEmpty()) {
            return Optional.empty();
        }
        Ratio throughput = cxf.get().over(ours.get());
        double best = cxf.get().bestOver(ours.get());
        return Optional.of(new Verdict(direction + " " + scenario + " " + size + ": throughput at least "
                + OVER_CXF + "× CXF", throughput.toString(), throughput.value() >= OVER_CXF,
                percent(1 - throughput.value() / OVER_CXF), Optional.of(new Verdict.ProfileKey(direction, scenario, size)),
                bestVerdict(best, best >= OVER_CXF)));
    }

    private static String bestVerdict(double ratio, boolean met) {
        return String.format(Locale.ROOT, "%.2f×", ratio) + (met ? " (met)" : " (missed)");
    }

    static Optional<Measurement> find(List<Measurement> timed, String direction, String system, String scenario,
                                      String size) {
        return timed.stream().filter(m -> m.is(direction, system, scenario, size)).findFirst();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
