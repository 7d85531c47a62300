package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * For a part that could not be decrypted: whom each xenc:EncryptedKey was made for (the
 * certificate its KeyInfo names) side by side with the policy's decryption certificate. Made for
 * another certificate: the sender encrypts with an outdated or wrong certificate of this
 * service. Made for this one: the wrapped key or the ciphertext was altered on the way.
 */
final class DecryptionEvidence {
    private DecryptionEvidence() {
    }

    private static final String XOP = "http://www.w3.org/2004/08/xop/include";

    static List<Finding> findings(Refusal refusal) {
        if (refusal.received().isEmpty()) {
            return List.of();
        }
        // decrypted, but what came out is refused: the key and the ciphertext were fine
        if (refusal.detailContains("decrypted content") || refusal.detailContains("Error parsing the inputstream")) {
            return List.of(Finding.cause("decryption", "The part decrypted with this policy's key, but its plaintext "
                    + "is refused: " + plaintextProblem(refusal) + " (the sender, like any client, was only told "
                    + "FailedCheck: every decryption failure looks the same from outside)",
                    List.of(new StageFact("pipeline", refusal.detail()))));
        }
        boolean cryptographic = refusal.detailContains("Tag mismatch") || refusal.detailContains("could not be decrypted")
                || refusal.detailContains("unwrap") || refusal.detailContains("No certificates were found for decryption")
                || refusal.detailContains("decryption was invalid");
        if (!cryptographic) {
            return List.of();
        }
        Element root = refusal.received().get().getDocumentElement();
        for (Element include : Dom.descendants(root, XOP, "Include")) {
            if (include.getParentNode() instanceof Element parent && Namespaces.XENC.equals(parent.getNamespaceURI())) {
                return List.of(Finding.cause("decryption", "The ciphertext is not in the message: "
                        + Dom.path(parent) + " holds an xop:Include of " + TextDifference.show(include.getAttribute(
                        "href")) + " (an MTOM reference); only inline ciphertext is decrypted, nothing is fetched",
                        List.of(new StageFact("found", Dom.path(include)))));
            }
        }
        Optional<X509Certificate> ours = refusal.keys().decryptionKey().map(k -> k.certificate());
        List<Finding> out = new ArrayList<>();
        for (Element encryptedKey : Dom.descendants(refusal.received().get().getDocumentElement(), Namespaces.XENC,
                "EncryptedKey")) {
            List<StageFact> details = new ArrayList<>();
            ours.ifPresent(c -> details.add(new StageFact("this policy's decryption certificate",
                    c.getSubjectX500Principal().getName() + " (serial " + c.getSerialNumber() + ")")));
            Optional<Recipient> recipient = recipient(encryptedKey);
            if (recipient.isEmpty() || ours.isEmpty()) {
                continue;
            }
            details.add(new StageFact("EncryptedKey made for", recipient.get().description()));
            if (!recipient.get().matches(ours.get())) {
                out.add(Finding.cause("decryption", "The message was encrypted for another certificate ("
                        + recipient.get().description() + ") than this policy's decryption key ("
                        + ours.get().getSubjectX500Principal().getName() + "): the sender uses an old or wrong "
                        + "certificate of this service", details));
            } else {
                out.add(Finding.cause("decryption", "The EncryptedKey is made for this policy's certificate, yet the "
                        + "part did not decrypt: the wrapped key or the ciphertext was altered on the way (the AES-GCM "
                        + "authentication tag does not match)", details));
            }
        }
        return out;
    }

    private static String plaintextProblem(Refusal refusal) {
        String detail = refusal.detail();
        if (detail.contains("Error parsing the inputstream") || detail.contains("not well-formed")) {
            return "it is not well-formed, bounded XML without a DOCTYPE";
        }
        return detail.replaceFirst("^EncryptedAssertion: decrypted content ", "it ")
                .replace("(found node type 3)", "(text found beside it)")
                .replace("(found node type 8)", "(a comment found beside it)")
                .replace("(found node type 7)", "(a processing instruction found beside it)")
                .replace("(found node type 1 ", "(found the element ");
    }

    /** Whom an EncryptedKey names as its recipient, and whether that is {@code certificate}. */
    private record Recipient(String description, java.util.function.Predicate<X509Certificate> test) {
        boolean matches(X509Certificate certificate) {
            return test.test(certificate);
        }
    }

    private static Optional<Recipient> recipient(Element encryptedKey) {
        Optional<Element> keyInfo = Dom.child(encryptedKey, Namespaces.DS, "KeyInfo");
        if (keyInfo.isEmpty()) {
            return Optional.empty();
        }
        for (Element certificate : Dom.descendants(keyInfo.get(), Namespaces.DS, "X509Certificate")) {
            Optional<X509Certificate> cert = SignerKeys.decode(certificate.getTextContent());
            if (cert.isPresent()) {
                return Optional.of(new Recipient(cert.get().getSubjectX500Principal().getName(), c -> c.equals(cert.get())));
            }
        }
        for (Element id : Dom.descendants(keyInfo.get(), Namespaces.WSSE, "KeyIdentifier")) {
            String type = id.getAttribute("ValueType");
            byte[] value;
            try {
                value = Base64.getMimeDecoder().decode(id.getTextContent().strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (type.endsWith("#X509SubjectKeyIdentifier")) {
                return Optional.of(new Recipient("the certificate with subject key identifier " + SignerKeys.hex(value),
                        c -> Arrays.equals(value, SignerKeys.subjectKeyId(c))));
            }
            if (type.endsWith("#ThumbprintSHA1")) {
                return Optional.of(new Recipient("the certificate with SHA-1 thumbprint " + SignerKeys.hex(value),
                        c -> Arrays.equals(value, SignerKeys.sha1(c))));
            }
            if (type.endsWith("#X509v3")) {
                Optional<X509Certificate> cert = SignerKeys.decode(id.getTextContent());
                if (cert.isPresent()) {
                    return Optional.of(new Recipient(cert.get().getSubjectX500Principal().getName(),
                            c -> c.equals(cert.get())));
                }
            }
        }
        for (Element serial : Dom.descendants(keyInfo.get(), Namespaces.DS, "X509IssuerSerial")) {
            String issuer = Dom.childText(serial, Namespaces.DS, "X509IssuerName").orElse("");
            String number = Dom.childText(serial, Namespaces.DS, "X509SerialNumber").orElse("");
            return Optional.of(new Recipient("the certificate of " + issuer + " with serial " + number,
                    c -> c.getSerialNumber().toString().equals(number) && sameName(c, issuer)));
        }
        return Optional.empty();
    }

    private static boolean sameName(X509Certificate certificate, String issuer) {
        try {
            return certificate.getIssuerX500Principal().equals(new javax.security.auth.x500.X500Principal(issuer));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
