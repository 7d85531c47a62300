package io.wssgate.filter;

import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the filter's configuration from its init-params: {@code config-file} (a YAML file:
 * an absolute path, or a path inside the web application such as
 * {@code /WEB-INF/wssgate.yaml}; {@code ${VAR}} allowed), or else the configuration keys
 * themselves ({@code policies.<name>.paths} ...), exactly as in the YAML file. Problems are
 * collected, not thrown, so key material can be checked in the same pass.
 */
final class FilterConfiguration {
    static final String CONFIG_FILE = "config-file";

    private FilterConfiguration() {
    }

    static WssGateConfig load(FilterConfig filterConfig, Problems problems) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        return load(filterConfig.getServletContext(), params, problems);
    }

    /**
     * The same from {@code params} as they are declared (a filter registration's init-params seen
     * before the filter exists, or a context-param holding {@code config-file}).
     */
    static WssGateConfig load(ServletContext context, Map<String, String> declared, Problems problems) {
        VariableResolver vars = VariableResolver.system();
        Map<String, String> params = new LinkedHashMap<>(declared);
        String file = params.remove(CONFIG_FILE);
        if (file == null) {
            return ConfigLoader.fromProperties(params, webAppRoot(context), vars, problems);
        }
        if (!params.isEmpty()) {
            problems.add(CONFIG_FILE, "give either config-file or inline keys, not both (inline: " + params.keySet() + ")");
            return new WssGateConfig(List.of());
        }
        return ConfigLoader.expandVariables(file, CONFIG_FILE, vars, problems)
                .map(f -> read(f, context, vars, problems))
                .orElse(new WssGateConfig(List.of()));
    }

    private static WssGateConfig read(String file, ServletContext context, VariableResolver vars, Problems problems) {
        Path path = Path.of(file);
        if (path.isAbsolute() && Files.exists(path)) {
            return ConfigLoader.fromYaml(path, vars, problems);
        }
        String real = context.getRealPath(file);
        if (real != null && Files.exists(Path.of(real))) {
            return ConfigLoader.fromYaml(Path.of(real), vars, problems);
        }
        // A container that runs the WAR packed has no file for it: read it as a resource.
        // Relative key paths in it then resolve against the working directory, so such a
        // file should name its keys by absolute paths (or ${VAR}s holding them).
        if (file.startsWith("/")) {
            try (InputStream in = context.getResourceAsStream(file)) {
                if (in != null) {
                    return ConfigLoader.fromYaml(new InputStreamReader(in, StandardCharsets.UTF_8),
                            Path.of("").toAbsolutePath(), vars, problems);
                }
            } catch (IOException e) {
                problems.add(CONFIG_FILE, "cannot read " + file + ": " + e.getMessage());
                return new WssGateConfig(List.of());
            }
        }
        problems.add(CONFIG_FILE, "file not found: " + file);
        return new WssGateConfig(List.of());
    }

    private static Path webAppRoot(ServletContext context) {
        String root = context.getRealPath("/");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root);
    }
}
