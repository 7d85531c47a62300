package io.wssgate.config.schema;

import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The key reference of docs/configuration.md, rendered from the {@link ConfigSchema}: one table
 * per section with every key's type, default and description. A section used in several places
 * (a private key, a keystore, STS credentials) gets one table of its own, which the places link to.
 */
final class KeyReference {
    private final Map<Section, Integer> uses = new IdentityHashMap<>();
    private final Map<String, Section> shared = new LinkedHashMap<>();
    private final Map<String, List<String>> sharedPlaces = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private KeyReference() {
        count(ConfigSchema.root());
    }

    static String render() {
        KeyReference reference = new KeyReference();
        reference.sections(ConfigSchema.root(), "", null);
        reference.sharedSections();
        return reference.out.toString();
    }

    private void count(Section section) {
        for (Key key : section.keys()) {
            Section nested = sectionOf(key.type());
            if (nested != null && uses.merge(nested, 1, Integer::sum) == 1) {
                count(nested);
            }
        }
    }

    private boolean isShared(Section section) {
        return uses.getOrDefault(section, 0) > 1;
    }

    /** A table for the section's own values, then the nested sections, in schema order. */
    private void sections(Section section, String path, String description) {
        List<Key> values = section.keys().stream().filter(k -> k.isLeaf() || isShared(sectionOf(k.type()))).toList();
        if (!values.isEmpty() && path.isEmpty()) {
            out.append("### Top level\n\n").append("Keys of the whole configuration.").append("\n\n");
            table(values, path);
        } else if (!values.isEmpty()) {
            out.append("### `").append(display(path)).append("`\n\n").append(description).append("\n\n");
            table(values, path);
        }
        for (Key key : section.keys()) {
            Section nested = sectionOf(key.type());
            String nestedPath = join(path, key.name()) + (key.type() instanceof ListOf ? "[*]"
                    : key.type() instanceof MapOf ? ".*" : "");
            if (nested == null) {
                continue;
            }
            if (isShared(nested)) {
                shared.putIfAbsent(nested.name(), nested);
                sharedPlaces.computeIfAbsent(nested.name(), n -> new ArrayList<>()).add(display(nestedPath));
            } else {
                sections(nested, nestedPath, key.description());
            }
        }
    }

    /** Shared sections, including those only a shared section uses (e.g. Require's Condition). */
    private void sharedSections() {
        for (int rendered = 0; rendered < shared.size(); rendered++) {
            Section section = new ArrayList<>(shared.values()).get(rendered);
            for (Key key : section.keys()) {
                Section nested = sectionOf(key.type());
                if (nested != null && isShared(nested)) {
                    shared.putIfAbsent(nested.name(), nested);
                    sharedPlaces.computeIfAbsent(nested.name(), n -> new ArrayList<>()).add(section.name() + "."
                            + key.name() + (key.type() instanceof ListOf ? "[*]" : key.type() instanceof MapOf ? ".*" : ""));
                }
            }
            out.append("### ").append(section.name()).append("\n\n").append(section.description())
                    .append(" Used by ")
                    .append(sharedPlaces.get(section.name()).stream().map(p -> "`" + p + "`")
                            .collect(Collectors.joining(", ")))
                    .append(".\n\n");
            table(section.keys().stream().filter(k -> k.isLeaf() || isShared(sectionOf(k.type()))).toList(), "");
        }
    }

    private void table(List<Key> keys, String path) {
        out.append("| key | type | default | description |\n|---|---|---|---|\n");
        for (Key key : keys) {
            out.append("| `").append(display(join(path, key.name()))).append("` | ").append(type(key.type()))
                    .append(" | ").append(defaults(key)).append(" | ").append(cell(description(key))).append(" |\n");
        }
        out.append('\n');
    }

    private String type(KeyType type) {
        if (type instanceof Section section) {
            return "[" + section.name() + "](#" + section.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        if (type instanceof ListOf list) {
            return "list of " + type(list.element());
        }
        if (type instanceof MapOf map) {
            return "map of name to " + type(map.value());
        }
        Scalar scalar = (Scalar) type;
        if (scalar.kind() == ValueKind.CHOICE) {
            return "one of " + scalar.choices().stream().map(c -> "`" + c.value() + "`").collect(Collectors.joining(", "));
        }
        return scalar.kind().label();
    }

    private static String defaults(Key key) {
        if (!key.defaults().isEmpty()) {
            return key.defaults().stream().map(d -> "`" + d + "`").collect(Collectors.joining(", "));
        }
        return key.defaultNote().map(KeyReference::cell).orElse("");
    }

    /** The description, with what each choice means. */
    private static String description(Key key) {
        KeyType single = key.type() instanceof ListOf list ? list.element() : key.type();
        if (single instanceof Scalar scalar && scalar.kind() == ValueKind.CHOICE
                && scalar.choices().stream().anyMatch(c -> !c.description().isEmpty())) {
            return key.description() + " " + scalar.choices().stream().map(KeyReference::choice)
                    .collect(Collectors.joining("; ")) + ".";
        }
        return key.description();
    }

    private static String choice(Choice choice) {
        return "`" + choice.value() + "`: " + choice.description();
    }

    private static Section sectionOf(KeyType type) {
        KeyType inner = type instanceof ListOf list ? list.element() : type instanceof MapOf map ? map.value() : type;
        return inner instanceof Section section ? section : null;
    }

    /** A pattern as the documentation writes it: {@code <name>} for a name you choose, {@code [n]} for a list index. */
    static String display(String pattern) {
        return pattern.replace(".*", ".<name>").replace("[*]", "[n]");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
