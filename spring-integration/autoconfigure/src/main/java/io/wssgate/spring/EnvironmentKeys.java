package io.wssgate.spring;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.config.schema.ConfigSchema;

/**
 * Collects every property below a root key of the core's key schema ({@code wssgate.policies.*},
 * {@code wssgate.replay.*}, {@code wssgate.keys.*}, {@code wssgate.diagnostics.*}, and the leaf
 * {@code wssgate.fips}) of the Spring Environment into the flat map the core's {@code ConfigLoader}
 * reads, with the YAML key names. Sources are visited in
 * precedence order; the first value of a key wins, and a list given in a higher-precedence
 * source replaces the whole list of lower ones (as Spring's binder does). Policies are ordered
 * as first met, i.e. as declared in the highest-precedence source that declares them.
 */
final class EnvironmentKeys {
    /** The core's root keys (from its schema); the other {@code wssgate.*} properties configure the starter itself. */
    private static final List<ConfigurationPropertyName> CORE_ROOTS = ConfigSchema.root().keyNames().stream()
            .map(root -> ConfigurationPropertyName.of("wssgate." + root)).toList();

    /** Flat keys (without {@code wssgate.}) with their values, and where each came from. */
    record Collected(Map<String, String> keys, Map<String, String> origins) {
    }

    private EnvironmentKeys() {
    }

    static Collected collect(Environment environment) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        Set<String> claimedLists = new HashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            Set<String> listsHere = new HashSet<>();
            iterable.stream().filter(EnvironmentKeys::isCoreKey).forEach(name -> {
                ConfigurationProperty property = source.getConfigurationProperty(name);
                CoreKeyNames.Key key = CoreKeyNames.of(name);
                if (property == null || property.getValue() == null
                        || (key.listRoot() != null && claimedLists.contains(key.listRoot()))) {
                    return;
                }
                if (key.listRoot() != null) {
                    listsHere.add(key.listRoot());
                }
                if (keys.putIfAbsent(key.path(), String.valueOf(property.getValue())) == null
                        && property.getOrigin() != null) {
                    origins.put(key.path(), property.getOrigin().toString());
                }
            });
            claimedLists.addAll(listsHere);
        }
        return new Collected(keys, origins);
    }

    private static boolean isCoreKey(ConfigurationPropertyName name) {
        return CORE_ROOTS.stream().anyMatch(root -> root.equals(name) || root.isAncestorOf(name));
    }

    /**
     * {@code ${NAME}} in values looks the name up in the Environment (so environment variables,
     * system properties and other properties all work); {@code ${NAME:-default}} is the core's
     * syntax and {@code ${NAME:default}} Spring's, both accepted.
     */
    static VariableResolver variables(Environment environment) {
        return name -> {
            int colon = name.indexOf(':');
            if (colon < 0) {
                return Optional.ofNullable(environment.getProperty(name));
            }
            return Optional.of(environment.getProperty(name.substring(0, colon).trim(), name.substring(colon + 1)));
        };
    }
}
