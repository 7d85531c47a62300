package io.wssgate.spring;

import io.wssgate.spring.properties.PolicyProperties;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Turns a Spring property name below {@code wssgate.policies} into the core's key path with the
 * YAML key names, e.g. {@code WSSGATE_POLICIES_P_TIMESTAMP_MAXAGE} or {@code ...timestamp.maxAge}
 * into {@code policies.p.timestamp.max-age}. Relaxed names cannot be undone without knowing the
 * keys (an environment variable has no dashes), so the typed property classes serve as the
 * schema. A name the schema does not know is passed on in dashed form so the core reports it
 * as an unknown key.
 */
final class PolicyKeyNames {
    /** Where a list starts, so a higher-precedence source can replace a whole list, as Spring does. */
    record Key(String path, String listRoot) {
    }

    private static final int POLICY_NAME = 2; // wssgate.policies.<name>

    private PolicyKeyNames() {
    }

    static Key of(ConfigurationPropertyName name) {
        StringBuilder path = new StringBuilder("policies");
        if (name.getNumberOfElements() <= POLICY_NAME) {
            return new Key(path.toString(), null);
        }
        path.append('.').append(name.getElement(POLICY_NAME, Form.ORIGINAL));
        Type type = PolicyProperties.class;
        String listRoot = null;
        for (int i = POLICY_NAME + 1; i < name.getNumberOfElements(); i++) {
            Class<?> raw = raw(type);
            if (raw != null && List.class.isAssignableFrom(raw) && name.isNumericIndex(i)) {
                listRoot = listRoot != null ? listRoot : path.toString();
                path.append('[').append(name.getElement(i, Form.ORIGINAL)).append(']');
                type = argument(type, 0);
            } else if (raw != null && Map.class.isAssignableFrom(raw)) {
                path.append('.').append(name.getElement(i, Form.ORIGINAL)); // user-chosen key, kept as written
                type = argument(type, 1);
            } else {
                Field field = raw == null ? null : field(raw, name.getElement(i, Form.UNIFORM));
                path.append('.').append(field != null ? yamlName(field) : name.getElement(i, Form.DASHED));
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
        if (!type.getPackageName().equals(PolicyProperties.class.getPackageName())) {
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
