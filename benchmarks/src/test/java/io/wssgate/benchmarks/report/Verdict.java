package io.wssgate.benchmarks.report;

import java.util.Optional;

/**
 * One target of the issue checked against one measured figure: met, or missed by how much
 * (relative to the target). {@code profile} names the benchmark whose profile explains a miss.
 */
public record Verdict(String target, String measured, boolean met, String shortfall, Optional<ProfileKey> profile,
                      String bestIterations) {

    public Verdict(String target, String measured, boolean met, String shortfall, Optional<ProfileKey> profile) {
        this(target, measured, met, shortfall, profile, "");
    }

    /** Which of our benchmarks to profile: direction (inbound/outbound), scenario, size. */
    public record ProfileKey(String direction, String scenario, String size) {
        public String fileName() {
            return "profile-" + direction + "-" + scenario + "-" + size + ".txt";
        }
    }

    public String verdict() {
        return met ? "met" : "**missed** by " + shortfall;
    }
}
