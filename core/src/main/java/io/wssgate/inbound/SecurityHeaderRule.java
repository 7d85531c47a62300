package io.wssgate.inbound;

import io.wssgate.soap.SoapVersion;
import io.wssgate.config.SecurityHeaderPolicy;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * The one rule for which wsse:Security header a policy processes, used by the inbound
 * validator and by every integration that must agree with it (e.g. the Spring-WS interceptor
 * that claims the header as understood): see {@link SecurityHeaderPolicy} for the choices.
 * The SOAP 1.1 {@code actor} and SOAP 1.2 {@code role} attributes play the same part; their
 * {@code next} URIs differ and each is recognised only in its own SOAP version.
 */
public final class SecurityHeaderRule {
    public static final String SOAP11_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    public static final String SOAP12_NEXT = "http://www.w3.org/2003/05/soap-envelope/role/next";
    public static final String SOAP12_ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    private final SecurityHeaderPolicy policy;

    public SecurityHeaderRule(SecurityHeaderPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Whether a Security header addressed to {@code actorOrRole} (null or empty: no attribute)
     * in a message of {@code version} is the one this policy processes.
     */
    public boolean addressesUs(SoapVersion version, String actorOrRole) {
        String target = actorOrRole == null ? "" : actorOrRole.trim();
        if (policy.acceptNext() && target.equals(next(version))) {
            return true;
        }
        if (policy.actor().isPresent()) {
            return target.equals(policy.actor().get());
        }
        return target.isEmpty() || (version == SoapVersion.SOAP_12 && target.equals(SOAP12_ULTIMATE_RECEIVER));
    }

    /** The header's SOAP 1.1 actor or SOAP 1.2 role attribute; empty when it has none. */
    public static String actorOrRole(Element header, SoapVersion version) {
        String attribute = version == SoapVersion.SOAP_11 ? "actor" : "role";
        return header.getAttributeNS(version.envelopeNamespace(), attribute).trim();
    }

    /** What this rule looks for, for log lines: e.g. "no actor/role, or next". */
    public String describe() {
        String own = policy.actor().map(a -> "actor/role " + a).orElse("no actor/role (or SOAP 1.2 ultimateReceiver)");
        return policy.acceptNext() ? own + ", or next" : own;
    }

    private static String next(SoapVersion version) {
        return version == SoapVersion.SOAP_11 ? SOAP11_NEXT : SOAP12_NEXT;
    }
}
