package io.wssgate.log;

import java.lang.reflect.Method;
import org.slf4j.ILoggerFactory;

/**
 * Logback: a logger's own level ({@code Logger.getLevel()}) is set only by the configuration
 * (logback.xml, Spring Boot's {@code logging.level.*}) or by code; without one it inherits.
 */
final class LogbackLevels implements LibraryLevels {
    private final ILoggerFactory context;
    private final Method exists;
    private final Method getLevel;
    private final Method setLevel;
    private final Object error;

    LogbackLevels(ILoggerFactory context) throws ReflectiveOperationException {
        ClassLoader loader = context.getClass().getClassLoader();
        Class<?> logger = Class.forName("ch.qos.logback.classic.Logger", false, loader);
        Class<?> level = Class.forName("ch.qos.logback.classic.Level", false, loader);
        this.context = context;
        this.exists = context.getClass().getMethod("exists", String.class);
        this.getLevel = logger.getMethod("getLevel");
        this.setLevel = logger.getMethod("setLevel", level);
        this.error = level.getField("ERROR").get(null);
    }

    @Override
    public boolean configured(String name) {
        try {
            for (String n : LibraryLevels.selfAndAncestors(name)) {
                Object logger = exists.invoke(context, n);
                if (logger != null && getLevel.invoke(logger) != null) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException e) {
            return true; // cannot tell: leave it as it is
        }
    }

    @Override
    public void quiet(String name) throws ReflectiveOperationException {
        setLevel.invoke(context.getLogger(name), error);
    }
}
