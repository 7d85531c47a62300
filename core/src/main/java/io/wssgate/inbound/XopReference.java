package io.wssgate.inbound;

import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import java.io.InputStream;
import io.wssgate.spi.OutboundAttachment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.Data;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.dom.DOMCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLValidateContext;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A same-document reference in an MTOM message. When the element it names contains
 * {@code xop:Include} elements, what was signed is that element with each include replaced by
 * the base64 of its attachment (XOP 1.0: the signature is over the reconstructed infoset). This
 * reference digests exactly that without building it: the element is canonicalized with a marker
 * in place of each include, and the attachment's base64 is streamed into the digest at the
 * marker ({@link XopDigestStream}). The DOM is restored afterwards. Such a reference must have
 * exactly one transform, Exclusive C14N (checked before any key is used). A reference without
 * includes is Santuario's, unchanged.
 */
final class XopReference extends DelegatingReference {
    static final String EXC_C14N = XopDigest.EXC_C14N;

    private Element streamed;

    XopReference(Reference reference) {
        super(reference);
    }

    @Override
    public boolean validate(XMLValidateContext context) throws XMLSignatureException {
        Element target = context instanceof DOMCryptoContext dom ? dom.getElementById(getURI().substring(1)) : null;
        List<Element> includes = target == null ? List.of() : XopIncludes.in(target);
        java.util.Optional<MimePackage> mime = AttachmentSignature.mime(context);
        if (includes.isEmpty() || mime.isEmpty()) {
            return reference.validate(context);
        }
        if (getTransforms().size() != 1 || !EXC_C14N.equals(((Transform) getTransforms().get(0)).getAlgorithm())) {
            throw new XMLSignatureException("a reference covering xop:Include content must have exactly Exclusive C14N");
        }
        try {
            byte[] computed = digest(target, includes, mime.get());
            streamed = target;
            return MessageDigest.isEqual(computed, getDigestValue());
        } catch (SecurityFault | CanonicalizationException | InvalidCanonicalizerException | NoSuchAlgorithmException e) {
            throw new XMLSignatureException(e);
        }
    }

    private byte[] digest(Element target, List<Element> includes, MimePackage mime) throws SecurityFault,
            CanonicalizationException, InvalidCanonicalizerException, NoSuchAlgorithmException {
        List<OutboundAttachment.Content> contents = new ArrayList<>();
        for (Element include : includes) {
            MimePart part = XopIncludes.part(include, mime);
            contents.add(() -> mime.content(part));
        }
        return XopDigest.of(target, includes, contents, getDigestMethod().getAlgorithm(), prefixList());
    }

    /** The InclusiveNamespaces PrefixList of the Exclusive C14N transform, space-separated, or null. */
    private String prefixList() {
        Transform transform = (Transform) getTransforms().get(0);
        if (transform.getParameterSpec() instanceof ExcC14NParameterSpec spec && !spec.getPrefixList().isEmpty()) {
            return String.join(" ", spec.getPrefixList());
        }
        return null;
    }

    /** After streaming validation: the element itself (what WSS4J records as covered). */
    @Override
    public Data getDereferencedData() {
        if (streamed == null) {
            return reference.getDereferencedData();
        }
        Element element = streamed;
        NodeSetData<Node> data = () -> List.<Node>of(element).iterator();
        return data;
    }

    @Override
    public InputStream getDigestInputStream() {
        return streamed == null ? reference.getDigestInputStream() : null;
    }
}
