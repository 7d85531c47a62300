package io.wssgate.spring;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Section;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Turns a Spring property name below {@code wssgate.policies}, {@code wssgate.replay} or
 * {@code wssgate.keys} into the core's key path with the YAML key names, e.g.
 * {@code WSSGATE_POLICIES_P_TIMESTAMP_MAXAGE} or {@code ...timestamp.maxAge} into
 * {@code policies.p.timestamp.max-age}, {@code wssgate.replay.memory.maxEntries} into
 * {@code replay.memory.max-entries}. Relaxed names cannot be undone without knowing the keys (an
 * environment variable has no dashes), so the core's key schema ({@link ConfigSchema}) says
 * which key each element is. A name the schema does not know is passed on in dashed form so the
 * core reports it as an unknown key.
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
        KeyType type = ConfigSchema.root();
        String listRoot = null;
        boolean inMapKey = false;
        for (int i = 1; i < name.getNumberOfElements(); i++) {
            boolean listIndex = type instanceof ListOf && name.isNumericIndex(i);
            if (i > 1 && !listIndex) {
                path.append('.');
            }
            if (inMapKey) {
                path.append(name.getElement(i, Form.ORIGINAL)); // the rest of a dotted map key, e.g. a provider property
            } else if (listIndex) {
                listRoot = listRoot != null ? listRoot : path.toString();
                path.append('[').append(name.getElement(i, Form.ORIGINAL)).append(']');
                type = ((ListOf) type).element();
            } else if (type instanceof MapOf map) {
                path.append(name.getElement(i, Form.ORIGINAL)); // user-chosen key, kept as written
                type = map.value();
                inMapKey = type instanceof KeyType.Scalar; // a dotted key of a map of values nests in Spring's names
            } else {
                io.wssgate.config.schema.Key key = type instanceof Section section
                        ? key(section, name.getElement(i, Form.UNIFORM)) : null;
                path.append(key != null ? key.name() : name.getElement(i, Form.DASHED));
                type = key != null ? key.type() : null;
            }
        }
        if (listRoot == null && type instanceof ListOf) {
            listRoot = path.toString(); // a comma-separated value for a whole list
        }
        return new Key(path.toString(), listRoot);
    }

    /** The section's key whose name matches in Spring's uniform form (lower case, no dashes). */
    private static io.wssgate.config.schema.Key key(Section section, String uniform) {
        for (io.wssgate.config.schema.Key key : section.keys()) {
            if (key.name().replace("-", "").equals(uniform)) {
                return key;
            }
        }
        return null;
    }
}
