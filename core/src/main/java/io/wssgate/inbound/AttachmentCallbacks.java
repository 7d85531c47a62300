package io.wssgate.inbound;

import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;

/**
 * Hands WSS4J the attachments of a received MIME package when a signature references one
 * ({@code cid:} URI, RFC 2392: percent-encoded Content-ID): its headers and a stream over its
 * bytes on disk. Only the exact attachment named is ever handed out.
 */
final class AttachmentCallbacks implements CallbackHandler {
    private final MimePackage mime;
    private final long maxXmlBytes;

    /** {@code maxXmlBytes}: the bound of an XML attachment (decrypted ones are checked as they are decrypted). */
    AttachmentCallbacks(MimePackage mime, long maxXmlBytes) {
        this.mime = mime;
        this.maxXmlBytes = maxXmlBytes;
    }

    long maxXmlBytes() {
        return maxXmlBytes;
    }

    MimePackage mime() {
        return mime;
    }

    /** The attachment a {@code cid:} URI (or its part after {@code cid:}) names. */
    static Optional<MimePart> resolve(MimePackage mime, String cid) {
        String id = cid.startsWith("cid:") ? cid.substring(4) : cid;
        try {
            return mime.attachment(URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The media type WSS4J's SwA transforms judge a part by: its Content-Type as the application sees it. */
    static String mimeType(MimePackage mime, MimePart part) {
        return mime.headers(part).stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(part.contentType());
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof AttachmentRequestCallback request) {
                MimePart part = resolve(mime, request.getAttachmentId())
                        .orElseThrow(() -> new IOException("no attachment " + request.getAttachmentId()));
                Attachment attachment = new Attachment();
                attachment.setId(request.getAttachmentId());
                attachment.setMimeType(mimeType(mime, part));
                Map<String, String> headers = new HashMap<>();
                mime.headers(part).forEach(h -> headers.put(h.getKey(), h.getValue()));
                attachment.addHeaders(headers);
                attachment.setSourceStream(mime.content(part));
                request.setAttachments(List.of(attachment));
            } else if (callback instanceof AttachmentResultCallback) {
                // after a signature transform: the same attachment again, nothing to keep
                continue;
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
