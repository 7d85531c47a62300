package io.wssgate.log;

import java.util.List;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The WSS4J and Santuario loggers that write a WARN line per request for conditions WSS Gate
 * itself reports in its one rejection line (with the precise reason and the correlation id), or
 * even for valid messages (Santuario's "input bytes to the digest operation are null" for every
 * STR-Transform reference).
 *
 * <p>When a gate starts, {@link #quietUnlessConfigured()} sets them to ERROR in the SLF4J backend
 * present (Logback, Log4j 2, java.util.logging through slf4j-jdk14, slf4j-simple), each one only
 * if the application's logging configuration sets no level for it or an ancestor, so a level the
 * application chose always wins. Their ERROR lines (a library that cannot start) still show. The
 * system property {@value #OPT_OUT} {@code =false} leaves them all alone. The Spring Boot starter
 * sets the same names as {@code logging.level.*} defaults, which Boot applies before this runs.
 */
public final class QuietLoggers {
    public static final List<String> NAMES = List.of(
            "org.apache.jcp.xml.dsig.internal.dom.DOMReference",
            "org.apache.xml.security.signature.Reference",
            "org.apache.xml.security.signature.XMLSignature",
            "org.apache.wss4j.common.crypto.AlgorithmSuiteValidator",
            "org.apache.wss4j.common.util.DateUtil",
            "org.apache.wss4j.common.saml.SamlAssertionWrapper",
            "org.apache.wss4j.dom.processor",
            "org.apache.wss4j.dom.validate");

    /** System property: {@code false} keeps the backend's own levels for {@link #NAMES}. */
    public static final String OPT_OUT = "wssgate.logging.quiet-libraries";

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(QuietLoggers.class);

    private QuietLoggers() {
    }

    /** Sets {@link #NAMES} to ERROR where the application did not configure them, unless opted out. */
    public static void quietUnlessConfigured() {
        if (!"false".equalsIgnoreCase(System.getProperty(OPT_OUT, "true").strip())) {
            quietUnlessConfigured(LoggerFactory.getILoggerFactory());
        }
    }

    /** The names quieted in {@code factory}'s backend: none if it is unknown or the application configured them all. */
    static List<String> quietUnlessConfigured(ILoggerFactory factory) {
        Optional<LibraryLevels> levels;
        try {
            levels = LibraryLevels.of(factory);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // a backend version whose internals differ: its lines stay as the application configured them
            LOG.debug("Cannot set levels of {}; docs/operations.md \"Quiet by default\" lists the loggers to configure",
                    factory.getClass().getName(), e);
            return List.of();
        }
        if (levels.isEmpty()) {
            return List.of();
        }
        List<String> quieted = NAMES.stream().filter(name -> !levels.get().configured(name)).toList();
        for (String name : quieted) {
            try {
                levels.get().quiet(name);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("Cannot set the level of {} in {}", name, factory.getClass().getName(), e);
                return List.of();
            }
        }
        LOG.debug("Library loggers set to ERROR (none configured by the application): {}", quieted);
        return quieted;
    }
}
