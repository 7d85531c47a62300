package io.wssgate.spring;

import io.wssgate.spring.properties.WssGateProperties;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Turns a Spring property name below {@code wssgate.policies}, {@code wssgate.replay} or
 * {@code wssgate.keys} into the core's key path with the YAML key names, e.g.
 * {@code WSSGATE_POLICIES_P_TIMESTAMP_MAXAGE} or {@code ...timestamp.maxAge} into
 * {@code policies.p.timestamp.max-age}, {@code wssgate.replay.memory.maxEntries} into
 * {@code replay.memory.max-entries}. Relaxed names cannot be undone without knowing the keys (an
 * environment variable has no dashes), so the typed property classes, starting at
 * {@link WssGateProperties}, serve as the schema. A name the schema does not know is passed on
 * in dashed form so the core reports it as an unknown key.
 */
final class CoreKeyNames {
    /** Where a list starts, so a higher-precedence source can replace a whole list, as Spring does. */
    record Key(String path, String listRoot) {
    }

    private CoreKeyNames() {
    }

    /** {@code name} starts with {@code wssgate.} and has at least one more element. */
    static Key of(ConfigurationPropertyName name) {
        StringBuilder path = new StringBuilder();
        Type type = WssGateProperties.class;
        String listRoot = null;
        boolean inMapKey = false;
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            Class<?> raw = raw(type);
            if (i > 1 && !(raw != null && List.class.isAssignableFrom(raw) && name.isNumericIndex(i))) {
                path.append('.');
            }
            if (inMapKey) {
                path.append(name.getElement(i, Form.ORIGINAL)); // the rest of a dotted map key, e.g. a provider property
            } else if (raw != null && List.class.isAssignableFrom(raw) && name.isNumericIndex(i)) {
                listRoot = listRoot != null ? listRoot : path.toString();
                path.append('[').append(name.getElement(i, Form.ORIGINAL)).append(']');
                type = argument(type, 0);
            } else if (raw != null && Map.class.isAssignableFrom(raw)) {
                path.append(name.getElement(i, Form.ORIGINAL)); // user-chosen key, kept as written
                type = argument(type, 1);
                inMapKey = isScalar(raw(type)); // a dotted key of a Map<String, String> nests in Spring's names
            } else {
                Field field = raw == null ? null : field(raw, name.getElement(i, Form.UNIFORM));
                path.append(field != null ? yamlName(field) : name.getElement(i, Form.DASHED));
                type = field != null ? field.getGenericType() : null;
            }
        }
        Class<?> raw = raw(type);
        if (listRoot == null && raw != null && List.class.isAssignableFrom(raw)) {
            listRoot = path.toString(); // a comma-separated value for a whole list
        }
        return new Key(path.toString(), listRoot);
    }

    /** The field whose name matches in Spring's uniform form (lower case, no dashes). */
    private static Field field(Class<?> type, String uniform) {
        if (!isSchema(type)) {
            return null; // a scalar: no nested keys
        }
        for (Field field : type.getDeclaredFields()) {
            String yaml = yamlName(field);
            if (yaml.replace("-", "").equals(uniform)) {
                return field;
            }
        }
        return null;
    }

    private static boolean isScalar(Class<?> type) {
        return type != null && !isSchema(type) && !List.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }

    private static boolean isSchema(Class<?> type) {
        return type != null && type.getPackageName().equals(WssGateProperties.class.getPackageName());
    }

    /** camelCase field to kebab-case key; {@code className} stands for the YAML key {@code class}. */
    static String yamlName(Field field) {
        if (field.getName().equals("className")) {
            return "class";
        }
        return field.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
    }
}
