package io.wssgate.diagnostics;

import io.wssgate.keys.InboundKeys;
import io.wssgate.soap.Namespaces;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Element;

/**
 * Finds the certificate a ds:Signature names in its KeyInfo, the ways WS-Security senders name
 * it: a SecurityTokenReference to a BinarySecurityToken, a key identifier (X509v3, SKI, SHA-1
 * thumbprint), issuer and serial, or an X509Certificate in the KeyInfo itself. Certificates are
 * looked for in the message and among the policy's own (trust anchors, SAML issuers); nothing is
 * fetched, no RetrievalMethod followed.
 */
final class SignerKeys {
    private static final String X509V3 = "#X509v3";
    private static final String SKI = "#X509SubjectKeyIdentifier";
    private static final String THUMBPRINT = "#ThumbprintSHA1";

    /**
     * The certificate and how the signature named it (e.g. "BinarySecurityToken #X509-1");
     * {@code assertionKey}: the key is a SAML assertion's subject key (holder-of-key), which the
     * assertion vouches for instead of a certificate path.
     */
    record Signer(Optional<X509Certificate> certificate, String namedBy, boolean assertionKey) {
        Signer(Optional<X509Certificate> certificate, String namedBy) {
            this(certificate, namedBy, false);
        }
    }

    private SignerKeys() {
    }

    static Signer of(Element signature, InboundKeys keys) {
        Element root = signature.getOwnerDocument().getDocumentElement();
        Optional<Element> keyInfo = Dom.child(signature, Namespaces.DS, "KeyInfo");
        if (keyInfo.isEmpty()) {
            return new Signer(Optional.empty(), "no KeyInfo");
        }
        Optional<Element> str = Dom.child(keyInfo.get(), Namespaces.WSSE, "SecurityTokenReference");
        if (str.isPresent()) {
            return fromReference(str.get(), root, keys);
        }
        Optional<Element> x509Data = Dom.child(keyInfo.get(), Namespaces.DS, "X509Data");
        if (x509Data.isPresent()) {
            return fromX509Data(x509Data.get(), keys, "ds:X509Data");
        }
        if (Dom.child(keyInfo.get(), Namespaces.DS, "KeyValue").isPresent()) {
            return new Signer(Optional.empty(), "a bare ds:KeyValue (a public key without certificate)");
        }
        return new Signer(Optional.empty(), "a KeyInfo this tool does not resolve");
    }

    private static Signer fromReference(Element str, Element root, InboundKeys keys) {
        Optional<Element> reference = Dom.child(str, Namespaces.WSSE, "Reference");
        if (reference.isPresent()) {
            String uri = reference.get().getAttribute("URI");
            if (!uri.startsWith("#")) {
                return new Signer(Optional.empty(), "a reference to '" + uri + "' outside the message (not followed)");
            }
            List<Element> targets = Dom.byId(root, uri.substring(1));
            if (targets.isEmpty()) {
                return new Signer(Optional.empty(), "a reference to " + uri + ", which is not in the message");
            }
            Element target = targets.get(0);
            if ("BinarySecurityToken".equals(target.getLocalName())) {
                return new Signer(decode(target.getTextContent()), "BinarySecurityToken " + uri);
            }
            return new Signer(assertionSubjectCertificate(target), Dom.name(target) + " " + uri,
                    "Assertion".equals(target.getLocalName()));
        }
        Optional<Element> keyIdentifier = Dom.child(str, Namespaces.WSSE, "KeyIdentifier");
        if (keyIdentifier.isPresent()) {
            String type = keyIdentifier.get().getAttribute("ValueType");
            String value = keyIdentifier.get().getTextContent().strip();
            if (type.endsWith(X509V3)) {
                return new Signer(decode(value), "an X509v3 KeyIdentifier");
            }
            if (type.endsWith(SKI)) {
                byte[] ski = base64(value);
                return new Signer(known(root, keys).stream().filter(c -> Arrays.equals(ski, subjectKeyId(c))).findFirst(),
                        "subject key identifier " + hex(ski));
            }
            if (type.endsWith(THUMBPRINT)) {
                byte[] thumbprint = base64(value);
                return new Signer(known(root, keys).stream().filter(c -> Arrays.equals(thumbprint, sha1(c))).findFirst(),
                        "SHA-1 thumbprint " + hex(thumbprint));
            }
            List<Element> assertions = Dom.byId(root, value);
            boolean assertion = type.contains("SAML") || !assertions.isEmpty()
                    && "Assertion".equals(assertions.get(0).getLocalName());
            return new Signer(assertions.isEmpty() ? Optional.empty() : assertionSubjectCertificate(assertions.get(0)),
                    (assertion ? "the SAML assertion " : "key identifier ") + value, assertion);
        }
        Optional<Element> x509Data = Dom.child(str, Namespaces.DS, "X509Data");
        return x509Data.map(d -> fromX509Data(d, keys, "issuer and serial"))
                .orElse(new Signer(Optional.empty(), "a SecurityTokenReference this tool does not resolve"));
    }

    private static Signer fromX509Data(Element x509Data, InboundKeys keys, String namedBy) {
        Optional<String> certificate = Dom.childText(x509Data, Namespaces.DS, "X509Certificate");
        if (certificate.isPresent()) {
            return new Signer(decode(certificate.get()), "ds:X509Certificate in the KeyInfo");
        }
        Optional<Element> issuerSerial = Dom.child(x509Data, Namespaces.DS, "X509IssuerSerial");
        if (issuerSerial.isPresent()) {
            String issuer = Dom.childText(issuerSerial.get(), Namespaces.DS, "X509IssuerName").orElse("");
            String serial = Dom.childText(issuerSerial.get(), Namespaces.DS, "X509SerialNumber").orElse("");
            Optional<X509Certificate> match = Optional.empty();
            try {
                X500Principal issuerName = new X500Principal(issuer);
                java.math.BigInteger number = new java.math.BigInteger(serial);
                match = configured(keys).stream().filter(c -> c.getIssuerX500Principal().equals(issuerName)
                        && c.getSerialNumber().equals(number)).findFirst();
            } catch (IllegalArgumentException e) {
                // an unparsable name or number names no certificate
            }
            return new Signer(match, namedBy + " (" + issuer + ", serial " + serial + ")");
        }
        return new Signer(Optional.empty(), namedBy);
    }

    /** The certificate in a holder-of-key assertion's SubjectConfirmationData KeyInfo, if it carries one. */
    static Optional<X509Certificate> assertionSubjectCertificate(Element assertion) {
        for (String ns : List.of(Namespaces.SAML2, Namespaces.SAML1)) {
            for (Element confirmation : Dom.descendants(assertion, ns, ns.equals(Namespaces.SAML2)
                    ? "SubjectConfirmationData" : "SubjectConfirmation")) {
                for (Element cert : Dom.descendants(confirmation, Namespaces.DS, "X509Certificate")) {
                    Optional<X509Certificate> decoded = decode(cert.getTextContent());
                    if (decoded.isPresent()) {
                        return decoded;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Certificates in the message's BinarySecurityTokens and the policy's own. */
    private static List<X509Certificate> known(Element root, InboundKeys keys) {
        List<X509Certificate> out = new ArrayList<>();
        for (Element bst : Dom.descendants(root, Namespaces.WSSE, "BinarySecurityToken")) {
            decode(bst.getTextContent()).ifPresent(out::add);
        }
        out.addAll(configured(keys));
        return out;
    }

    static List<X509Certificate> configured(InboundKeys keys) {
        List<X509Certificate> out = new ArrayList<>(keys.trustAnchors());
        keys.samlIssuers().values().forEach(out::addAll);
        return out;
    }

    static Optional<X509Certificate> decode(String base64) {
        try {
            byte[] der = base64(base64);
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text.strip());
    }

    static byte[] sha1(X509Certificate certificate) {
        return digest("SHA-1", certificate);
    }

    static byte[] digest(String algorithm, X509Certificate certificate) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return new byte[0];
        }
    }

    /** The SubjectKeyIdentifier extension's key identifier (the OCTET STRING inside the extension value). */
    static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue("2.5.29.14");
        // extension value: OCTET STRING { OCTET STRING keyIdentifier }, short-form lengths for usual sizes
        if (ext == null || ext.length < 4 || ext[2] != 0x04) {
            return new byte[0];
        }
        return Arrays.copyOfRange(ext, 4, Math.min(ext.length, 4 + ext[3]));
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
