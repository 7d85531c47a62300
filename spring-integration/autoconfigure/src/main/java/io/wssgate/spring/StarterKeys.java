package io.wssgate.spring;

import io.wssgate.config.Problems;
import io.wssgate.config.schema.DidYouMean;
import io.wssgate.log.QuietLoggers;
import io.wssgate.spring.health.WssGateHealthProperties;
import io.wssgate.spring.properties.WssGateProperties;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses a misspelled {@code wssgate.*} property outside the engine's own keys, e.g.
 * {@code wssgate.secuirty.enabled} or {@code wssgate.filter.ordr}: Spring would silently ignore
 * it and leave the default in force. The starter's keys are read off its property classes, so
 * they cannot drift; the engine's keys (below the key schema's roots: {@code policies},
 * {@code replay}, {@code keys}, {@code diagnostics}, and {@code fips}) are the core loader's to check. Environment variables are not checked: {@code WSSGATE_*} variables are
 * shared with other tools (the JAX-WS handler's {@code WSSGATE_CONFIG}, the examples' key
 * directory), and Spring cannot tell which were meant for it.
 */
final class StarterKeys {
    /** The engine's root keys, from its schema (so a new root, e.g. {@code diagnostics} or {@code fips}, is never a starter key). */
    static final List<String> CORE_ROOTS = io.wssgate.config.schema.ConfigSchema.root().keyNames();
    /** The JAX-WS handler's configuration location ({@code -Dwssgate.config}), not a starter key. */
    private static final String JAXWS_CONFIG = "config";
    /** The engine's JVM-wide opt-out of quiet library loggers ({@code -Dwssgate.logging.quiet-libraries}), not a starter key. */
    private static final ConfigurationPropertyName QUIET_LIBRARIES = ConfigurationPropertyName.of(QuietLoggers.OPT_OUT);
    private static final List<String> KNOWN = known();

    private StarterKeys() {
    }

    /** Adds a problem (key path without {@code wssgate.}) for every unknown starter key; {@code origins} gets where each was set. */
    static void check(Environment environment, Problems problems, Map<String, String> origins) {
        Set<String> reported = new TreeSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)
                    || StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(name(source))) {
                continue;
            }
            iterable.stream().filter(StarterKeys::isStarterKey).forEach(name -> {
                String path = dashed(name);
                if (!isKnown(name) && reported.add(path)) {
                    problems.add(path, DidYouMean.closest(path, candidates(path))
                            .map(key -> "unknown key; did you mean wssgate." + key + "?").orElse("unknown key"));
                    ConfigurationProperty property = source.getConfigurationProperty(name);
                    if (property != null && property.getOrigin() != null) {
                        origins.putIfAbsent(path, property.getOrigin().toString());
                    }
                }
            });
        }
    }

    /** The starter's own keys, dashed and without {@code wssgate.}. */
    static List<String> knownKeys() {
        return KNOWN;
    }

    private static String name(ConfigurationPropertySource source) {
        return source.getUnderlyingSource() instanceof org.springframework.core.env.PropertySource<?> ps ? ps.getName() : "";
    }

    private static boolean isStarterKey(ConfigurationPropertyName name) {
        return name.getNumberOfElements() > 1 && "wssgate".equals(name.getElement(0, Form.UNIFORM))
                && CORE_ROOTS.stream().noneMatch(root -> root.equals(name.getElement(1, Form.UNIFORM)))
                && !(name.getNumberOfElements() == 2 && JAXWS_CONFIG.equals(name.getElement(1, Form.UNIFORM)))
                && !QUIET_LIBRARIES.equals(name);
    }

    private static boolean isKnown(ConfigurationPropertyName name) {
        String uniform = uniform(dashed(name));
        return KNOWN.stream().anyMatch(key -> uniform(key).equals(uniform));
    }

    private static List<String> candidates(String path) {
        List<String> out = new ArrayList<>(KNOWN);
        int dot = path.indexOf('.');
        // a misspelled engine root: suggest the same key under the right one
        CORE_ROOTS.forEach(root -> out.add(dot < 0 ? root : root + path.substring(dot)));
        return out;
    }

    private static String dashed(ConfigurationPropertyName name) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            if (name.isNumericIndex(i)) {
                out.append('[').append(name.getElement(i, Form.ORIGINAL)).append(']');
            } else {
                out.append(i > 1 ? "." : "").append(name.getElement(i, Form.DASHED));
            }
        }
        return out.toString();
    }

    private static String uniform(String key) {
        return key.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> known() {
        List<String> out = new ArrayList<>();
        collect(WssGateProperties.class, "", out);
        collect(WssGateHealthProperties.class, "health.", out);
        return List.copyOf(out);
    }

    private static void collect(Class<?> type, String prefix, List<String> out) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                add(component.getType(), prefix + kebab(component.getName()), out);
            }
            return;
        }
        for (Method method : type.getMethods()) {
            String property = property(method);
            if (property != null) {
                add(method.getReturnType(), prefix + kebab(property), out);
            }
        }
    }

    private static void add(Class<?> type, String key, List<String> out) {
        boolean value = type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type)
                || type == Boolean.class || type == String.class || type == Duration.class;
        if (value) {
            out.add(key);
        } else {
            collect(type, key + ".", out);
        }
    }

    private static String property(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return Character.toLowerCase(name.charAt(3)) + name.substring(4);
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return Character.toLowerCase(name.charAt(2)) + name.substring(3);
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
