package io.wssgate.spring;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import java.util.Map;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a WSS Gate configuration failure at start-up, listing every problem at once. When the
 * configuration came from {@code wssgate.*} properties each problem is named by its property
 * (e.g. {@code wssgate.policies.partner.timestamp.max-age}) and origin; for an engine the
 * application built itself the core's key paths are shown as they are.
 */
public class WssGateConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        InvalidWssGatePropertiesException properties = findCause(rootFailure, InvalidWssGatePropertiesException.class);
        String prefix = properties != null ? "wssgate." : "";
        Map<String, String> origins = properties != null ? properties.origins() : Map.of();
        StringBuilder description = new StringBuilder("The WSS Gate configuration is invalid (")
                .append(cause.problems().size()).append(cause.problems().size() == 1 ? " problem" : " problems")
                .append("):\n");
        for (ConfigProblem problem : cause.problems()) {
            description.append("\n    Property: ").append(prefix).append(problem.keyPath())
                    .append("\n    Problem:  ").append(problem.message());
            String origin = origin(origins, problem.keyPath());
            if (origin != null) {
                description.append("\n    Origin:   ").append(origin);
            }
            description.append('\n');
        }
        String action = properties != null
                ? "Correct the wssgate.* properties listed above (keys and values as in the WSS Gate YAML"
                        + " configuration reference), or set wssgate.enabled=false to turn WSS Gate off."
                : "Correct the WSS Gate configuration at the key paths listed above.";
        return new FailureAnalysis(description.toString(), action, cause);
    }

    /** The origin of the key, or of the first element below it (the core names a list as a whole). */
    private static String origin(Map<String, String> origins, String keyPath) {
        String exact = origins.get(keyPath);
        if (exact != null) {
            return exact;
        }
        return origins.entrySet().stream()
                .filter(e -> e.getKey().startsWith(keyPath + "[") || e.getKey().startsWith(keyPath + "."))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
