package io.wssgate.cli;

import io.wssgate.config.Problems;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import io.wssgate.config.schema.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key of a configuration with the value in force: what the file sets, or the schema's
 * default for what it leaves out. Sections that are always in force (limits, Timestamp and
 * signature rules, the Security header choice, key reload, replay) show their defaults when
 * absent; optional features that are absent are shown as off. Secrets are never shown.
 */
final class EffectiveSettings {
    /** Sections in force with their defaults even when the file does not mention them. */
    private static final Set<String> ALWAYS = Set.of("keys", "replay", "replay.memory", "policies.*.limits",
            "policies.*.timestamp",
            "policies.*.signature", "policies.*.signature.algorithms", "policies.*.security-header");

    enum Source { SET, DEFAULT, OFF }

    record Setting(String key, String value, Source source) {
    }

    private final List<Setting> out = new ArrayList<>();
    private final VariableResolver vars;

    private EffectiveSettings(VariableResolver vars) {
        this.vars = vars;
    }

    static List<Setting> of(Object tree, VariableResolver vars) {
        EffectiveSettings settings = new EffectiveSettings(vars);
        settings.section(ConfigSchema.root(), tree instanceof Map<?, ?> map ? map : Map.of(), "", "");
        return List.copyOf(settings.out);
    }

    private void section(Section section, Map<?, ?> node, String path, String pattern) {
        for (Key key : section.keys()) {
            String keyPath = join(path, key.name());
            String keyPattern = join(pattern, key.name());
            Object value = node.get(key.name());
            KeyType type = key.type();
            if (type instanceof Section nested) {
                if (value instanceof Map<?, ?> map) {
                    section(nested, map, keyPath, keyPattern);
                } else if (ALWAYS.contains(keyPattern) && !unused(keyPath, node)) {
                    section(nested, Map.of(), keyPath, keyPattern);
                } else if (!unused(keyPath, node)) {
                    out.add(new Setting(keyPath, "(not configured)", Source.OFF));
                }
            } else if (type instanceof MapOf map && map.value() instanceof Section nested) {
                if (value instanceof Map<?, ?> entries) {
                    entries.forEach((name, entry) -> section(nested, entry instanceof Map<?, ?> m ? m : Map.of(),
                            keyPath + "." + name, keyPattern + ".*"));
                }
            } else if (type instanceof ListOf list && list.element() instanceof Section nested) {
                List<?> elements = elements(value);
                for (int i = 0; i < elements.size(); i++) {
                    section(nested, elements.get(i) instanceof Map<?, ?> m ? m : Map.of(), keyPath + "[" + i + "]",
                            keyPattern + "[*]");
                }
            } else if (value != null) {
                out.add(new Setting(keyPath, shown(key, value), Source.SET));
            } else if (!key.defaults().isEmpty()) {
                out.add(new Setting(keyPath, key.type() instanceof ListOf ? key.defaults().toString()
                        : key.defaults().get(0), Source.DEFAULT));
            } else if (key.defaultNote().isPresent() && !key.defaultNote().get().startsWith("required")) {
                out.add(new Setting(keyPath, key.defaultNote().get(), Source.DEFAULT));
            }
        }
    }

    /** The replay store not chosen ({@code replay.jcache} with the memory store, and the reverse). */
    private static boolean unused(String path, Map<?, ?> node) {
        Object cache = node.get("cache");
        String chosen = cache == null ? "memory" : String.valueOf(cache).strip();
        return path.equals("replay.memory") && !chosen.equals("memory")
                || path.equals("replay.jcache") && !chosen.equals("jcache");
    }

    private String shown(Key key, Object value) {
        KeyType single = key.type() instanceof ListOf list ? list.element() : key.type();
        if (single instanceof Scalar scalar && scalar.kind() == ValueKind.SECRET) {
            return "(set, not shown)";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::expanded).toList().toString();
        }
        if (value instanceof Map<?, ?>) {
            return String.valueOf(value);
        }
        return expanded(value);
    }

    /** A value with its {@code ${VAR}}s replaced, and the original beside it. */
    private String expanded(Object value) {
        String text = String.valueOf(value);
        if (text.contains("${")) {
            Problems ignored = new Problems();
            return ConfigLoader.expandVariables(text, "value", vars, ignored).map(v -> v + "  (from " + text + ")")
                    .orElse(text);
        }
        return text;
    }

    /** A list, or a map with the indexes 0..n-1 that flat keys make. */
    private static List<?> elements(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; map.containsKey(String.valueOf(i)); i++) {
                out.add(map.get(String.valueOf(i)));
            }
            return out;
        }
        return List.of();
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
