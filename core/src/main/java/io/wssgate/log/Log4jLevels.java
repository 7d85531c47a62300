package io.wssgate.log;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.slf4j.ILoggerFactory;

/**
 * Log4j 2 (log4j-slf4j2-impl with log4j-core): the loggers the configuration declares are its
 * {@code LoggerConfig}s; {@code Configurator.setLevel} adds one for a name that has none. A
 * reconfiguration (a changed log4j2.xml being re-read) starts from the file again.
 */
final class Log4jLevels implements LibraryLevels {
    private final Object context;
    private final Method getConfiguration;
    private final Method getLoggers;
    private final Method setLevel;
    private final Object error;

    private Log4jLevels(Object context, ClassLoader loader) throws ReflectiveOperationException {
        Class<?> level = Class.forName("org.apache.logging.log4j.Level", false, loader);
        this.context = context;
        this.getConfiguration = context.getClass().getMethod("getConfiguration");
        this.getLoggers = Class.forName("org.apache.logging.log4j.core.config.Configuration", false, loader)
                .getMethod("getLoggers");
        this.setLevel = Class.forName("org.apache.logging.log4j.core.config.Configurator", false, loader)
                .getMethod("setLevel", String.class, level);
        this.error = level.getField("ERROR").get(null);
    }

    /** Empty when the Log4j API is routed to something other than log4j-core (which then has the levels). */
    static Optional<LibraryLevels> of(ILoggerFactory factory) throws ReflectiveOperationException {
        ClassLoader loader = factory.getClass().getClassLoader();
        Object context = Class.forName("org.apache.logging.log4j.LogManager", false, loader)
                .getMethod("getContext", boolean.class).invoke(null, false);
        if (!context.getClass().getName().equals("org.apache.logging.log4j.core.LoggerContext")) {
            return Optional.empty();
        }
        return Optional.of(new Log4jLevels(context, loader));
    }

    @Override
    public boolean configured(String name) {
        try {
            Map<?, ?> declared = (Map<?, ?>) getLoggers.invoke(getConfiguration.invoke(context));
            return LibraryLevels.selfAndAncestors(name).stream().anyMatch(declared::containsKey);
        } catch (ReflectiveOperationException e) {
            return true; // cannot tell: leave it as it is
        }
    }

    @Override
    public void quiet(String name) throws ReflectiveOperationException {
        setLevel.invoke(null, name, error);
    }
}
