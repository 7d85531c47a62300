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
        Path absolute = file.toAbsolutePath();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            return fromYaml(reader, absolute.getParent(), vars);
        } catch (NoSuchFileException e) {
            throw single("file not found: " + absolute);
        } catch (IOException e) {
            throw single("cannot read " + absolute + ": " + e.getMessage());
        }
    }

    public static WssGateConfig fromYaml(Reader yaml, Path baseDir, VariableResolver vars) {
        Objects.requireNonNull(yaml, "yaml");
        Problems problems = new Problems();
        Optional<Object> tree = YamlReader.read(yaml, problems);
        problems.throwIfAny();
        return bind(tree.orElseThrow(), baseDir, vars, problems);
    }

    /**
     * Dotted keys such as {@code policies.p.saml.issuers[0].name}. The map's iteration order is the
     * policy match order, so pass an ordered map when several policies could match one path.
     */
    public static WssGateConfig fromProperties(Map<String, String> flat, Path baseDir, VariableResolver vars) {
        Objects.requireNonNull(flat, "flat");
        Problems problems = new Problems();
        Map<String, Object> tree = FlatKeys.toTree(flat, problems);
        return bind(tree, baseDir, vars, problems);
    }

    /** An already nested tree of maps, lists and scalars (String, Number, Boolean). */
    public static WssGateConfig fromTree(Map<String, ?> tree, Path baseDir, VariableResolver vars) {
        Objects.requireNonNull(tree, "tree");
        return bind(tree, baseDir, vars, new Problems());
    }

    private static WssGateConfig bind(Object tree, Path baseDir, VariableResolver vars, Problems problems) {
        Objects.requireNonNull(baseDir, "baseDir");
        BindContext ctx = new BindContext(problems, new Interpolator(vars), baseDir);
        WssGateConfig config = ConfigBinder.bind(Node.root(tree, ctx));
        problems.throwIfAny();
        return config;
    }

    private static ConfigurationException single(String message) {
        Problems problems = new Problems();
        problems.add(YamlReader.KEY_PATH, message);
        return new ConfigurationException(problems.list());
    }
}
