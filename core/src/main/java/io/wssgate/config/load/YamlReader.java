package io.wssgate.config.load;

import io.wssgate.config.Problems;
import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML into a plain tree of maps, lists and strings, defensively: only standard types,
 * no duplicate keys, few aliases (no "billion laughs"), a bounded document size.
 * Plain scalars stay strings (only {@code null}/{@code ~}/empty mean "no value"), so YAML 1.1
 * surprises like {@code yes} becoming true, {@code 012} becoming 10 or {@code 1:30} becoming 90
 * cannot happen: the binder parses every value itself with its own strict rules.
 */
final class YamlReader {
    static final String KEY_PATH = "(yaml)";
    private static final int MAX_ALIASES = 10;
    private static final int MAX_CODE_POINTS = 1024 * 1024;
    private static final int MAX_NESTING = 50;

    private YamlReader() {
    }

    /** The document's tree (an empty map for an empty document), or empty when it could not be parsed (reported). */
    static Optional<Object> read(Reader yaml, Problems problems) {
        try {
            Object tree = newYaml().load(yaml);
            return Optional.of(tree == null ? Map.of() : tree);
        } catch (MarkedYAMLException e) {
            problems.add(KEY_PATH, describe(e));
        } catch (YAMLException e) {
            problems.add(KEY_PATH, e.getMessage());
        }
        return Optional.empty();
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setTagInspector(tag -> false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new StringsOnly());
    }

    private static String describe(MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return where + e.getProblem() + context;
    }

    /** Resolves untagged scalars to strings, except the YAML spellings of null. */
    private static final class StringsOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
