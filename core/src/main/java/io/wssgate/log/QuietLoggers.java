package io.wssgate.log;

import java.util.List;

/**
 * The WSS4J and Santuario loggers that write a WARN line per request for conditions WSS Gate
 * itself reports in its one rejection line (with the precise reason and the correlation id), or
 * even for valid messages (Santuario's "input bytes to the digest operation are null" for every
 * STR-Transform reference). SLF4J cannot set levels, so WSS Gate cannot quiet them for every
 * logging backend: the Spring Boot starter sets them to ERROR as defaults, and
 * docs/operations.md gives the lines for Logback, Log4j 2, slf4j-simple and java.util.logging.
 * Their ERROR lines (a library that cannot start) still show.
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

    private QuietLoggers() {
    }
}
