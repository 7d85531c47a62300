package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Finds the one wsse:Security header addressed to us by the policy's {@link SecurityHeaderRule}.
 * Headers for other actors are left alone; two for us are an attack (the application could see
 * one while we verified the other), so they are refused, never chosen between.
 */
final class SecurityHeaderLocator {

    private SecurityHeaderLocator() {
    }

    static Optional<Element> find(SoapEnvelope envelope, SecurityHeaderRule rule) throws SecurityFault {
        Element found = null;
        for (Element block : securityHeaders(envelope)) {
            if (!rule.addressesUs(envelope.version(), SecurityHeaderRule.actorOrRole(block, envelope.version()))) {
                continue;
            }
            if (found != null) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one wsse:Security header for this "
                        + "receiver (" + rule.describe() + "): actor/role '"
                        + SecurityHeaderRule.actorOrRole(found, envelope.version()) + "' and '"
                        + SecurityHeaderRule.actorOrRole(block, envelope.version()) + "'");
            }
            found = block;
        }
        return Optional.ofNullable(found);
    }

    /** For the log line of a message without our header: which actors/roles its Security headers were for. */
    static List<String> otherActors(SoapEnvelope envelope) {
        List<String> actors = new ArrayList<>();
        for (Element block : securityHeaders(envelope)) {
            String actor = SecurityHeaderRule.actorOrRole(block, envelope.version());
            actors.add(actor.isEmpty() ? "(none)" : actor);
        }
        return actors;
    }

    private static List<Element> securityHeaders(SoapEnvelope envelope) {
        return envelope.headerBlocks().stream()
                .filter(b -> io.wssgate.soap.Namespaces.WSSE.equals(b.getNamespaceURI()) && "Security".equals(b.getLocalName())).toList();
    }
}
