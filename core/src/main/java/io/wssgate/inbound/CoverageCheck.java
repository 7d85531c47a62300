package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.List;
import java.util.Optional;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.w3c.dom.Element;

/**
 * Proves that the parts the application will act on are the very nodes a trusted signature
 * covered. The Body is the Envelope's Body by position, and the headers are the Envelope's
 * own header blocks: a signed copy moved elsewhere (signature wrapping) covers nothing here.
 * A signature counts if its key is a trusted certificate or the subject key of a processed
 * holder-of-key assertion (SamlRules later checks that assertion's own conditions).
 * Whatever was decrypted must be covered as well, whether or not signatures are required, and
 * so must every attachment of a MIME package unless {@code attachments.require-signed} is off.
 */
final class CoverageCheck {
    private final SignaturePolicy policy;
    private final boolean attachmentsSigned;

    CoverageCheck(SignaturePolicy policy) {
        this(policy, true);
    }

    /** {@code attachmentsSigned}: every attachment of a MIME package must be covered ({@code attachments.require-signed}). */
    CoverageCheck(SignaturePolicy policy, boolean attachmentsSigned) {
        this.policy = policy;
        this.attachmentsSigned = attachmentsSigned;
    }

    void check(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        check(envelope, results, Optional.empty());
    }

    void check(SoapEnvelope envelope, SecurityResults results, Optional<MimePackage> mime) throws SecurityFault {
        check(envelope, results, mime, java.util.Set.of());
    }

    /**
     * {@code decryptedParts}: attachments whose ciphertext a decryption consumed (see
     * XopIncludes#consumed); attachments holding the certificate of a trusted signature count as
     * covered as well ({@link TokenAttachments}).
     */
    void check(SoapEnvelope envelope, SecurityResults results, Optional<MimePackage> mime,
               java.util.Set<MimePart> decryptedParts) throws SecurityFault {
        boolean attachmentsToCover = attachmentsSigned && mime.isPresent() && !mime.get().attachments().isEmpty();
        if (!policy.required() && results.decrypted().isEmpty() && !attachmentsToCover) {
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
        if (attachmentsToCover) {
            java.util.Set<MimePart> byUse = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            byUse.addAll(decryptedParts);
            byUse.addAll(TokenAttachments.certificates(envelope.document(), mime.get(), usable));
            requireAttachmentsCovered(usable, mime.get(), byUse);
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
     * Every attachment is the very part a trusted signature's reference resolved to (SwA), or the
     * part an xop:Include inside a signed element names (MTOM): the digest was computed over that
     * part's bytes, which are the bytes the application receives.
     */
    private static void requireAttachmentsCovered(List<VerifiedSignature> signatures, MimePackage mime,
                                                  java.util.Set<MimePart> decryptedParts) throws SecurityFault {
        java.util.Set<MimePart> covered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        covered.addAll(decryptedParts);
        for (VerifiedSignature signature : signatures) {
            for (String uri : signature.coveredAttachments()) {
                AttachmentCallbacks.resolve(mime, uri).ifPresent(covered::add);
            }
            // MTOM: the base64 of a part an xop:Include stands for was digested with the element around it
            for (Element element : signature.covered()) {
                for (Element include : XopIncludes.in(element)) {
                    covered.add(XopIncludes.part(include, mime));
                }
            }
        }
        for (MimePart attachment : mime.attachments()) {
            if (!covered.contains(attachment)) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "attachment <" + attachment.contentId().orElse("")
                        + "> is not covered by a trusted signature");
            }
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
