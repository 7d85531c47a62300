package io.wssgate.benchmarks.report;

/**
 * One JMH result: which benchmark, its parameters, the time per operation with JMH's 99.9%
 * error, the fastest measurement iteration ({@code best}: on a shared machine, the iteration
 * least disturbed by other work), and the bytes allocated per operation
 * ({@code gc.alloc.rate.norm}, NaN without -prof gc).
 */
public record Measurement(String direction, String system, String scenario, String size, double nanos,
                          double nanosError, double best, double bytes, int samples) {

    /** Ratio of the best iterations (no error: one sample each). */
    public double bestOver(Measurement other) {
        return best / other.best;
    }

    /** Ratio of this time to another's, with the relative errors combined in quadrature. */
    public Ratio over(Measurement other) {
        double ratio = nanos / other.nanos;
        double relative = Math.sqrt(Math.pow(nanosError / nanos, 2) + Math.pow(other.nanosError / other.nanos, 2));
        return new Ratio(ratio, ratio * relative);
    }

    public boolean is(String direction, String system, String scenario, String size) {
        return this.direction.equals(direction) && this.system.equals(system) && this.scenario.equals(scenario)
                && this.size.equals(size);
    }
}
