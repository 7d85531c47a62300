package io.wssgate.observe;

import java.util.List;
import java.util.Map;

/**
 * What {@link JmxGateObserver} shows of one WSS Gate engine in JConsole, VisualVM or any JMX
 * client (MBean {@code io.wssgate:type=WssGate,name=...}): message counts by policy, outcome
 * and fault, and when the certificates it relies on expire.
 */
public interface WssGateMXBean {
    /** The engine's policies, in declaration order. */
    List<String> getPolicies();

    /** Messages accepted, every policy together. */
    long getAccepted();

    /** Messages rejected, every policy together. */
    long getRejected();

    /** Message counts by {@code policy/outcome/fault}, e.g. {@code partner/rejected/FailedCheck}; accepted ones have fault {@code none}. */
    Map<String, Long> getMessages();

    /** When each certificate in use expires (ISO-8601), by {@code policy/use/subject}. */
    Map<String, String> getCertificateExpiry();

    /** Whole days until the first certificate in use expires (negative once one has); Long.MAX_VALUE when none is in use. */
    long getDaysUntilFirstCertificateExpiry();
}
