package io.wssgate.testing.mime;

import io.wssgate.spi.OutboundAttachment;
import java.io.ByteArrayInputStream;

/**
 * The one-document MTOM upload the outbound MTOM tests send: a Body whose {@code t:document}
 * holds an {@code xop:Include} naming the part {@value #CONTENT_ID}, and the package a receiver
 * gets with whatever bytes travelled in that part.
 */
public final class XopUpload {
    public static final String CONTENT_ID = "scan@wssgate.test";
    public static final String BODY = "<t:upload xmlns:t=\"urn:wssgate:test\"><t:document>"
            + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:scan%40wssgate.test\"/>"
            + "</t:document></t:upload>";

    private XopUpload() {
    }

    /** The part the include names, read from {@code content} each time it is opened. */
    public static OutboundAttachment part(byte[] content) {
        return new OutboundAttachment(CONTENT_ID, "application/pdf", () -> new ByteArrayInputStream(content));
    }

    /** The MTOM package on the wire: the secured envelope as XOP root, then {@code attachment} as the part. */
    public static Multipart sent(byte[] envelope, byte[] attachment) {
        return new Multipart().xopRoot(envelope, "text/xml").attachment(CONTENT_ID, "application/pdf", attachment)
                .close();
    }
}
