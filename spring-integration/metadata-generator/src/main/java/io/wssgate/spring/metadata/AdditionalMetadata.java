package io.wssgate.spring.metadata;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import io.wssgate.config.schema.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code META-INF/additional-spring-configuration-metadata.json}: every key of the schema with
 * its type, description and default, and the allowed values of each choice as hints. Spring's
 * annotation processor merges it into the metadata it writes for the property classes; this
 * file is what describes the keys below a policy name, which the processor does not reach (the
 * value type of a map). Spring's format has no name for a map's values, so those keys are
 * written with {@code *} for the policy name and {@code [*]} for a list index, e.g.
 * {@code wssgate.policies.*.timestamp.max-age}: a name no property can have.
 */
final class AdditionalMetadata {
    private AdditionalMetadata() {
    }

    static String json(String prefix) {
        List<Object> groups = new ArrayList<>();
        List<Object> properties = new ArrayList<>();
        List<Object> hints = new ArrayList<>();
        Map<String, Section> owners = owners();
        for (ConfigSchema.Entry entry : ConfigSchema.entries()) {
            String name = prefix + "." + entry.path();
            Key key = entry.key();
            String sourceType = JavaTypes.PACKAGE + "." + JavaTypes.className(owners.get(entry.path()));
            if (key.type() instanceof Section section) {
                groups.add(item(name, JavaTypes.metadataType(section), key.description(), sourceType));
            } else if (key.isLeaf()) {
                Map<String, Object> property = item(name, JavaTypes.metadataType(key.type()), description(key), sourceType);
                defaultValue(key).ifPresent(value -> property.put("defaultValue", value));
                properties.add(property);
                hint(name, key.type()).ifPresent(hints::add);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("groups", groups);
        root.put("properties", properties);
        root.put("hints", hints);
        return Json.write(root);
    }

    private static Map<String, Object> item(String name, String type, String description, String sourceType) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("type", type);
        out.put("description", description);
        out.put("sourceType", sourceType);
        return out;
    }

    /** The description, with the default in words where it is not one literal value (e.g. "Required."). */
    private static String description(Key key) {
        return key.defaultNote().map(note -> key.description() + " Default: " + note + ".").orElse(key.description());
    }

    /** The default as JSON: a boolean, a number, a string, or an array for a list. */
    private static java.util.Optional<Object> defaultValue(Key key) {
        if (key.defaults().isEmpty()) {
            return java.util.Optional.empty();
        }
        if (key.type() instanceof ListOf) {
            return java.util.Optional.of(List.copyOf(key.defaults()));
        }
        String value = key.defaults().get(0);
        ValueKind kind = key.type() instanceof Scalar scalar ? scalar.kind() : ValueKind.STRING;
        return java.util.Optional.of(switch (kind) {
            case BOOLEAN -> Boolean.parseBoolean(value);
            case POSITIVE_INTEGER -> Integer.parseInt(value);
            default -> value;
        });
    }

    /** The allowed values of a choice (or list of choices); {@code off} for a duration that may be off. */
    private static java.util.Optional<Object> hint(String name, KeyType type) {
        KeyType single = type instanceof ListOf list ? list.element() : type;
        if (!(single instanceof Scalar scalar)) {
            return java.util.Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        if (scalar.kind() == ValueKind.CHOICE) {
            scalar.choices().forEach(choice -> values.add(value(choice.value(), choice.description())));
        } else if (scalar.kind() == ValueKind.DURATION_OR_OFF) {
            values.add(value("off", "Never: the files are read once at start-up."));
        } else {
            return java.util.Optional.empty();
        }
        Map<String, Object> hint = new LinkedHashMap<>();
        hint.put("name", name);
        hint.put("values", values);
        return java.util.Optional.of(hint);
    }

    private static Map<String, Object> value(String value, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("description", description);
        return out;
    }

    /** The section each entry's key belongs to, by the entry's path. */
    private static Map<String, Section> owners() {
        Map<String, Section> out = new LinkedHashMap<>();
        collect(ConfigSchema.root(), "", out);
        return out;
    }

    private static void collect(Section section, String prefix, Map<String, Section> out) {
        for (Key key : section.keys()) {
            String path = prefix.isEmpty() ? key.name() : prefix + "." + key.name();
            out.put(path, section);
            KeyType type = key.type();
            if (type instanceof Section nested) {
                collect(nested, path, out);
            } else if (type instanceof ListOf list && list.element() instanceof Section nested) {
                collect(nested, path + "[*]", out);
            } else if (type instanceof MapOf map && map.value() instanceof Section nested) {
                collect(nested, path + ".*", out);
            }
        }
    }
}
