package io.wssgate.config.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shape of the value under a key: a single value, a list, a map with names the user
 * chooses, or a section with a fixed set of keys.
 */
public sealed interface KeyType {

    /** How the type reads in documentation, e.g. {@code list of file}. */
    String describe();

    /** A single value; {@code choices} lists the allowed values of a {@link ValueKind#CHOICE}. */
    record Scalar(ValueKind kind, List<Choice> choices) implements KeyType {
        public Scalar {
            Objects.requireNonNull(kind, "kind");
            choices = List.copyOf(choices);
            if ((kind == ValueKind.CHOICE) == choices.isEmpty()) {
                throw new IllegalArgumentException("choices are given exactly for a CHOICE");
            }
        }

        public static Scalar of(ValueKind kind) {
            return new Scalar(kind, List.of());
        }

        public static Scalar oneOf(Choice... choices) {
            return new Scalar(ValueKind.CHOICE, List.of(choices));
        }

        @Override
        public String describe() {
            if (kind != ValueKind.CHOICE) {
                return kind.label();
            }
            return String.join(" | ", choices.stream().map(Choice::value).toList());
        }
    }

    /**
     * A list. With {@code commaSeparated}, one flat value ({@code web.xml}, a Spring property)
     * is split on commas; without it one value is one element, for elements that contain commas
     * themselves (distinguished-name patterns).
     */
    record ListOf(KeyType element, boolean commaSeparated) implements KeyType {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String describe() {
            return element instanceof Section s ? "list of " + s.name() : "list of " + element.describe();
        }
    }

    /** A map whose keys the user names (policy names, attribute names, provider properties). */
    record MapOf(KeyType value) implements KeyType {
        public MapOf {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String describe() {
            return value instanceof Section s ? "map of name to " + s.name() : "map of name to " + value.describe();
        }
    }

    /**
     * A fixed set of keys. {@code name} names the section's shape (e.g. {@code Key}, used by
     * several keys), for generated types and documentation.
     */
    record Section(String name, String description, List<Key> keys) implements KeyType {
        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            keys = List.copyOf(keys);
            List<String> seen = new ArrayList<>();
            for (Key key : keys) {
                if (seen.contains(key.name())) {
                    throw new IllegalArgumentException("key " + key.name() + " twice in section " + name);
                }
                seen.add(key.name());
            }
        }

        public static Section of(String name, String description, Key... keys) {
            return new Section(name, description, List.of(keys));
        }

        public Optional<Key> key(String name) {
            return keys.stream().filter(k -> k.name().equals(name)).findFirst();
        }

        public List<String> keyNames() {
            return keys.stream().map(Key::name).toList();
        }

        @Override
        public String describe() {
            return "section " + name;
        }
    }

    /** An allowed value of a {@link ValueKind#CHOICE} key and what it means. */
    record Choice(String value, String description) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(description, "description");
        }
    }
}
