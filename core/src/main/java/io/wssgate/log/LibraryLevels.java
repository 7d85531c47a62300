package io.wssgate.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.ILoggerFactory;

/**
 * Logger levels of the SLF4J backend an application chose, as far as {@link QuietLoggers} needs
 * them: whether the application configured a logger (or one of its ancestors) itself, and
 * setting one to ERROR. SLF4J has no API for levels, so each backend is driven through its own
 * API by reflection: none of them becomes a dependency of WSS Gate.
 */
interface LibraryLevels {

    /** Whether the application's logging configuration sets a level for {@code name} or an ancestor (the root aside). */
    boolean configured(String name);

    /** Lets only ERROR (and worse) through {@code name} and the loggers under it that have no level of their own. */
    void quiet(String name) throws ReflectiveOperationException;

    /** The levels of the backend behind {@code factory}, if it is one WSS Gate knows. */
    static Optional<LibraryLevels> of(ILoggerFactory factory) throws ReflectiveOperationException {
        return switch (factory.getClass().getName()) {
            case "ch.qos.logback.classic.LoggerContext" -> Optional.of(new LogbackLevels(factory));
            case "org.apache.logging.slf4j.Log4jLoggerFactory" -> Log4jLevels.of(factory);
            case "org.slf4j.jul.JDK14LoggerFactory" -> Optional.of(new JulLevels());
            case "org.slf4j.simple.SimpleLoggerFactory" -> Optional.of(new SimpleLoggerLevels(factory));
            default -> Optional.empty();
        };
    }

    /** {@code a.b.c}, {@code a.b}, {@code a}: the names whose level a logger inherits, nearest first (the root aside). */
    static List<String> selfAndAncestors(String name) {
        List<String> names = new ArrayList<>();
        for (String n = name; !n.isEmpty(); n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "") {
            names.add(n);
        }
        return names;
    }
}
