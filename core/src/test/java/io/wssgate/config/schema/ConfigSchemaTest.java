package io.wssgate.config.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema is well formed: what its readers (binders, generators, documentation) rely on. */
class ConfigSchemaTest {

    @Test
    void pathsAreUniqueAndLeavesAreTheKeysThatHoldValues() {
        List<ConfigSchema.Entry> entries = ConfigSchema.entries();
        Set<String> paths = new HashSet<>();
        entries.forEach(e -> assertThat(paths.add(e.path())).as(e.path()).isTrue());
        assertThat(ConfigSchema.entry("policies.*.timestamp.max-age")).hasValueSatisfying(e -> {
            assertThat(e.key().type()).isEqualTo(Scalar.of(ValueKind.DURATION));
            assertThat(e.key().defaults()).containsExactly("5m");
        });
        assertThat(ConfigSchema.entry("policies.*.saml.issuers[*].name")).isPresent();
        assertThat(ConfigSchema.entry("replay.jcache.properties")).hasValueSatisfying(e ->
                assertThat(e.key().isLeaf()).isTrue());
        assertThat(ConfigSchema.entry("policies.*.saml.issuers")).hasValueSatisfying(e ->
                assertThat(e.key().isLeaf()).isFalse());
        assertThat(ConfigSchema.leaves()).hasSizeGreaterThan(130)
                .allSatisfy(e -> assertThat(e.key().isLeaf()).isTrue());
    }

    /** Generated classes and documentation anchors are named after sections: one name, one shape. */
    @Test
    void aSectionNameStandsForOneSection() {
        Map<String, Section> byName = new LinkedHashMap<>();
        Map<Section, Boolean> seen = new IdentityHashMap<>();
        collect(ConfigSchema.root(), byName, seen);
        assertThat(byName).containsKeys("Policy", "Key", "Keystore", "StsAuthentication", "Replay");
        assertThat(byName.get("Key")).isSameAs(ConfigSchema.entry("policies.*.decryption.key").orElseThrow().key().type())
                .isSameAs(ConfigSchema.entry("policies.*.outbound.signature.key").orElseThrow().key().type());
    }

    @Test
    void everyKeyHasAOneLineDescriptionAndDefaultsAreAllowedValues() {
        for (ConfigSchema.Entry entry : ConfigSchema.entries()) {
            Key key = entry.key();
            assertThat(key.description()).as(entry.path()).isNotBlank().doesNotContain("\n").endsWith(".");
            key.defaultNote().ifPresent(note -> assertThat(note).as(entry.path()).isNotBlank().doesNotEndWith("."));
            KeyType single = key.type() instanceof ListOf list ? list.element() : key.type();
            if (single instanceof Scalar scalar && scalar.kind() == ValueKind.CHOICE) {
                List<String> values = scalar.choices().stream().map(Choice::value).toList();
                assertThat(values).as(entry.path()).doesNotHaveDuplicates().containsAll(key.defaults());
            }
            if (key.type() instanceof Section || key.type() instanceof MapOf) {
                assertThat(key.defaults()).as(entry.path()).isEmpty();
            }
        }
    }

    @Test
    void malformedDefinitionsAreRefused() {
        assertThatThrownBy(() -> Key.of("maxAge", Scalar.of(ValueKind.DURATION), "x."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Key.of("max-age", Scalar.of(ValueKind.DURATION), "x.").byDefault("1s", "2s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Scalar(ValueKind.CHOICE, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Section.of("S", "x.", Key.of("a", Scalar.of(ValueKind.STRING), "x."),
                Key.of("a", Scalar.of(ValueKind.STRING), "y."))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void collect(Section section, Map<String, Section> byName, Map<Section, Boolean> seen) {
        if (seen.put(section, true) != null) {
            return;
        }
        Section known = byName.putIfAbsent(section.name(), section);
        assertThat(known == null || known == section).as("two sections named %s", section.name()).isTrue();
        for (Key key : section.keys()) {
            KeyType type = key.type();
            KeyType inner = type instanceof ListOf list ? list.element() : type instanceof MapOf map ? map.value() : type;
            if (inner instanceof Section nested) {
                collect(nested, byName, seen);
            }
        }
    }
}
