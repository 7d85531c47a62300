package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import io.wssgate.config.load.SchemaSamples.Sample;
import io.wssgate.config.load.SchemaSamples.Variant;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's binders and the {@link ConfigSchema} agree: every key of the schema is accepted
 * (from YAML and from flat keys) and read by a binder, every section refuses a key the schema
 * lacks, the schema's defaults are the loader's, and its choices are what the loader accepts.
 * Every configuration here is built from the schema alone (see {@link SchemaSamples}).
 */
class ConfigSchemaAgreementTest {
    private static final String UNKNOWN = "unknown key";

    @TempDir
    Path dir;

    @BeforeEach
    void sampleFile() throws Exception {
        Files.writeString(dir.resolve(SchemaSamples.SAMPLE_FILE), SchemaSamples.SAMPLE_FILE_CONTENT);
    }

    /**
     * All keys at once (each exclusive form too) and each valid variant, with a key the schema
     * lacks in every section: only those are unknown, and each section refused its one. A section
     * the binders skip in an invalid configuration (a key given in both forms is refused before
     * its keystore is looked at) is checked in the valid variants.
     */
    @Test
    void everySchemaKeyIsAcceptedFromYamlAndFlatKeysAndEverySectionRefusesOtherKeys() {
        List<Sample> samples = new ArrayList<>();
        String[][] choices = {{"self-issued", "memory"}, {"sts", "jcache"}, {"custom", "memory"}, {"propagated", "jcache"}};
        for (String[] choice : choices) {
            samples.add(SchemaSamples.everything(choice[0], choice[1]));
        }
        SchemaSamples.VARIANTS.forEach(variant -> samples.add(SchemaSamples.valid(variant, true)));
        Set<String> refused = new TreeSet<>();
        for (Sample sample : samples) {
            Loaded flat = bindFlat(sample.flat());
            Loaded yaml = bindYaml(sample.yaml());

            assertThat(unknownKeys(flat)).as("only the keys the schema lacks are unknown")
                    .allMatch(path -> path.endsWith("." + SchemaSamples.BOGUS) || path.equals(SchemaSamples.BOGUS))
                    .isNotEmpty();
            assertThat(unknownKeys(yaml)).as("YAML and flat keys bind alike").isEqualTo(unknownKeys(flat));
            unknownKeys(flat).forEach(path -> refused.add(SchemaSamples.patternOf(path)));
        }
        assertThat(refused).as("every section was checked and refused the key it lacks")
                .isEqualTo(new TreeSet<>(bogusPatternPerSection()));
    }

    @Test
    void everyKeyOfEverySectionIsReadAndYamlAndFlatKeysGiveTheSameModel() {
        Map<String, String> owners = SchemaSamples.ownerByPattern();
        Set<String> readKeys = new TreeSet<>();
        for (Variant variant : SchemaSamples.VARIANTS) {
            Sample sample = SchemaSamples.valid(variant);
            Loaded flat = bindFlat(sample.flat());
            Loaded yaml = bindYaml(sample.yaml());

            assertThat(flat.problems()).as("%s from flat keys", variant).isEmpty();
            assertThat(yaml.problems()).as("%s from YAML", variant).isEmpty();
            assertThat(flat.config()).as(variant.name()).usingRecursiveComparison()
                    .withComparatorForType(Comparator.comparing(Pattern::pattern), Pattern.class)
                    .isEqualTo(yaml.config());
            assertThat(flat.reads()).as("%s: every key given is read, none silently ignored", variant)
                    .containsAll(sample.leafPaths());
            flat.reads().forEach(path -> readKeys.add(owners.get(SchemaSamples.patternOf(path))));
        }
        assertThat(readKeys).as("each key of each section (Section.key) is read in some variant")
                .containsAll(new TreeSet<>(owners.values()));
    }

    @Test
    void theSchemasDefaultsAreTheLoadersDefaults() {
        Map<String, String> owners = SchemaSamples.ownerByPattern();
        Set<String> verified = new TreeSet<>();
        for (Variant variant : SchemaSamples.VARIANTS) {
            Sample sample = SchemaSamples.valid(variant);
            for (String leaf : sample.leafPaths()) {
                Key key = keyAt(leaf);
                if (key.defaults().isEmpty()) {
                    continue;
                }
                Map<String, String> without = new LinkedHashMap<>(sample.flat());
                without.remove(leaf);
                Loaded left = bindFlat(without);
                if (!left.problems().isEmpty()) {
                    continue; // the key cannot be left out in this variant (e.g. replay.cache with a jcache block)
                }
                Map<String, String> with = new LinkedHashMap<>(without);
                with.put(leaf, String.join(",", key.defaults()));
                Loaded given = bindFlat(with);

                assertThat(given.problems()).as("%s = %s", leaf, key.defaults()).isEmpty();
                assertThat(given.config()).as("%s = %s is what leaving it out gives", leaf, key.defaults())
                        .usingRecursiveComparison()
                        .withComparatorForType(Comparator.comparing(Pattern::pattern), Pattern.class)
                        .isEqualTo(left.config());
                verified.add(owners.get(SchemaSamples.patternOf(leaf)));
            }
        }
        Set<String> withDefaults = new TreeSet<>();
        ConfigSchema.leaves().stream().filter(e -> !e.key().defaults().isEmpty())
                .forEach(e -> withDefaults.add(owners.get(e.path())));
        assertThat(verified).as("every literal default was checked").isEqualTo(withDefaults).hasSizeGreaterThan(50);
    }

    @Test
    void everyChoiceIsAcceptedAndAnyOtherValueRefusedAtItsKey() {
        Map<String, String> owners = SchemaSamples.ownerByPattern();
        Set<String> checked = new TreeSet<>();
        for (Variant variant : SchemaSamples.VARIANTS) {
            Sample sample = SchemaSamples.valid(variant);
            for (String leaf : sample.leafPaths()) {
                Key key = keyAt(leaf);
                if (!SchemaSamples.isChoice(key.type())) {
                    continue;
                }
                KeyType single = key.type() instanceof ListOf list ? list.element() : key.type();
                for (Choice choice : ((Scalar) single).choices()) {
                    Map<String, String> flat = new LinkedHashMap<>(sample.flat());
                    flat.put(leaf, choice.value());
                    assertThat(problemsAt(bindFlat(flat), leaf)).as("%s: %s", leaf, choice.value()).isEmpty();
                }
                Map<String, String> flat = new LinkedHashMap<>(sample.flat());
                flat.put(leaf, "no-such-choice");
                assertThat(problemsAt(bindFlat(flat), leaf)).as("%s: no-such-choice", leaf).isNotEmpty();
                checked.add(owners.get(SchemaSamples.patternOf(leaf)));
            }
        }
        Set<String> choiceKeys = new TreeSet<>();
        ConfigSchema.leaves().stream().filter(e -> SchemaSamples.isChoice(e.key().type()))
                .forEach(e -> choiceKeys.add(owners.get(e.path())));
        assertThat(checked).isEqualTo(choiceKeys).contains("Replay.cache", "SecurityHeader.layout");
    }

    @Test
    void readingAKeyTheSchemaLacksIsAProgrammingError() {
        Node root = Node.root(Map.of(), new BindContext(new Problems(), new Interpolator(name -> Optional.empty()), dir));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.get("no-such-key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.get("replay").get("max-entries"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("replay.max-entries");
    }

    /** The key of the schema at a concrete path. */
    private static Key keyAt(String path) {
        return ConfigSchema.entry(SchemaSamples.patternOf(path)).orElseThrow().key();
    }

    /** Where {@link SchemaSamples#BOGUS} stands in each section of the schema. */
    private static List<String> bogusPatternPerSection() {
        List<String> out = new ArrayList<>(List.of(SchemaSamples.BOGUS));
        for (ConfigSchema.Entry entry : ConfigSchema.entries()) {
            KeyType type = entry.key().type();
            if (type instanceof Section) {
                out.add(entry.path() + "." + SchemaSamples.BOGUS);
            } else if (type instanceof ListOf list && list.element() instanceof Section) {
                out.add(entry.path() + "[*]." + SchemaSamples.BOGUS);
            } else if (type instanceof MapOf map && map.value() instanceof Section) {
                out.add(entry.path() + ".*." + SchemaSamples.BOGUS);
            }
        }
        return out;
    }

    private static Set<String> unknownKeys(Loaded loaded) {
        Set<String> out = new TreeSet<>();
        loaded.problems().stream().filter(p -> p.message().matches(UNKNOWN + "(; did you mean .*\\?)?")).forEach(p -> out.add(p.keyPath()));
        return out;
    }

    private static List<ConfigProblem> problemsAt(Loaded loaded, String path) {
        return loaded.problems().stream()
                .filter(p -> p.keyPath().equals(path) || p.keyPath().startsWith(path + "[")).toList();
    }

    private record Loaded(WssGateConfig config, List<ConfigProblem> problems, Set<String> reads) {
    }

    private Loaded bindFlat(Map<String, String> flat) {
        Problems problems = new Problems();
        return bind(FlatKeys.toTree(flat, problems), problems);
    }

    private Loaded bindYaml(String yaml) {
        Problems problems = new Problems();
        return bind(YamlReader.read(new StringReader(yaml), problems).orElseThrow(), problems);
    }

    /** What {@link ConfigLoader} does, with a context that records every key a binder reads. */
    private Loaded bind(Object tree, Problems problems) {
        Set<String> reads = new LinkedHashSet<>();
        BindContext ctx = new BindContext(problems, new Interpolator(name -> Optional.empty()), dir, reads::add);
        WssGateConfig config = ConfigBinder.bind(Node.root(tree, ctx));
        return new Loaded(config, problems.list(), reads);
    }
}
