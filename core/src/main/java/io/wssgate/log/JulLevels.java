package io.wssgate.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging (slf4j-jdk14): a level comes from logging.properties ({@code name.level})
 * or from code ({@code Logger.setLevel}).
 */
final class JulLevels implements LibraryLevels {
    /**
     * java.util.logging holds its loggers weakly: one nobody references (a package logger such as
     * {@code org.apache.wss4j.dom.processor}, before any class under it logs) may be collected
     * with its level. These are the loggers WSS Gate set, kept for as long as this class is loaded.
     */
    private static final Set<Logger> QUIETED = ConcurrentHashMap.newKeySet();

    @Override
    public boolean configured(String name) {
        LogManager manager = LogManager.getLogManager();
        for (String n : LibraryLevels.selfAndAncestors(name)) {
            Logger existing = manager.getLogger(n);
            if (manager.getProperty(n + ".level") != null || existing != null && existing.getLevel() != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        QUIETED.add(logger);
    }
}
