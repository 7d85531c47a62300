package io.wssgate.filter;

import io.wssgate.config.ConfigurationException;
import io.wssgate.config.ConfigProblem;
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

/**
 * Reads the filter's configuration from its init-params: {@code config-file} (a YAML file:
 * an absolute path, or a path inside the web application such as
 * {@code /WEB-INF/wssgate.yaml}; {@code ${VAR}} allowed), or else the configuration keys
 * themselves ({@code policies.<name>.paths} ...), exactly as in the YAML file.
 */
final class FilterConfiguration {
    static final String CONFIG_FILE = "config-file";

    private FilterConfiguration() {
    }

    static WssGateConfig load(FilterConfig filterConfig) {
        VariableResolver vars = VariableResolver.system();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        String file = params.remove(CONFIG_FILE);
        if (file == null) {
            Path baseDir = webAppRoot(filterConfig);
            return ConfigLoader.fromProperties(params, baseDir, vars);
        }
        if (!params.isEmpty()) {
            throw new ConfigurationException(List.of(new ConfigProblem(CONFIG_FILE,
                    "give either config-file or inline keys, not both (inline: " + params.keySet() + ")")));
        }
        return ConfigLoader.fromYaml(resolve(expand(file, vars), filterConfig), vars);
    }

    private static Path resolve(String file, FilterConfig filterConfig) {
        Path path = Path.of(file);
        if (path.isAbsolute() && Files.exists(path)) {
            return path;
        }
        String real = filterConfig.getServletContext().getRealPath(file);
        if (real != null && Files.exists(Path.of(real))) {
            return Path.of(real);
        }
        throw new ConfigurationException(List.of(new ConfigProblem(CONFIG_FILE, "file not found: " + file)));
    }

    private static Path webAppRoot(FilterConfig filterConfig) {
        String root = filterConfig.getServletContext().getRealPath("/");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root);
    }

    private static String expand(String value, VariableResolver vars) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}:]+)(:-([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = vars.lookup(m.group(1)).orElse(m.group(3));
            if (replacement == null) {
                throw new ConfigurationException(List.of(new ConfigProblem(CONFIG_FILE, "undefined variable " + m.group(1))));
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
