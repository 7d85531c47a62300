package io.wssgate.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/configuration.md follows the {@link ConfigSchema}: its key reference is the one rendered
 * from the schema (so every key is documented with its type and default), and every key the
 * rest of the page names, in YAML examples, tables or text, is a key of the schema, with the
 * schema's default where a table gives one.
 *
 * <p>After changing the schema, regenerate the reference with
 * {@code mvn -pl core test -Dtest=ConfigurationDocsTest -Dwssgate.updateDocs=true}.
 */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final String BEGIN = "<!-- BEGIN generated key reference";
    private static final String END = "<!-- END generated key reference -->";
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]*) \\|");
    private static final Pattern KEY_IN_TEXT = Pattern.compile("`((?:wssgate\\.)?[a-z][a-z0-9-]*(?:\\.(?:[a-z0-9-]+|<name>)|\\[\\d+])+)(?::[^`]*)?`");

    @Test
    void theKeyReferenceIsRenderedFromTheSchema() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("the generated section's markers").isNotNegative().isLessThan(end);
        int start = doc.indexOf('\n', begin) + 1;
        String expected = KeyReference.render();
        if (!doc.substring(start, end).equals(expected) && Boolean.getBoolean("wssgate.updateDocs")) {
            doc = doc.substring(0, start) + expected + doc.substring(end);
            Files.writeString(DOC, doc, StandardCharsets.UTF_8);
            end = doc.indexOf(END);
        }
        assertThat(doc.substring(start, end))
                .as("docs/configuration.md's key reference; regenerate it with "
                        + "mvn -pl core test -Dtest=ConfigurationDocsTest -Dwssgate.updateDocs=true")
                .isEqualTo(expected);
        for (ConfigSchema.Entry leaf : ConfigSchema.leaves()) {
            assertThat(expected).as("every key is documented").contains(leaf.key().name());
        }
    }

    @Test
    void everyKeyOfTheYamlExamplesIsASchemaKey() throws Exception {
        String doc = handWritten();
        Matcher blocks = YAML_BLOCK.matcher(doc);
        List<String> keys = new ArrayList<>();
        while (blocks.find()) {
            Object tree = new Yaml().load(blocks.group(1));
            walk(tree, ConfigSchema.root(), "", keys);
        }
        assertThat(keys).as("keys in the YAML examples").hasSizeGreaterThan(130);
        assertThat(keys.stream().filter(k -> resolve(k).isEmpty())).as("not in the schema").isEmpty();
    }

    @Test
    void everyKeyNamedInTablesAndTextIsASchemaKeyWithTheSchemasDefault() throws Exception {
        String doc = handWritten();
        List<String> unknown = new ArrayList<>();
        Matcher rows = TABLE_ROW.matcher(doc);
        int tableKeys = 0;
        while (rows.find()) {
            Optional<Key> key = resolve(rows.group(1));
            if (key.isEmpty()) {
                continue; // a property of the starter or a value, not a key of the core (checked below if it looks like one)
            }
            tableKeys++;
            String shown = rows.group(2).trim();
            if (!key.get().defaults().isEmpty()) {
                assertThat(shown).as("default of %s", rows.group(1))
                        .isEqualTo(String.join(", ", key.get().defaults().stream().map(d -> "`" + d + "`").toList()));
            }
        }
        assertThat(tableKeys).as("keys in tables").isGreaterThanOrEqualTo(5);
        Matcher names = KEY_IN_TEXT.matcher(doc);
        int textKeys = 0;
        while (names.find()) {
            String name = names.group(1);
            if (looksLikeAKey(name)) {
                textKeys++;
                if (resolve(name).isEmpty()) {
                    unknown.add(name);
                }
            }
        }
        assertThat(textKeys).as("keys named in the text").isGreaterThan(20);
        assertThat(unknown).as("named in docs/configuration.md but not in the schema").isEmpty();
    }

    /** The page without the generated reference. */
    private static String handWritten() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        return doc.substring(0, doc.indexOf(BEGIN)) + doc.substring(doc.indexOf(END) + END.length());
    }

    /** Collects the key paths of a YAML example; {@code ...} and {@code <name>} are placeholders. */
    private static void walk(Object node, KeyType type, String path, List<String> out) {
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.equals("...")) {
                continue;
            }
            if (type instanceof MapOf mapOf) {
                if (mapOf.value() instanceof Section) {
                    walk(e.getValue(), mapOf.value(), path + ".*", out);
                }
                continue; // the names of a map of values are the user's
            }
            String keyPath = path.isEmpty() ? name : path + "." + name;
            out.add(keyPath);
            Optional<Key> key = type instanceof Section section ? section.key(name) : Optional.empty();
            if (key.isEmpty()) {
                continue;
            }
            KeyType child = key.get().type();
            if (child instanceof ListOf list && list.element() instanceof Section && e.getValue() instanceof List<?> items) {
                items.forEach(item -> walk(item, list.element(), keyPath + "[*]", out));
            } else {
                walk(e.getValue(), child, keyPath, out);
            }
        }
    }

    /** Names the root keys, a Spring property of them, or a key of a policy, as the text writes them. */
    private static boolean looksLikeAKey(String name) {
        String first = name.replaceFirst("^wssgate\\.", "").split("[.\\[]")[0];
        return ConfigSchema.root().key(first).isPresent() || ConfigSchema.policy().key(first).isPresent();
    }

    /**
     * The schema key a documented name refers to: a root key path ({@code policies.<name>.saml.max-age},
     * also with {@code wssgate.} in front) or a path within a policy ({@code saml.max-age}); an
     * operation's name stands where the schema has {@code operations.*}.
     */
    static Optional<Key> resolve(String name) {
        String path = name.replaceFirst("^wssgate\\.", "").replaceFirst("^policies\\.[^.]+", "policies.*").replaceAll("\\[(\\d+|n|\\*)]", "[*]")
                .replaceAll("\\.(\\d+)(?=\\.|$)", "[*]")
                // an operation's name, as policies' (operations.<name>.require, operations.submit-order.require)
                .replaceAll("(^|\\.)operations\\.[^.\\[]+(?=\\.|$)", "$1operations.*").replaceFirst("\\.\\*$", "")
                .replaceFirst("\\[\\*]$", ""); // an element of a list names the list's key
        Optional<ConfigSchema.Entry> entry = ConfigSchema.entry(path);
        if (entry.isEmpty()) {
            entry = ConfigSchema.entry("policies.*." + path);
        }
        return entry.map(ConfigSchema.Entry::key);
    }
}
