package io.wssgate.config.load;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.DidYouMean;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Section;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A position in the configuration tree (a map, a list, a scalar or nothing) together with its
 * key path and what the {@link ConfigSchema} declares there. Reading through a node reports every
 * mistake as a problem at that path and yields "no value" instead of throwing, so one pass finds
 * all problems. The schema decides which keys a section accepts and whether a flat value is a
 * comma-separated list, so the binders cannot drift from it: reading a key the schema does not
 * declare is a programming error and throws.
 * Scalars may be any object whose text is meaningful (String, Number, Boolean), so trees built
 * by frameworks bind the same as YAML. Maps whose keys are all 0..n-1 count as lists: that is
 * what flat keys like {@code issuers.0.name} produce.
 */
final class Node {
    private final String path;
    private final Object value;
    private final KeyType type;
    private final BindContext ctx;
    /** True when placeholders were already replaced (elements split out of a resolved scalar). */
    private final boolean resolved;

    private Node(String path, Object value, KeyType type, BindContext ctx, boolean resolved) {
        this.path = path;
        this.value = value;
        this.type = type;
        this.ctx = ctx;
        this.resolved = resolved;
    }

    static Node root(Object tree, BindContext ctx) {
        return new Node("", tree, ConfigSchema.root(), ctx, false);
    }

    String keyPath() {
        return path.isEmpty() ? "(root)" : path;
    }

    BindContext context() {
        return ctx;
    }

    boolean present() {
        return value != null;
    }

    /**
     * Whether a list or map was given with nothing in it: {@code []}, {@code {}}, or an empty flat
     * value. Unlike a list whose elements failed to parse, that is a choice to report on its own.
     */
    boolean givenEmpty() {
        if (value instanceof List<?> list) {
            return list.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        return value instanceof CharSequence text && text.toString().isBlank();
    }

    boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    void problem(String message) {
        ctx.problems().add(keyPath(), message);
    }

    String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The key {@code key} of this section, which the schema must declare. */
    Node get(String key) {
        KeyType childType = type instanceof Section section ? section.key(key).map(k -> k.type()).orElse(null) : null;
        if (childType == null) {
            throw new IllegalStateException("a binder reads " + childPath(key) + ", which the configuration schema "
                    + "does not declare there");
        }
        ctx.onRead().accept(childPath(key));
        Object child = value instanceof Map<?, ?> map ? map.get(key) : null;
        return new Node(childPath(key), child, childType, ctx, false);
    }

    /**
     * Checks this is a map holding only the keys the schema declares for this section; false
     * (reported) when it is something else. Each other key is reported as unknown.
     */
    boolean expectMap() {
        if (!present()) {
            return false;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem("expected a map of keys, found " + kind());
            return false;
        }
        List<String> allowed = type instanceof Section section ? section.keyNames() : List.of();
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                ctx.problems().add(childPath(String.valueOf(key)), DidYouMean.unknownKey(String.valueOf(key), allowed));
            }
        }
        return true;
    }

    /**
     * The entries of a map whose keys are names chosen by the user (e.g. policy names), in order.
     * A nested map below such an entry (a dotted provider property) keeps the entries' type.
     */
    Map<String, Node> entries() {
        Map<String, Node> out = new LinkedHashMap<>();
        KeyType valueType = type instanceof MapOf map ? map.value() : type;
        if (present() && !(value instanceof Map<?, ?>)) {
            problem("expected a map of keys, found " + kind());
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k),
                    new Node(childPath(String.valueOf(k)), v, valueType, ctx, false)));
        }
        return out;
    }

    private KeyType elementType() {
        return type instanceof ListOf list ? list.element() : type;
    }

    /** The elements of a list; absent gives an empty list. Empty elements are reported and left out. */
    List<Node> elements() {
        List<Node> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Node element = new Node(path + "[" + i + "]", list.get(i), elementType(), ctx, false);
                if (element.present()) {
                    out.add(element);
                } else {
                    element.problem("empty list element");
                }
            }
        } else if (value instanceof Map<?, ?> map && !map.isEmpty() && allIndexKeys(map)) {
            indexedElements(map, out);
        } else if (present()) {
            problem("expected a list, found " + kind());
        }
        return out;
    }

    private void indexedElements(Map<?, ?> map, List<Node> out) {
        TreeMap<Integer, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(Integer.valueOf(String.valueOf(k)), v));
        int expected = 0;
        for (Map.Entry<Integer, Object> e : sorted.entrySet()) {
            if (e.getKey() != expected) {
                problem("list index [" + expected + "] is missing");
                return;
            }
            out.add(new Node(path + "[" + expected++ + "]", e.getValue(), elementType(), ctx, false));
        }
    }

    private static boolean allIndexKeys(Map<?, ?> map) {
        return map.keySet().stream().allMatch(k -> String.valueOf(k).matches("0|[1-9]\\d{0,8}"));
    }

    /**
     * The elements of a list of scalars, or empty when absent. A single scalar is accepted as the
     * whole list; where the schema declares the list comma-separated it is split on commas (the
     * flat-key form); lists of values that contain commas themselves (distinguished-name
     * patterns) are not split.
     */
    Optional<List<Node>> scalarElements() {
        if (!present()) {
            return Optional.empty();
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return Optional.of(elements());
        }
        List<Node> out = new ArrayList<>();
        Optional<String> text = text();
        if (text.isPresent()) {
            boolean splitCommas = type instanceof ListOf list && list.commaSeparated();
            String[] parts = splitCommas ? text.get().split(",") : new String[] {text.get()};
            for (String part : parts) {
                if (!part.isBlank()) {
                    out.add(new Node(path + "[" + out.size() + "]", part.trim(), elementType(), ctx, true));
                }
            }
        }
        return Optional.of(out);
    }

    /** A list of scalars each converted by {@code parser} (which throws IllegalArgumentException); empty if absent. */
    <T> Optional<List<T>> list(Function<String, T> parser) {
        return scalarElements().map(nodes -> {
            List<T> out = new ArrayList<>();
            nodes.forEach(n -> n.parse(parser).ifPresent(out::add));
            return out;
        });
    }

    /** A list of scalars that must hold at least one element; {@code what} names one element in the message. */
    <T> List<T> requiredList(Function<String, T> parser, String what) {
        List<Node> nodes = scalarElements().orElse(List.of());
        if (nodes.isEmpty()) {
            problem("at least one " + what + " is required");
        }
        List<T> out = new ArrayList<>();
        nodes.forEach(n -> n.parse(parser).ifPresent(out::add));
        return out;
    }

    Optional<List<String>> texts() {
        return list(Function.identity());
    }

    /** The scalar, placeholders replaced and trimmed; empty when absent or unusable (reported). */
    Optional<String> text() {
        return rawText().map(String::trim);
    }

    /** Like {@link #text()} but untrimmed: surrounding blanks may be part of a password. */
    Optional<String> secretText() {
        return rawText();
    }

    private Optional<String> rawText() {
        if (!present()) {
            return Optional.empty();
        }
        if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
            problem("expected a single value, found " + kind());
            return Optional.empty();
        }
        String text = value.toString();
        if (resolved) {
            return Optional.of(text);
        }
        try {
            return Optional.of(ctx.interpolator().apply(text));
        } catch (IllegalArgumentException e) {
            problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** The scalar converted by {@code parser}, which reports bad values by IllegalArgumentException. */
    <T> Optional<T> parse(Function<String, T> parser) {
        return text().flatMap(t -> {
            try {
                return Optional.of(parser.apply(t));
            } catch (IllegalArgumentException e) {
                problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A value that must be given and not blank. */
    Optional<String> requiredText() {
        if (!present()) {
            problem("required");
            return Optional.empty();
        }
        Optional<String> text = text();
        if (text.isPresent() && text.get().isEmpty()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return text;
    }

    /** A file name, resolved against the configuration's base directory when relative. */
    Optional<Path> file() {
        return parse(this::toPath);
    }

    /** A file name that must be given. */
    Optional<Path> requiredFile() {
        if (!present()) {
            problem("required");
            return Optional.empty();
        }
        return file();
    }

    Path toPath(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("file name must not be empty");
        }
        try {
            return ctx.baseDir().resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid file name '" + text + "'");
        }
    }

    private String kind() {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                ? "a single value" : "a value of type " + value.getClass().getSimpleName();
    }
}
