package io.wssgate.spring;

import io.wssgate.log.QuietLoggers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Quiet by default: WSS4J and Santuario log a WARN line of their own for conditions WSS Gate
 * reports in its rejection line (with the reason and the correlation id), and even for some
 * valid messages. This sets {@code logging.level.<logger>=ERROR} for those loggers
 * ({@link QuietLoggers#NAMES}) as the lowest-precedence defaults, so Boot applies them whatever
 * the logging backend, and any {@code logging.level.*} of the application's own wins. The
 * engine's opt-out, {@code -Dwssgate.logging.quiet-libraries=false}, leaves these defaults out too.
 */
public class WssGateLoggingDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "wssgate-logging-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("false".equalsIgnoreCase(environment.getProperty(QuietLoggers.OPT_OUT, "true").strip())) {
            return;
        }
        Map<String, Object> levels = new LinkedHashMap<>();
        QuietLoggers.NAMES.forEach(name -> levels.put("logging.level." + name, "ERROR"));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, levels));
    }
}
