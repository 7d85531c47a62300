package io.wssgate.inbound;

import io.wssgate.spi.OutboundAttachment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The digest of an element containing {@code xop:Include} elements as XOP 1.0 says it was
 * signed: Exclusive C14N of the element with each include replaced by the canonical base64 of
 * its attachment, the base64 streamed into the digest ({@link XopDigestStream}), never built.
 * One computation for both sides, so that what a WSS Gate sender signs is exactly what a WSS
 * Gate receiver ({@link XopReference}) verifies. The DOM is restored afterwards.
 */
public final class XopDigest {
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private XopDigest() {
    }

    /** The includes inside {@code element} (empty: an ordinary element). */
    public static List<Element> includes(Element element) {
        return XopIncludes.in(element);
    }

    /**
     * @param contents     the attachment of each include, in document order
     * @param digestUri    the XML Signature digest algorithm URI
     * @param prefixList   the InclusiveNamespaces PrefixList (space-separated), or null
     */
    public static byte[] of(Element target, List<Element> includes, List<OutboundAttachment.Content> contents,
                            String digestUri, String prefixList) throws NoSuchAlgorithmException,
            CanonicalizationException, InvalidCanonicalizerException {
        List<Node> markers = new ArrayList<>();
        for (Element include : includes) {
            Node marker = include.getOwnerDocument().createTextNode(XopDigestStream.marker(markers.size()));
            include.getParentNode().replaceChild(marker, include);
            markers.add(marker);
        }
        try {
            String jce = JCEMapper.translateURItoJCEID(digestUri);
            if (jce == null) {
                throw new NoSuchAlgorithmException(digestUri);
            }
            MessageDigest digest = MessageDigest.getInstance(jce);
            Canonicalizer.getInstance(EXC_C14N).canonicalizeSubtree(target, prefixList,
                    new XopDigestStream(digest, contents));
            return digest.digest();
        } finally {
            for (int i = 0; i < markers.size(); i++) {
                markers.get(i).getParentNode().replaceChild(includes.get(i), markers.get(i));
            }
        }
    }
}
