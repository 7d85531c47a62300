package io.wssgate.inbound;

import java.io.InputStream;
import javax.xml.crypto.Data;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLValidateContext;
import org.apache.jcp.xml.dsig.internal.dom.ApacheData;
import org.apache.jcp.xml.dsig.internal.dom.DOMSubTreeData;
import org.apache.xml.security.signature.XMLSignatureInput;

/**
 * A reference to an element of the message ({@code #id}), digested with Santuario's reference
 * cache off. WSS4J turns the cache on only to learn afterwards which element each reference
 * covered ({@link #getDereferencedData()}), but the cache also keeps the whole canonicalised
 * digest input as a byte array: for a 50 MB Body, 64 MB and more held (and copied while growing)
 * during validation. This reference dereferences the URI itself, the same way Santuario does,
 * keeps the element as the subtree Santuario would have cached (a lazy view of the DOM, no
 * octets), and lets Santuario digest without a copy. What WSS4J decides from the data (protected
 * element, STR dereference, coverage) sees exactly what it saw before. Dereferenced data that is
 * not a single element (a node-set) goes through Santuario's cached validation unchanged.
 */
final class SameDocumentReference extends DelegatingReference {
    private final URIDereferencer defaultDereferencer;
    private Data dereferenced;

    SameDocumentReference(Reference reference, URIDereferencer defaultDereferencer) {
        super(reference);
        this.defaultDereferencer = defaultDereferencer;
    }

    static boolean applies(Reference reference) {
        return reference instanceof URIReference && reference.getURI() != null && reference.getURI().startsWith("#");
    }

    @Override
    public boolean validate(XMLValidateContext context) throws XMLSignatureException {
        Data data = subtree(dereference(context));
        if (data == null) {
            return reference.validate(context);
        }
        dereferenced = data;
        Object cache = context.getProperty(AttachmentSignature.CACHE_REFERENCE);
        context.setProperty(AttachmentSignature.CACHE_REFERENCE, Boolean.FALSE);
        try {
            return reference.validate(context);
        } finally {
            context.setProperty(AttachmentSignature.CACHE_REFERENCE, cache);
        }
    }

    /** As Santuario's reference dereferences: the context's dereferencer, else the default one. */
    private Data dereference(XMLValidateContext context) throws XMLSignatureException {
        URIDereferencer dereferencer = context.getURIDereferencer() != null ? context.getURIDereferencer()
                : defaultDereferencer;
        try {
            return dereferencer.dereference((URIReference) reference, context);
        } catch (URIReferenceException e) {
            throw new XMLSignatureException(e);
        }
    }

    /**
     * What Santuario's cache keeps of the data without reading octets (an element becomes its
     * subtree; data of another implementation is kept as it is), or null when only the cache
     * can keep it (a node-set or octets of Santuario's).
     */
    private static Data subtree(Data data) {
        if (!(data instanceof ApacheData apache)) {
            return data;
        }
        XMLSignatureInput input = apache.getXMLSignatureInput();
        return input.isElement() ? new DOMSubTreeData(input.getSubNode(), input.isExcludeComments()) : null;
    }

    @Override
    public Data getDereferencedData() {
        return dereferenced != null ? dereferenced : reference.getDereferencedData();
    }

    /** Nothing kept the digest input (the point of this class); Santuario's copy when it was cached. */
    @Override
    public InputStream getDigestInputStream() {
        return dereferenced != null ? null : reference.getDigestInputStream();
    }
}
