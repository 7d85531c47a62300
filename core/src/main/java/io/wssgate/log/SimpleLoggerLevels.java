package io.wssgate.log;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * slf4j-simple: a logger's level comes from {@code org.slf4j.simpleLogger.log.<name>} (a system
 * property, else simplelogger.properties), read once when the logger is created, for its name or
 * the nearest ancestor that has one. So quieting is that system property, for loggers created
 * later, plus the level of those already created under the name.
 */
final class SimpleLoggerLevels implements LibraryLevels {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";
    /** slf4j-simple's LOG_LEVEL_ERROR (org.slf4j.event.EventConstants.ERROR_INT). */
    private static final int ERROR = 40;

    private final ILoggerFactory factory;
    private final Object settings;
    private final Method property;
    private final Field loggers;
    private final Field level;

    SimpleLoggerLevels(ILoggerFactory factory) throws ReflectiveOperationException {
        ClassLoader loader = factory.getClass().getClassLoader();
        Class<?> simpleLogger = Class.forName("org.slf4j.simple.SimpleLogger", false, loader);
        Field config = simpleLogger.getDeclaredField("CONFIG_PARAMS");
        config.setAccessible(true);
        this.factory = factory;
        this.settings = config.get(null);
        this.property = settings.getClass().getDeclaredMethod("getStringProperty", String.class);
        this.property.setAccessible(true);
        this.loggers = factory.getClass().getDeclaredField("loggerMap");
        this.loggers.setAccessible(true);
        this.level = simpleLogger.getDeclaredField("currentLogLevel");
        this.level.setAccessible(true);
    }

    @Override
    public boolean configured(String name) {
        return LibraryLevels.selfAndAncestors(name).stream().anyMatch(this::hasOwnLevel);
    }

    private boolean hasOwnLevel(String name) {
        try {
            return property.invoke(settings, PREFIX + name) != null;
        } catch (ReflectiveOperationException e) {
            return true; // cannot tell: leave it as it is
        }
    }

    @Override
    public void quiet(String name) throws ReflectiveOperationException {
        System.setProperty(PREFIX + name, "error");
        for (Map.Entry<?, ?> created : ((Map<?, ?>) loggers.get(factory)).entrySet()) {
            String loggerName = (String) created.getKey();
            if (created.getValue() instanceof Logger logger && under(loggerName, name)) {
                level.setInt(logger, ERROR);
            }
        }
    }

    /** Whether {@code logger} takes its level from {@code name}: it is that logger, or below it with no level of its own in between. */
    private boolean under(String logger, String name) {
        if (logger.equals(name)) {
            return true;
        }
        if (!logger.startsWith(name + ".")) {
            return false;
        }
        return LibraryLevels.selfAndAncestors(logger).stream()
                .takeWhile(n -> !n.equals(name))
                .noneMatch(this::hasOwnLevel);
    }
}
