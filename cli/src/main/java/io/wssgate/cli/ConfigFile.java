package io.wssgate.cli;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A configuration file read exactly as a server reads it: YAML ({@code .yaml}, {@code .yml}) or
 * the flat keys of web.xml init-params in a {@code .properties} file, {@code ${VAR}} from the
 * environment and system properties, relative file names against the file's directory.
 */
record ConfigFile(Path file, WssGateConfig config, List<ConfigProblem> problems) {

    static ConfigFile load(Path file) {
        Problems problems = new Problems();
        Path absolute = file.toAbsolutePath();
        WssGateConfig config;
        if (absolute.getFileName().toString().endsWith(".properties")) {
            Map<String, String> flat = new LinkedHashMap<>();
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new CannotRun("cannot read " + absolute + ": " + e.getMessage(), e);
            }
            // Properties forgets the order; policies match in declaration order, so keep the file's
            orderedKeys(absolute).forEach(k -> flat.put(k, properties.getProperty(k)));
            config = ConfigLoader.fromProperties(flat, absolute.getParent(), VariableResolver.system(), problems);
        } else {
            config = ConfigLoader.fromYaml(absolute, VariableResolver.system(), problems);
        }
        return new ConfigFile(absolute, config, problems.list());
    }

    private static List<String> orderedKeys(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                    .map(l -> l.split("[=:\\s]", 2)[0]).distinct().toList();
        } catch (IOException e) {
            throw new CannotRun("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The configuration, or a {@link CannotRun} listing every problem when it has any. */
    WssGateConfig usable() {
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder(file + " has " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " (see wssgate check):");
            problems.forEach(p -> text.append("\n  ").append(p));
            throw new CannotRun(text.toString());
        }
        return config;
    }

    /** The policy named {@code name}, or a {@link CannotRun} naming those there are. */
    PolicyConfig policy(String name) {
        return usable().policies().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new CannotRun("no policy '" + name + "' in " + file + " (it has "
                        + names() + ")"));
    }

    /** The policy for a request: named, else the one guarding the URL's path, else the only one. */
    PolicyConfig choose(Optional<String> name, Optional<String> endpoint) {
        if (name.isPresent()) {
            return policy(name.get());
        }
        if (endpoint.isPresent()) {
            String path = java.net.URI.create(endpoint.get()).getPath();
            Optional<PolicyConfig> byPath = usable().policies().stream().filter(p -> p.paths().stream()
                    .anyMatch(u -> io.wssgate.config.UrlPattern.matches(u, path) || matchesSuffix(u, path)))
                    .findFirst();
            if (byPath.isPresent()) {
                return byPath.get();
            }
        }
        if (usable().policies().size() == 1) {
            return usable().policies().get(0);
        }
        throw new CannotRun(file + " has several policies: name one with --policy (" + names() + ")");
    }

    /** A path as the server saw it may carry the application's context path in front of the pattern. */
    private static boolean matchesSuffix(String pattern, String path) {
        for (int i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
            if (io.wssgate.config.UrlPattern.matches(pattern, path.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private String names() {
        return String.join(", ", config.policies().stream().map(PolicyConfig::name).toList());
    }
}
