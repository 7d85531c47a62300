package io.wssgate.config.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its name within its section, the type of its value, a one-line
 * description, and its default. {@code defaults} is the literal default as a user would write
 * it (one value, or the elements of a list); {@code defaultNote} says in words what applies
 * when the key is left out and the default is not one literal value (e.g. "the URL the request
 * arrived at", "required").
 */
public record Key(String name, KeyType type, String description, List<String> defaults, Optional<String> defaultNote) {
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        defaults = List.copyOf(defaults);
        Objects.requireNonNull(defaultNote, "defaultNote");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("key names are lower-case and dashed: " + name);
        }
        if (defaults.size() > 1 && !(type instanceof KeyType.ListOf)) {
            throw new IllegalArgumentException("only a list has several default values: " + name);
        }
    }

    public static Key of(String name, KeyType type, String description) {
        return new Key(name, type, description, List.of(), Optional.empty());
    }

    /** The same key with a literal default (several values for a list). */
    public Key byDefault(String... values) {
        return new Key(name, type, description, List.of(values), defaultNote);
    }

    /** The same key with the default said in words. */
    public Key defaultNote(String note) {
        return new Key(name, type, description, defaults, Optional.of(note));
    }

    /** The literal default of a single-valued key. */
    public Optional<String> defaultValue() {
        return type instanceof KeyType.ListOf || defaults.isEmpty() ? Optional.empty() : Optional.of(defaults.get(0));
    }

    /** Whether the key holds a value (or list/map of values) rather than further keys. */
    public boolean isLeaf() {
        if (type instanceof KeyType.ListOf list) {
            return !(list.element() instanceof KeyType.Section);
        }
        if (type instanceof KeyType.MapOf map) {
            return !(map.value() instanceof KeyType.Section);
        }
        return type instanceof KeyType.Scalar;
    }
}
