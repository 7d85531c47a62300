package io.wssgate.config.schema;

import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;

/** Short factories for the schema's definitions, so each key reads as one line. */
final class Define {
    static final Scalar TEXT = Scalar.of(ValueKind.STRING);
    static final Scalar SECRET = Scalar.of(ValueKind.SECRET);
    static final Scalar BOOLEAN = Scalar.of(ValueKind.BOOLEAN);
    static final Scalar POSITIVE_INTEGER = Scalar.of(ValueKind.POSITIVE_INTEGER);
    static final Scalar DURATION = Scalar.of(ValueKind.DURATION);
    static final Scalar SIZE = Scalar.of(ValueKind.SIZE);
    static final Scalar URI = Scalar.of(ValueKind.URI);
    static final Scalar HTTP_URL = Scalar.of(ValueKind.HTTP_URL);
    static final Scalar FILE = Scalar.of(ValueKind.FILE);
    static final Scalar CLASS_NAME = Scalar.of(ValueKind.CLASS_NAME);
    static final Scalar MESSAGE_PART = Scalar.of(ValueKind.MESSAGE_PART);
    static final Scalar QNAME = Scalar.of(ValueKind.QNAME);

    private Define() {
    }

    static Key key(String name, KeyType type, String description) {
        return Key.of(name, type, description);
    }

    static Key flag(String name, boolean byDefault, String description) {
        return Key.of(name, BOOLEAN, description).byDefault(String.valueOf(byDefault));
    }

    /** A list whose flat form is comma-separated. */
    static ListOf listOf(KeyType element) {
        return new ListOf(element, true);
    }

    static MapOf mapOf(KeyType value) {
        return new MapOf(value);
    }

    static Scalar oneOf(Choice... choices) {
        return Scalar.oneOf(choices);
    }

    static Choice choice(String value, String description) {
        return new Choice(value, description);
    }

    static Section section(String name, String description, Key... keys) {
        return Section.of(name, description, keys);
    }
}
