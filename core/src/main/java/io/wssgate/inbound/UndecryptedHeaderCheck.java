package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.soap.SoapVersion;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Refuses a message that still carries a mandatory ({@code mustUnderstand}) WSS 1.1
 * {@code wsse11:EncryptedHeader} for this receiver after WS-Security processing: one WSS Gate
 * did not decrypt. Decrypting an EncryptedHeader replaces it by the header it holds; one that
 * is left was not referenced by any key or reference list WSS Gate processed.
 *
 * <p>Why refuse: the EncryptedHeader is WS-Security's to process, and integrations tell their
 * runtime that WSS Gate understands it (the JAX-WS handler declares it, so Metro's
 * mustUnderstand check lets it pass). Letting an undecrypted one through would claim an
 * understanding nobody had and hand the application a mandatory header it cannot read; SOAP
 * requires a fault instead. The fault is the one every decryption failure gets, so it tells a
 * sender nothing more. One addressed to another actor or role, or not mandatory, is left alone.
 */
final class UndecryptedHeaderCheck {
    static final QName ENCRYPTED_HEADER = new QName(XmlNames.WSSE11, "EncryptedHeader");

    private UndecryptedHeaderCheck() {
    }

    /** @param ownActor the actor/role the policy's Security header is addressed to, if it names one */
    static void check(SoapEnvelope envelope, java.util.Optional<String> ownActor) throws SecurityFault {
        for (Element block : envelope.headerBlocks()) {
            if (XmlNames.qname(block).equals(ENCRYPTED_HEADER) && mandatory(block, envelope.version())
                    && forThisNode(block, envelope.version(), ownActor)) {
                throw new SecurityFault(FaultCode.FAILED_CHECK,
                        "a mustUnderstand wsse11:EncryptedHeader for this receiver was not decrypted");
            }
        }
    }

    private static boolean mandatory(Element header, SoapVersion version) {
        String value = header.getAttributeNS(version.envelopeNamespace(), "mustUnderstand").trim();
        return "1".equals(value) || (version == SoapVersion.SOAP_12 && "true".equals(value));
    }

    /**
     * The roles this node plays, whatever header WSS Gate processes: none, "next", SOAP 1.2's
     * "ultimateReceiver", and the actor the policy's Security header is addressed to.
     */
    private static boolean forThisNode(Element header, SoapVersion version, java.util.Optional<String> ownActor) {
        String target = SecurityHeaderRule.actorOrRole(header, version);
        return target.isEmpty() || ownActor.filter(target::equals).isPresent()
                || (version == SoapVersion.SOAP_11 ? SecurityHeaderRule.SOAP11_NEXT.equals(target)
                : SecurityHeaderRule.SOAP12_NEXT.equals(target) || SecurityHeaderRule.SOAP12_ULTIMATE_RECEIVER.equals(target));
    }
}
