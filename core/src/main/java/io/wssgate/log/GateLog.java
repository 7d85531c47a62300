package io.wssgate.log;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The log lines an operator must never miss: rejections with their reason and correlation id,
 * responses replaced by a server fault, start-up and its failures. They go to SLF4J like every
 * other line of WSS Gate; but an application without an SLF4J provider would have SLF4J drop
 * them all silently (after one "NOP" notice), so then they go to {@code java.util.logging}
 * instead, which every JVM has, and a one-time notice says so. Messages use SLF4J's {@code {}}
 * placeholders either way.
 */
public final class GateLog {
    /**
     * Whether the fallback notice was printed: once per class loader, however many gates start
     * (a notice, not state any decision depends on).
     */
    private static final AtomicBoolean FALLBACK_ANNOUNCED = new AtomicBoolean();

    private final Logger slf4j;
    private final java.util.logging.Logger jul;

    private GateLog(Logger slf4j, java.util.logging.Logger jul) {
        this.slf4j = slf4j;
        this.jul = jul;
    }

    public static GateLog of(Class<?> type) {
        return of(type.getName(), LoggerFactory.getILoggerFactory());
    }

    /** The logger {@code name} of {@code factory}, or of java.util.logging when {@code factory} drops everything. */
    static GateLog of(String name, ILoggerFactory factory) {
        if (!(factory instanceof NOPLoggerFactory)) {
            return new GateLog(factory.getLogger(name), null);
        }
        java.util.logging.Logger fallback = java.util.logging.Logger.getLogger(name);
        if (FALLBACK_ANNOUNCED.compareAndSet(false, true)) {
            fallback.warning("WSS Gate: no SLF4J provider on the class path (e.g. slf4j-simple, logback-classic, "
                    + "log4j-slf4j2-impl); its rejection and start-up lines go to java.util.logging instead");
        }
        return new GateLog(null, fallback);
    }

    /** Whether the lines go to java.util.logging because no SLF4J provider is present. */
    public boolean usesFallback() {
        return jul != null;
    }

    public void info(String format, Object... args) {
        if (jul == null) {
            slf4j.info(format, args);
        } else {
            jul(Level.INFO, format, args);
        }
    }

    public void warn(String format, Object... args) {
        if (jul == null) {
            slf4j.warn(format, args);
        } else {
            jul(Level.WARNING, format, args);
        }
    }

    public void error(String format, Object... args) {
        if (jul == null) {
            slf4j.error(format, args);
        } else {
            jul(Level.SEVERE, format, args);
        }
    }

    public boolean isDebugEnabled() {
        return jul == null ? slf4j.isDebugEnabled() : jul.isLoggable(Level.FINE);
    }

    public void debug(String format, Object... args) {
        if (jul == null) {
            slf4j.debug(format, args);
        } else {
            jul(Level.FINE, format, args);
        }
    }

    public void debug(String message, Throwable cause) {
        if (jul == null) {
            slf4j.debug(message, cause);
        } else {
            jul.log(Level.FINE, message, cause);
        }
    }

    private void jul(Level level, String format, Object[] args) {
        if (jul.isLoggable(level)) {
            jul.log(level, MessageFormatter.arrayFormat(format, args).getMessage());
        }
    }
}
