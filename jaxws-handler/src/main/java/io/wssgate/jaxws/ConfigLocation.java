package io.wssgate.jaxws;

import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a YAML configuration is, found in this order: the location given explicitly (the
 * {@code config} of {@link WssGateEndpoint}), the system property {@value #SYSTEM_PROPERTY},
 * the environment variable {@value #ENVIRONMENT}, the classpath resource
 * {@value #DEFAULT_RESOURCE}. A location is a file path or {@code classpath:name}, and may use
 * {@code ${VAR}} like any configuration value.
 *
 * @param origin what named the location, used as the key path of problems
 * @param url    the file or resource
 */
record ConfigLocation(String origin, URL url) {
    static final String SYSTEM_PROPERTY = "wssgate.config";
    static final String ENVIRONMENT = "WSSGATE_CONFIG";
    static final String DEFAULT_RESOURCE = "wssgate.yaml";
    static final String CLASSPATH = "classpath:";

    /** Empty, with the reason in {@code problems}, when there is no location or it does not exist. */
    static Optional<ConfigLocation> resolve(String explicit, String explicitOrigin, ClassLoader loader,
                                            Problems problems) {
        VariableResolver vars = VariableResolver.system();
        if (explicit != null && !explicit.isBlank()) {
            return at(explicit, explicitOrigin, loader, vars, problems);
        }
        String property = System.getProperty(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return at(property, "system property " + SYSTEM_PROPERTY, loader, vars, problems);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return at(environment, "environment variable " + ENVIRONMENT, loader, vars, problems);
        }
        URL resource = loader.getResource(DEFAULT_RESOURCE);
        if (resource == null) {
            problems.add(SYSTEM_PROPERTY, "no WSS Gate configuration found: give it with @WssGateEndpoint(config = ...),"
                    + " the system property " + SYSTEM_PROPERTY + ", the environment variable " + ENVIRONMENT
                    + ", or as the classpath resource " + DEFAULT_RESOURCE);
            return Optional.empty();
        }
        return Optional.of(new ConfigLocation("classpath resource " + DEFAULT_RESOURCE, resource));
    }

    private static Optional<ConfigLocation> at(String value, String origin, ClassLoader loader, VariableResolver vars,
                                               Problems problems) {
        Optional<String> expanded = ConfigLoader.expandVariables(value.trim(), origin, vars, problems);
        if (expanded.isEmpty()) {
            return Optional.empty();
        }
        String location = expanded.get();
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            URL resource = loader.getResource(name);
            if (resource == null) {
                problems.add(origin, "classpath resource not found: " + name);
                return Optional.empty();
            }
            return Optional.of(new ConfigLocation(origin, resource));
        }
        try {
            // a missing file is reported by the loader, under the key path it uses for files
            return Optional.of(new ConfigLocation(origin, Path.of(location).toAbsolutePath().normalize().toUri().toURL()));
        } catch (IOException | RuntimeException e) {
            problems.add(origin, "invalid file path '" + location + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Identifies the configuration for caching: the same file or resource is the same configuration. */
    String key() {
        return url.toExternalForm();
    }

    /**
     * Loads it, best effort like {@link ConfigLoader}. Relative paths inside a file resolve
     * against its directory; inside a resource packed in a jar, against the working directory.
     */
    WssGateConfig load(Problems problems) {
        VariableResolver vars = VariableResolver.system();
        if ("file".equals(url.getProtocol())) {
            try {
                return ConfigLoader.fromYaml(Path.of(url.toURI()), vars, problems);
            } catch (URISyntaxException | RuntimeException e) {
                problems.add(origin, "invalid file URL " + url + ": " + e.getMessage());
                return new WssGateConfig(List.of());
            }
        }
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return ConfigLoader.fromYaml(reader, Path.of("").toAbsolutePath(), vars, problems);
        } catch (IOException e) {
            problems.add(origin, "cannot read " + url + ": " + e.getMessage());
            return new WssGateConfig(List.of());
        }
    }

    @Override
    public String toString() {
        return url + " (from " + origin + ")";
    }
}
