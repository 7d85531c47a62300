package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.w3c.dom.Element;

/**
 * Proves that the parts the application will act on are the very nodes a trusted signature
 * covered. The Body is the Envelope's Body by position, and the headers are the Envelope's
 * own header blocks: a signed copy moved elsewhere (signature wrapping) covers nothing here.
 * A signature counts if its key is a trusted certificate or the subject key of a processed
 * holder-of-key assertion (SamlRules later checks that assertion's own conditions).
 * Whatever was decrypted must be covered as well, whether or not signatures are required.
 */
final class CoverageCheck {
    private final SignaturePolicy policy;

    CoverageCheck(SignaturePolicy policy) {
        this.policy = policy;
    }

    void check(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        if (!policy.required() && results.decrypted().isEmpty()) {
            return;
        }
        List<VerifiedSignature> usable = usable(results);
        if (usable.isEmpty()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "no signature with an acceptable key");
        }
        // Decrypted content must be signed too, even where a policy does not require signatures:
        // encryption alone says nothing about who wrote it.
        for (Element decrypted : results.decrypted()) {
            requireCovered(usable, decrypted, "decrypted element " + XmlNames.qname(decrypted));
        }
        if (!policy.required()) {
            return;
        }
        if (policy.signBody()) {
            requireCovered(usable, envelope.body(), "SOAP Body");
        }
        if (policy.signTimestamp() && !results.timestamps().isEmpty()) {
            requireCovered(usable, results.timestamps().get(0).getElement(), "Timestamp");
        }
        for (QName header : policy.signedHeaders()) {
            List<Element> blocks = envelope.headerBlocks().stream().filter(h -> XmlNames.qname(h).equals(header)).toList();
            if (blocks.size() != 1) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY,
                        "expected exactly one header " + header + " but found " + blocks.size());
            }
            requireCovered(usable, blocks.get(0), "header " + header);
        }
    }

    /**
     * The signatures whose key counts: a trusted certificate, or the subject key of an assertion
     * WSS4J processed in this message.
     */
    static List<VerifiedSignature> usable(SecurityResults results) {
        return results.signatures().stream()
                .filter(s -> s.keyFromCertificate() || isProcessedAssertion(s.keyAssertion(), results)).toList();
    }

    /** Whether {@code part} is covered by a signature whose key counts ({@link #usable}). */
    static boolean coveredByTrustedSignature(Element part, SecurityResults results) {
        return usable(results).stream().anyMatch(s -> s.covers(part));
    }

    private static boolean isProcessedAssertion(Optional<SamlAssertionWrapper> assertion, SecurityResults results) {
        return assertion.isPresent()
                && results.assertions().stream().anyMatch(a -> a.getElement() == assertion.get().getElement());
    }

    private static void requireCovered(List<VerifiedSignature> signatures, Element part, String name)
            throws SecurityFault {
        if (signatures.stream().noneMatch(s -> s.covers(part))) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, name + " is not covered by a trusted signature");
        }
    }
}
