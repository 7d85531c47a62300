package io.wssgate.inbound;

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
    private static final String SOAP11_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    private static final String SOAP12_NEXT = "http://www.w3.org/2003/05/soap-envelope/role/next";
    private static final String SOAP12_ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    private UndecryptedHeaderCheck() {
    }

    static void check(SoapEnvelope envelope) throws SecurityFault {
        for (Element block : envelope.headerBlocks()) {
            if (XmlNames.qname(block).equals(ENCRYPTED_HEADER) && mandatory(block, envelope.version())
                    && forUltimateReceiver(block, envelope.version())) {
                throw new SecurityFault(FaultCode.FAILED_CHECK,
                        "a mustUnderstand wsse11:EncryptedHeader for this receiver was not decrypted");
            }
        }
    }

    private static boolean mandatory(Element header, SoapVersion version) {
        String value = header.getAttributeNS(version.envelopeNamespace(), "mustUnderstand").trim();
        return "1".equals(value) || (version == SoapVersion.SOAP_12 && "true".equals(value));
    }

    /** The roles every ultimate receiver plays: none, "next", and SOAP 1.2's "ultimateReceiver". */
    private static boolean forUltimateReceiver(Element header, SoapVersion version) {
        String attribute = version == SoapVersion.SOAP_11 ? "actor" : "role";
        String target = header.getAttributeNS(version.envelopeNamespace(), attribute).trim();
        return target.isEmpty() || (version == SoapVersion.SOAP_11 ? SOAP11_NEXT.equals(target)
                : SOAP12_NEXT.equals(target) || SOAP12_ULTIMATE_RECEIVER.equals(target));
    }
}
