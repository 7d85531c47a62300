package io.wssgate.config.load;

import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a {@link WssGateConfig} from YAML, flat dotted keys or a nested tree. All three become
 * the same tree and go through one binder, so key names and rules are identical everywhere.
 * Every method either returns a fully valid model or throws a {@link ConfigurationException}
 * listing every problem found, each with its key path.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** Reads a UTF-8 YAML file; relative file names inside it are resolved against the file's directory. */
    public static WssGateConfig fromYaml(Path file, VariableResolver vars) {
        return throwingIfAny(problems -> fromYaml(file, vars, problems));
    }

    /**
     * Best effort: binds what it can, adding every problem to {@code problems} instead of
     * throwing, so a caller can go on to check key material and report everything at once.
     * The returned model is only meaningful when no problem was added.
     */
    public static WssGateConfig fromYaml(Path file, VariableResolver vars, Problems problems) {
        Path absolute = file.toAbsolutePath();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            return fromYaml(reader, absolute.getParent(), vars, problems);
        } catch (NoSuchFileException e) {
            problems.add(YamlReader.KEY_PATH, "file not found: " + absolute);
        } catch (IOException e) {
            problems.add(YamlReader.KEY_PATH, "cannot read " + absolute + ": " + e.getMessage());
        }
        return new WssGateConfig(List.of());
    }

    public static WssGateConfig fromYaml(Reader yaml, Path baseDir, VariableResolver vars) {
        return throwingIfAny(problems -> fromYaml(yaml, baseDir, vars, problems));
    }

    /** Best effort, like {@link #fromYaml(Path, VariableResolver, Problems)}. */
    public static WssGateConfig fromYaml(Reader yaml, Path baseDir, VariableResolver vars, Problems problems) {
        Objects.requireNonNull(yaml, "yaml");
        Optional<Object> tree = YamlReader.read(yaml, problems);
        return tree.isPresent() ? bind(tree.get(), baseDir, vars, problems) : new WssGateConfig(List.of());
    }

    /**
     * Dotted keys such as {@code policies.p.saml.issuers[0].name}. The map's iteration order is the
     * policy match order, so pass an ordered map when several policies could match one path.
     */
    public static WssGateConfig fromProperties(Map<String, String> flat, Path baseDir, VariableResolver vars) {
        return throwingIfAny(problems -> fromProperties(flat, baseDir, vars, problems));
    }

    /** Best effort, like {@link #fromYaml(Path, VariableResolver, Problems)}. */
    public static WssGateConfig fromProperties(Map<String, String> flat, Path baseDir, VariableResolver vars,
                                               Problems problems) {
        Objects.requireNonNull(flat, "flat");
        Map<String, Object> tree = FlatKeys.toTree(flat, problems);
        return bind(tree, baseDir, vars, problems);
    }

    /** An already nested tree of maps, lists and scalars (String, Number, Boolean). */
    public static WssGateConfig fromTree(Map<String, ?> tree, Path baseDir, VariableResolver vars) {
        return throwingIfAny(problems -> fromTree(tree, baseDir, vars, problems));
    }

    /** Best effort, like {@link #fromYaml(Path, VariableResolver, Problems)}. */
    public static WssGateConfig fromTree(Map<String, ?> tree, Path baseDir, VariableResolver vars, Problems problems) {
        Objects.requireNonNull(tree, "tree");
        return bind(tree, baseDir, vars, problems);
    }

    /**
     * The tree of a YAML file as the loader reads it (maps, lists, strings), before binding: for
     * tools that show what a file sets ({@code wssgate check}). Empty, with the problem added,
     * when it cannot be read or parsed.
     */
    public static Optional<Object> readTree(Path yamlFile, Problems problems) {
        try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
            return YamlReader.read(reader, problems);
        } catch (IOException e) {
            problems.add(YamlReader.KEY_PATH, "cannot read " + yamlFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The tree flat keys make ({@code a.b[0].c} nested), as {@link #fromProperties} binds it. */
    public static Map<String, Object> treeOf(Map<String, String> flat, Problems problems) {
        return FlatKeys.toTree(flat, problems);
    }

    /** Replaces {@code ${VAR}} / {@code ${VAR:-default}} in one value, as in every configuration value. */
    public static Optional<String> expandVariables(String value, String keyPath, VariableResolver vars,
                                                   Problems problems) {
        try {
            return Optional.of(new Interpolator(vars).apply(value));
        } catch (IllegalArgumentException e) {
            problems.add(keyPath, e.getMessage());
            return Optional.empty();
        }
    }

    private static WssGateConfig bind(Object tree, Path baseDir, VariableResolver vars, Problems problems) {
        Objects.requireNonNull(baseDir, "baseDir");
        BindContext ctx = new BindContext(problems, new Interpolator(vars), baseDir);
        return ConfigBinder.bind(tree, ctx);
    }

    private static WssGateConfig throwingIfAny(java.util.function.Function<Problems, WssGateConfig> load) {
        Problems problems = new Problems();
        WssGateConfig config = load.apply(problems);
        problems.throwIfAny();
        return config;
    }
}
