package io.wssgate.benchmarks.report;

import java.util.List;
import java.util.Map;

/** Reading the HTTP run's JSON: each figure is the mean over the measured rounds. */
public final class HttpFigures {
    private HttpFigures() {
    }

    public static double mean(Map<String, Object> http, String key) {
        List<?> rounds = (List<?>) http.get("rounds");
        return rounds.stream().mapToDouble(r -> Json.number(((Map<?, ?>) r).get(key))).average().orElse(Double.NaN);
    }

    /**
     * What the filter adds per request: the in-process rate over the HTTP rate, minus one
     * (0.10 means a request through the filter costs 10% more than the pipeline alone).
     */
    public static double overhead(Map<String, Object> http) {
        return mean(http, "inProcessPerSecond") / mean(http, "httpPerSecond") - 1;
    }
}
