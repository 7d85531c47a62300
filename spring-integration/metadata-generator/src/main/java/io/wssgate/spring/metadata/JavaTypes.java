package io.wssgate.spring.metadata;

import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import io.wssgate.config.schema.ValueKind;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * How schema keys become Java properties: the field's name and type, and its initial value.
 * Durations are {@link Duration}s (IDEs check and complete them as such), booleans and integers
 * their wrappers; every other value is text, as the core reads it (a size such as 10MiB is not a
 * Spring DataSize, whose MB is 1024-based).
 */
final class JavaTypes {
    static final String PACKAGE = "io.wssgate.spring.properties";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private JavaTypes() {
    }

    /** The generated class of a section, e.g. {@code TimestampProperties}. */
    static String className(Section section) {
        return section.name() + "Properties";
    }

    /** The field of a key: {@code max-age} gives {@code maxAge}; a Java keyword gets a suffix ({@code className}). */
    static String fieldName(Key key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.name().toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = out.toString();
        return SourceVersion.isKeyword(name) ? name + "Name" : name;
    }

    /** Whether the field needs {@code @Name} because its Java name is not the key's name. */
    static boolean renamed(Key key) {
        return SourceVersion.isKeyword(key.name().replace("-", ""));
    }

    static String capitalized(String field) {
        return field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }

    /** The Java type in source form, with simple names for the imported java.util and java.time types. */
    static String sourceType(KeyType type) {
        if (type instanceof Section section) {
            return className(section);
        }
        if (type instanceof ListOf list) {
            return "List<" + sourceType(list.element()) + ">";
        }
        if (type instanceof MapOf map) {
            return "Map<String, " + sourceType(map.value()) + ">";
        }
        return switch (((Scalar) type).kind()) {
            case BOOLEAN -> "Boolean";
            case POSITIVE_INTEGER -> "Integer";
            case DURATION -> "Duration";
            default -> "String";
        };
    }

    /** The fully qualified type as Spring's configuration metadata writes it, e.g. {@code java.util.List<java.lang.String>}. */
    static String metadataType(KeyType type) {
        if (type instanceof Section section) {
            return PACKAGE + "." + className(section);
        }
        if (type instanceof ListOf list) {
            return "java.util.List<" + metadataType(list.element()) + ">";
        }
        if (type instanceof MapOf map) {
            return "java.util.Map<java.lang.String," + metadataType(map.value()) + ">";
        }
        return switch (((Scalar) type).kind()) {
            case BOOLEAN -> "java.lang.Boolean";
            case POSITIVE_INTEGER -> "java.lang.Integer";
            case DURATION -> "java.time.Duration";
            default -> "java.lang.String";
        };
    }

    /** The field's initializer, or null: sections and collections start empty, scalars at their default. */
    static String initializer(Key key) {
        KeyType type = key.type();
        if (type instanceof Section section) {
            return "new " + className(section) + "()";
        }
        if (type instanceof ListOf) {
            return key.defaults().isEmpty() ? "new ArrayList<>()"
                    : "new ArrayList<>(List.of(" + String.join(", ", key.defaults().stream().map(JavaTypes::quoted).toList())
                    + "))";
        }
        if (type instanceof MapOf) {
            return "new LinkedHashMap<>()";
        }
        return key.defaultValue().map(value -> scalarLiteral(((Scalar) type).kind(), value)).orElse(null);
    }

    private static String scalarLiteral(ValueKind kind, String value) {
        return switch (kind) {
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(value));
            case POSITIVE_INTEGER -> Integer.toString(Integer.parseInt(value));
            case DURATION -> durationLiteral(value);
            default -> quoted(value);
        };
    }

    /** {@code Duration.ofMinutes(5)} for {@code 5m}: a form Spring's annotation processor turns back into "5m". */
    static String durationLiteral(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (!m.matches()) {
            return "Duration.parse(" + quoted(Duration.parse(text).toString()) + ")";
        }
        String unit = switch (m.group(2)) {
            case "ms" -> "Millis";
            case "s" -> "Seconds";
            case "m" -> "Minutes";
            case "h" -> "Hours";
            default -> "Days";
        };
        return "Duration.of" + unit + "(" + Long.parseLong(m.group(1)) + ")";
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
