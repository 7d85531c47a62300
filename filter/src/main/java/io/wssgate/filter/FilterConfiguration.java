package io.wssgate.filter;

import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import jakarta.servlet.FilterConfig;
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
        VariableResolver vars = VariableResolver.system();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        String file = params.remove(CONFIG_FILE);
        if (file == null) {
            return ConfigLoader.fromProperties(params, webAppRoot(filterConfig), vars, problems);
        }
        if (!params.isEmpty()) {
            problems.add(CONFIG_FILE, "give either config-file or inline keys, not both (inline: " + params.keySet() + ")");
            return new WssGateConfig(List.of());
        }
        Optional<Path> path = ConfigLoader.expandVariables(file, CONFIG_FILE, vars, problems)
                .flatMap(f -> resolve(f, filterConfig, problems));
        return path.map(p -> ConfigLoader.fromYaml(p, vars, problems)).orElse(new WssGateConfig(List.of()));
    }

    private static Optional<Path> resolve(String file, FilterConfig filterConfig, Problems problems) {
        Path path = Path.of(file);
        if (path.isAbsolute() && Files.exists(path)) {
            return Optional.of(path);
        }
        String real = filterConfig.getServletContext().getRealPath(file);
        if (real != null && Files.exists(Path.of(real))) {
            return Optional.of(Path.of(real));
        }
        problems.add(CONFIG_FILE, "file not found: " + file);
        return Optional.empty();
    }

    private static Path webAppRoot(FilterConfig filterConfig) {
        String root = filterConfig.getServletContext().getRealPath("/");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root);
    }
}
