package io.wssgate.config.schema;

/**
 * What a single configuration value means, and so how it is written. The binders parse each
 * kind; the schema names it so documentation and IDE metadata can say what a key takes.
 */
public enum ValueKind {
    STRING("text"),
    /** A password or other secret: usually {@code ${VAR}}, never shown in logs. */
    SECRET("secret"),
    BOOLEAN("boolean"),
    /** An integer greater than 0. */
    POSITIVE_INTEGER("integer > 0"),
    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601 {@code PT5M}. */
    DURATION("duration"),
    /** A duration, or {@code off} (same as 0) for never. */
    DURATION_OR_OFF("duration or off"),
    /** Bytes, or with a unit: KB/MB/GB (1000-based), KiB/MiB/GiB (1024-based). */
    SIZE("size"),
    /** An absolute URI, e.g. an algorithm or actor. */
    URI("URI"),
    /** An absolute http or https URL. */
    HTTP_URL("http(s) URL"),
    /** A file name; relative names resolve against the configuration's directory. */
    FILE("file"),
    /** A fully qualified Java class name, instantiated with its no-argument constructor. */
    CLASS_NAME("class name"),
    /** A Java regular expression. */
    REGEX("regex"),
    /** A Servlet URL pattern: {@code /exact}, {@code /prefix/*}, {@code *.ext} or {@code /}. */
    URL_PATTERN("URL pattern"),
    /** An X.500 distinguished name such as {@code CN=client,O=Example}. */
    DISTINGUISHED_NAME("distinguished name"),
    /** {@code Body}, {@code Timestamp} (where the key allows it) or a header as {@code {namespace}LocalName}. */
    MESSAGE_PART("message part"),
    /** An element name as {@code {namespace}LocalName} (a payload root, a header block). */
    QNAME("QName"),
    /** One of the values the key lists. */
    CHOICE("one of");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    /** How the kind reads in documentation, e.g. {@code duration}. */
    public String label() {
        return label;
    }
}
