package io.wssgate.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Quiet by default with every SLF4J backend WSS Gate knows, each in an application of its own (a
 * child JVM whose class path has that backend instead of the tests' slf4j-simple): a valid
 * sender-vouches message and a SAML assertion edited after signing produce none of WSS4J's or
 * Santuario's WARN lines while the rejection line and ERROR lines still show; a level the
 * application configured for such a logger (or an ancestor) is kept; and the system property
 * opts out. The backends' jars come from the build (core/pom.xml, wssgate.test.backend.*).
 */
class QuietLoggersBackendTest {
    /** Santuario's lines: the STR-Transform reference of a valid message, and the digest of the edited assertion. */
    private static final List<String> LIBRARY_WARNINGS = List.of(
            "The input bytes to the digest operation are null",
            "Verification failed for URI",
            "Expected Digest",
            "Actual Digest");

    enum Backend {
        LOGBACK("wssgate.test.backend.logback"),
        LOG4J("wssgate.test.backend.log4j"),
        JUL("wssgate.test.backend.jul"),
        SIMPLE(null);

        private final String jars;

        Backend(String jars) {
            this.jars = jars;
        }

        List<String> classPath() {
            if (jars == null) {
                return List.of(Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator)).filter(e -> e.contains("slf4j-simple")).findFirst().orElseThrow());
            }
            String paths = System.getProperty(jars);
            assertThat(paths).as("set by the build (core/pom.xml)").isNotBlank().doesNotContain("${");
            return List.of(paths.split(File.pathSeparator));
        }

        /**
         * JVM options for the application's own logging configuration: none at all, except for
         * Log4j, whose default configuration shows ERROR only (the rejection line included), so
         * there the application's file sets the root to INFO. {@code userLevels}: the file also
         * sets org.apache.xml.security to INFO and DOMReference to WARN.
         */
        List<String> configuration(Path dir, boolean userLevels) throws Exception {
            switch (this) {
                case LOGBACK -> {
                    if (!userLevels) {
                        return List.of();
                    }
                    Path file = Files.writeString(dir.resolve("logback.xml"), """
                            <configuration>
                              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                                <encoder><pattern>%level %logger - %msg%n</pattern></encoder>
                              </appender>
                              <logger name="org.apache.xml.security" level="INFO"/>
                              <logger name="org.apache.jcp.xml.dsig.internal.dom.DOMReference" level="WARN"/>
                              <root level="INFO"><appender-ref ref="out"/></root>
                            </configuration>
                            """);
                    return List.of("-Dlogback.configurationFile=" + file);
                }
                case LOG4J -> {
                    String user = userLevels ? """
                            <Logger name="org.apache.xml.security" level="info"/>
                            <Logger name="org.apache.jcp.xml.dsig.internal.dom.DOMReference" level="warn"/>
                            """ : "";
                    Path file = Files.writeString(dir.resolve("log4j2.xml"), """
                            <Configuration status="warn">
                              <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%%level %%logger - %%msg%%n"/></Console></Appenders>
                              <Loggers>
                                %s<Root level="info"><AppenderRef ref="out"/></Root>
                              </Loggers>
                            </Configuration>
                            """.formatted(user));
                    return List.of("-Dlog4j2.configurationFile=" + file);
                }
                case JUL -> {
                    if (!userLevels) {
                        return List.of();
                    }
                    Path file = Files.writeString(dir.resolve("logging.properties"), """
                            handlers=java.util.logging.ConsoleHandler
                            .level=INFO
                            java.util.logging.ConsoleHandler.level=ALL
                            org.apache.xml.security.level=INFO
                            org.apache.jcp.xml.dsig.internal.dom.DOMReference.level=WARNING
                            """);
                    return List.of("-Djava.util.logging.config.file=" + file);
                }
                default -> {
                    return userLevels ? List.of("-Dorg.slf4j.simpleLogger.log.org.apache.xml.security=info",
                            "-Dorg.slf4j.simpleLogger.log.org.apache.jcp.xml.dsig.internal.dom.DOMReference=warn") : List.of();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutLoggingConfigurationTheLibrariesWarnNothingWssGateReports(Backend backend, @TempDir Path dir) throws Exception {
        String output = run(backend, backend.configuration(dir, false));

        assertRejectionLogged(output);
        assertThat(output).as(output).contains("probe ERROR line").doesNotContain("probe WARN line");
        LIBRARY_WARNINGS.forEach(line -> assertThat(output).as(output).doesNotContain(line));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aLevelTheApplicationConfiguredIsKept(Backend backend, @TempDir Path dir) throws Exception {
        String output = run(backend, backend.configuration(dir, true));

        assertRejectionLogged(output);
        LIBRARY_WARNINGS.forEach(line -> assertThat(output).as(output).contains(line));
        // the probe's package is not among the application's loggers: still quieted
        assertThat(output).as(output).contains("probe ERROR line").doesNotContain("probe WARN line");
    }

    @Test
    void theSystemPropertyLeavesTheLibrariesAlone() throws Exception {
        String output = run(Backend.SIMPLE, List.of("-D" + QuietLoggers.OPT_OUT + "=false"));

        assertRejectionLogged(output);
        LIBRARY_WARNINGS.forEach(line -> assertThat(output).as(output).contains(line));
        assertThat(output).as(output).contains("probe WARN line").contains("probe ERROR line");
    }

    private static String run(Backend backend, List<String> options) throws Exception {
        String output = ChildJvm.run(QuietLoggersMain.class, entry -> entry.contains("slf4j-simple"), backend.classPath(), options);
        int started = output.indexOf(QuietLoggersMain.ENGINE_STARTED);
        assertThat(started).as(output).isNotNegative();
        // the messages were signed before the engine started, by the application (the test), which may have warned
        return output.substring(started);
    }

    private static void assertRejectionLogged(String output) {
        assertThat(output).as(output).contains("sender-vouches accepted: true");
        Matcher id = Pattern.compile("tampered assertion rejected: ([0-9a-f-]{36})").matcher(output);
        assertThat(id.find()).as(output).isTrue();
        assertThat(output).as(output).contains("WS-Security rejected message [" + id.group(1) + "] policy=saml");
    }
}
