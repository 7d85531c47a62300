package io.wssgate.inbound;

import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Attachments that carry a signing certificate: Apache CXF with MTOM stores a
 * BinarySecurityToken's certificate in a MIME part ({@code xop:Include} inside the token). Such
 * a part is authenticated by use, not by a signature over it: it counts as covered when it holds
 * exactly the certificate of a trusted signature that verified (so the certificate passed path
 * validation and the signature was checked with its key). Any other content leaves it uncovered.
 */
final class TokenAttachments {
    /** A certificate is a few KiB; a larger part is not one. */
    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    private TokenAttachments() {
    }

    static Set<MimePart> certificates(Document document, MimePackage mime, List<VerifiedSignature> trusted)
            throws SecurityFault {
        Set<MimePart> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element include : XopIncludes.in(document)) {
            if (!(include.getParentNode() instanceof Element token) || !XmlNames.qname(token)
                    .equals(XmlNames.BINARY_SECURITY_TOKEN) || !(token.getParentNode() instanceof Element header)
                    || !"Security".equals(header.getLocalName())) {
                continue;
            }
            MimePart part = XopIncludes.part(include, mime);
            Optional<X509Certificate> certificate = certificate(mime, part);
            if (certificate.isPresent() && trusted.stream().anyMatch(s -> s.keyFromCertificate()
                    && s.certificate().get().equals(certificate.get()))) {
                covered.add(part);
            }
        }
        return covered;
    }

    private static Optional<X509Certificate> certificate(MimePackage mime, MimePart part) {
        if (part.contentLength() > MAX_CERTIFICATE_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = mime.content(part)) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(in.readAllBytes())));
        } catch (IOException | CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
