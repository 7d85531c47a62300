package io.wssgate.benchmarks;

import static io.wssgate.benchmarks.FloorCrypto.DS;
import static io.wssgate.benchmarks.FloorDom.append;
import static io.wssgate.benchmarks.FloorDom.element;

import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One XML signature made by hand, the minimum the standard requires: a digest per part, the
 * SignedInfo listing them, one RSA-SHA256 signature over its canonical form.
 */
final class FloorSignature {
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private FloorSignature() {
    }

    /**
     * @param parts     the parts to sign, by the id their Reference URI names
     * @param enveloped whether the (single) part will contain the signature (SAML assertion)
     * @param place     puts the new Signature element where it belongs in the document
     * @param keyInfo   the content of ds:KeyInfo
     */
    static Element sign(Document document, Map<String, Element> parts, boolean enveloped, PrivateKey key,
                        Consumer<Element> place, Element keyInfo) throws Exception {
        // 1. exclusive C14N + SHA-256 of each part, before the signature exists in the document
        Map<String, byte[]> digests = new LinkedHashMap<>();
        for (Map.Entry<String, Element> part : parts.entrySet()) {
            digests.put(part.getKey(), FloorCrypto.digest(part.getValue(), null));
        }
        // 2. SignedInfo: C14N and signature method, one Reference per part
        Element signature = element(document, DS, "ds:Signature", true);
        Element signedInfo = append(signature, element(document, DS, "ds:SignedInfo", false));
        append(signedInfo, element(document, DS, "ds:CanonicalizationMethod", false))
                .setAttribute("Algorithm", FloorCrypto.EXC_C14N);
        append(signedInfo, element(document, DS, "ds:SignatureMethod", false))
                .setAttribute("Algorithm", FloorCrypto.RSA_SHA256);
        for (Map.Entry<String, byte[]> digest : digests.entrySet()) {
            Element reference = append(signedInfo, element(document, DS, "ds:Reference", false));
            reference.setAttribute("URI", "#" + digest.getKey());
            Element transforms = append(reference, element(document, DS, "ds:Transforms", false));
            if (enveloped) {
                append(transforms, element(document, DS, "ds:Transform", false)).setAttribute("Algorithm", ENVELOPED);
            }
            append(transforms, element(document, DS, "ds:Transform", false))
                    .setAttribute("Algorithm", FloorCrypto.EXC_C14N);
            append(reference, element(document, DS, "ds:DigestMethod", false))
                    .setAttribute("Algorithm", FloorCrypto.SHA256);
            append(reference, FloorDom.text(document, DS, "ds:DigestValue",
                    Base64.getEncoder().encodeToString(digest.getValue())));
        }
        place.accept(signature);
        // 3. exclusive C14N of SignedInfo + one RSA-SHA256 signature
        byte[] value = FloorCrypto.sign(FloorCrypto.canonical(signedInfo, null), key);
        append(signature, FloorDom.text(document, DS, "ds:SignatureValue", Base64.getEncoder().encodeToString(value)));
        append(append(signature, element(document, DS, "ds:KeyInfo", false)), keyInfo);
        return signature;
    }
}
