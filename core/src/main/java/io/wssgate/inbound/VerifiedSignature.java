package io.wssgate.inbound;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.w3c.dom.Element;

/**
 * A message signature WSS4J verified, reduced to what the policy checks need: the very DOM
 * elements it covers, and where its key came from — a certificate that passed path
 * validation against the policy's trust ({@code certificate}), or the subject key of a SAML
 * assertion ({@code keyAssertion}), never both; and the {@code cid:} URIs of the attachments it
 * covers (their digests were verified while streaming them).
 */
record VerifiedSignature(Element element, List<Element> covered, Optional<X509Certificate> certificate,
                         PublicKey publicKey, Optional<SamlAssertionWrapper> keyAssertion, byte[] value,
                         List<String> coveredAttachments) {

    VerifiedSignature(Element element, List<Element> covered, Optional<X509Certificate> certificate,
                      PublicKey publicKey, Optional<SamlAssertionWrapper> keyAssertion, byte[] value) {
        this(element, covered, certificate, publicKey, keyAssertion, value, List.of());
    }

    /** Whether a reference of this signature is the {@code cid:} URI {@code uri} (as written in the reference). */
    boolean coversAttachment(String uri) {
        return coveredAttachments.contains(uri);
    }

    boolean covers(Element target) {
        for (Element e : covered) {
            if (e == target) {
                return true;
            }
        }
        return false;
    }

    boolean keyFromCertificate() {
        return certificate.isPresent() && keyAssertion.isEmpty();
    }
}
