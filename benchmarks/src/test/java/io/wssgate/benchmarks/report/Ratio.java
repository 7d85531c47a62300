package io.wssgate.benchmarks.report;

import java.util.Locale;

/** A ratio of two measured times and its propagated error. */
public record Ratio(double value, double error) {
    public Ratio inverse() {
        return new Ratio(1 / value, error / (value * value));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f× ± %.2f", value, error);
    }
}
