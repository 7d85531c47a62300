package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Finds the one wsse:Security header addressed to us (no actor/role, or the SOAP 1.2
 * ultimate receiver). Headers for other actors are left alone; two for us are an attack
 * (the application could see one while we verified the other).
 */
final class SecurityHeaderLocator {
    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String SOAP12_ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    private SecurityHeaderLocator() {
    }

    static Optional<Element> find(SoapEnvelope envelope) throws SecurityFault {
        Element found = null;
        for (Element block : envelope.headerBlocks()) {
            if (!WSSE_NS.equals(block.getNamespaceURI()) || !"Security".equals(block.getLocalName())) {
                continue;
            }
            if (!addressedToUs(block, envelope.version())) {
                continue;
            }
            if (found != null) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one wsse:Security header for this receiver");
            }
            found = block;
        }
        return Optional.ofNullable(found);
    }

    private static boolean addressedToUs(Element header, SoapVersion version) {
        String attribute = version == SoapVersion.SOAP_11 ? "actor" : "role";
        String target = header.getAttributeNS(version.envelopeNamespace(), attribute);
        return target.isEmpty() || (version == SoapVersion.SOAP_12 && SOAP12_ULTIMATE_RECEIVER.equals(target));
    }
}
