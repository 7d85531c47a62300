package io.wssgate.filter.interop;

import org.apache.xml.security.algorithms.JCEMapper;

/**
 * Undoes a JVM-wide side effect of Apache CXF's WS-SecurityPolicy clients: they initialise
 * WSS4J's streaming (StAX) code, whose Santuario configuration re-registers every algorithm's
 * JCE name, e.g. RSA-OAEP as {@code RSA/ECB/OAEPWithSHA1AndMGF1Padding} instead of the DOM
 * default {@code RSA/ECB/OAEPPadding}. WSS Gate's DOM processing expects the defaults (its
 * PKCS#11 token keys decrypt through an {@code OAEPPadding} cipher), so test classes that run
 * such clients restore them for the classes that share the JVM after them.
 */
final class SantuarioDefaults {
    private SantuarioDefaults() {
    }

    static void restore() {
        JCEMapper.registerDefaultAlgorithms();
    }
}
