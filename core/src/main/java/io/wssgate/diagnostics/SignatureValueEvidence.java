package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.io.ByteArrayOutputStream;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.implementations.ECDSAUtils;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * For a signature whose references all match: checks the SignatureValue over the canonical
 * SignedInfo with the key the signature names. When it does not verify, SignedInfo itself was
 * changed (a reference, an algorithm) or another key than the one named made the signature.
 */
final class SignatureValueEvidence {
    static {
        org.apache.xml.security.Init.init();
    }

    private SignatureValueEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        if (refusal.received().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Element root = refusal.processed().map(e -> e.document().getDocumentElement())
                .orElse(refusal.received().get().getDocumentElement());
        for (Element signature : Dom.descendants(root, Namespaces.DS, "Signature")) {
            SignerKeys.Signer signer = SignerKeys.of(signature, refusal.keys());
            if (signer.certificate().isEmpty()) {
                continue;
            }
            Optional<Boolean> verifies = verifies(signature, signer.certificate().get());
            if (verifies.isPresent() && !verifies.get()) {
                X509Certificate cert = signer.certificate().get();
                out.add(Finding.cause("signature value", "The SignatureValue does not verify with the key of "
                        + cert.getSubjectX500Principal().getName() + " (named by " + signer.namedBy()
                        + "): SignedInfo was changed after signing, or another key made the signature",
                        List.of(new StageFact("signer named", signer.namedBy()),
                                new StageFact("certificate", cert.getSubjectX500Principal().getName()))));
            }
        }
        return out;
    }

    /** Empty when this tool cannot check it (HMAC, an unknown algorithm, no SignedInfo). */
    static Optional<Boolean> verifies(Element signature, X509Certificate certificate) {
        Optional<Element> signedInfo = Dom.child(signature, Namespaces.DS, "SignedInfo");
        Optional<String> value = Dom.childText(signature, Namespaces.DS, "SignatureValue");
        if (signedInfo.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        String method = Dom.child(signedInfo.get(), Namespaces.DS, "SignatureMethod")
                .map(e -> e.getAttribute("Algorithm")).orElse("");
        Optional<Element> c14nMethod = Dom.child(signedInfo.get(), Namespaces.DS, "CanonicalizationMethod");
        String jce = JCEMapper.translateURItoJCEID(method);
        if (jce == null || c14nMethod.isEmpty() || method.contains("hmac")) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream canonical = new ByteArrayOutputStream();
            Canonicalizer.getInstance(c14nMethod.get().getAttribute("Algorithm"))
                    .canonicalizeSubtree(signedInfo.get(), prefixes(c14nMethod.get()), canonical);
            byte[] signatureBytes = Base64.getMimeDecoder().decode(value.get());
            if (method.contains("ecdsa")) {
                signatureBytes = ECDSAUtils.convertXMLDSIGtoASN1(signatureBytes);
            }
            Signature verifier = Signature.getInstance(jce);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(canonical.toByteArray());
            return Optional.of(verifier.verify(signatureBytes));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String prefixes(Element c14nMethod) {
        for (Node child = c14nMethod.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && "InclusiveNamespaces".equals(e.getLocalName())) {
                return e.getAttribute("PrefixList");
            }
        }
        return null;
    }
}
