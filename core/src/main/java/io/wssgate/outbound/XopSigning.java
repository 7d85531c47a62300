package io.wssgate.outbound;

import io.wssgate.inbound.StreamingDsig;
import io.wssgate.inbound.XopDigest;
import io.wssgate.spi.OutboundAttachment;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs an MTOM message (XOP 1.0) as it will be sent: a reference to an element that contains
 * {@code xop:Include} elements gets the digest of that element with each include replaced by
 * the base64 of its attachment, computed while streaming the attachment ({@link XopDigest}, the
 * very computation a WSS Gate receiver verifies with), and handed to Santuario as the
 * reference's digest value, which Santuario then signs as it is. The optimised message is sent
 * unchanged; no attachment is inlined or held in memory. References to elements without includes
 * are Santuario's, unchanged.
 */
final class XopSigning {
    private XopSigning() {
    }

    /** The attachments the document's {@code xop:Include} elements name (MTOM parts); the rest are SwA. */
    static List<OutboundAttachment> xopParts(Document soap, List<OutboundAttachment> attachments) {
        if (attachments.isEmpty()) {
            return List.of();
        }
        Map<String, OutboundAttachment> byId = byId(attachments);
        List<OutboundAttachment> parts = new ArrayList<>();
        for (Element include : XopDigest.includes(soap.getDocumentElement())) {
            contentId(include).map(byId::get).ifPresent(parts::add);
        }
        return parts;
    }

    /** A provider for one WSS4J signature over {@code soap}, whose includes name {@code parts}. */
    static Provider provider(Document soap, List<OutboundAttachment> parts) {
        Map<String, OutboundAttachment> byId = byId(parts);
        return StreamingDsig.provider("WssGateXopSigning", () -> new Factory(soap, byId));
    }

    private static Map<String, OutboundAttachment> byId(List<OutboundAttachment> attachments) {
        return attachments.stream().collect(Collectors.toMap(OutboundAttachment::contentId, Function.identity(),
                (a, b) -> a));
    }

    private static Optional<String> contentId(Element include) {
        String href = include.getAttributeNS(null, "href");
        if (!href.startsWith("cid:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(href.substring(4).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final class Factory extends StreamingDsig.Factory {
        private final Document soap;
        private final Map<String, OutboundAttachment> parts;

        Factory(Document soap, Map<String, OutboundAttachment> parts) {
            this.soap = soap;
            this.parts = parts;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Reference newReference(String uri, DigestMethod dm, List transforms, String type, String id) {
            Element target = uri != null && uri.startsWith("#") ? byWsuId(uri.substring(1)) : null;
            List<Element> includes = target == null ? List.of() : XopDigest.includes(target);
            if (includes.isEmpty()) {
                return super.newReference(uri, dm, transforms, type, id);
            }
            if (transforms == null || transforms.size() != 1
                    || !XopDigest.EXC_C14N.equals(((Transform) transforms.get(0)).getAlgorithm())) {
                throw new IllegalStateException("a reference covering xop:Include content needs exactly Exclusive C14N");
            }
            List<OutboundAttachment.Content> contents = new ArrayList<>();
            for (Element include : includes) {
                OutboundAttachment part = contentId(include).map(parts::get).orElseThrow(() ->
                        new IllegalStateException("an xop:Include names no attachment of the message: "
                                + include.getAttributeNS(null, "href")));
                contents.add(part.content());
            }
            try {
                byte[] digest = XopDigest.of(target, includes, contents, dm.getAlgorithm(),
                        prefixList((Transform) transforms.get(0)));
                return super.newReference(uri, dm, transforms, type, id, digest);
            } catch (GeneralSecurityException | XMLSecurityException e) {
                throw new IllegalStateException("cannot digest the XOP content of " + uri + ": " + e.getMessage(), e);
            }
        }

        private Element byWsuId(String id) {
            // WSS4J gives each signed element a wsu:Id (the Body) or names it by its own ID attribute
            return org.apache.wss4j.common.util.XMLUtils.findElementById(soap.getDocumentElement(), id, true);
        }

        private static String prefixList(Transform transform) {
            if (transform.getParameterSpec() instanceof ExcC14NParameterSpec spec && !spec.getPrefixList().isEmpty()) {
                return String.join(" ", spec.getPrefixList());
            }
            return null;
        }
    }
}
