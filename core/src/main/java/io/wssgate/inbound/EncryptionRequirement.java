package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Enforces {@code decryption.required-parts}: the parts the application will read must be the
 * very nodes WSS4J decrypted. The Body is the Envelope's Body by position and a header is the
 * Envelope's own header block, so an encrypted copy moved elsewhere (with a clear part in its
 * place) satisfies nothing. Runs after {@link CoverageCheck}, which already proved every
 * decrypted element is signed.
 */
final class EncryptionRequirement {
    private final DecryptionPolicy policy;

    EncryptionRequirement(DecryptionPolicy policy) {
        this.policy = policy;
    }

    void check(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        if (!policy.requiresEncryption()) {
            return;
        }
        if (policy.requireEncryptedBody()) {
            requireDecrypted(results.decrypted(), envelope.body(), "SOAP Body");
        }
        for (QName header : policy.requiredEncryptedHeaders()) {
            List<Element> blocks = envelope.headerBlocks().stream().filter(h -> XmlNames.qname(h).equals(header)).toList();
            if (blocks.size() != 1) {
                throw new SecurityFault(FaultCode.FAILED_CHECK,
                        "expected exactly one encrypted header " + header + " but found " + blocks.size());
            }
            requireDecrypted(results.decrypted(), blocks.get(0), "header " + header);
        }
    }

    private static void requireDecrypted(List<Element> decrypted, Element part, String name) throws SecurityFault {
        // identity, not equality: only this node, at this position, counts
        if (decrypted.stream().noneMatch(d -> d == part)) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, name + " was not encrypted, but the policy requires it");
        }
    }
}
