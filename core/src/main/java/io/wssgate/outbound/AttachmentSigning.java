package io.wssgate.outbound;

import io.wssgate.spi.OutboundAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.dom.message.WSSecSignature;

/**
 * Adds the SwA attachments a message is sent with to a signature (WSS SwA Profile 1.1: one
 * {@code cid:} reference per attachment, Attachment-Content Signature Transform), handing WSS4J
 * each attachment as a stream that rereads its source rather than buffering it when WSS4J
 * marks and resets it.
 */
final class AttachmentSigning {
    private AttachmentSigning() {
    }

    static void add(WSSecSignature signature, List<OutboundAttachment> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        // one part for all of them: WSS4J makes one cid: reference per attachment its callback returns
        signature.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        signature.setAttachmentCallbackHandler(new Callbacks(attachments));
    }

    private record Callbacks(List<OutboundAttachment> attachments) implements CallbackHandler {
        @Override
        public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
            for (Callback callback : callbacks) {
                if (callback instanceof AttachmentRequestCallback request) {
                    List<Attachment> found = new ArrayList<>();
                    for (OutboundAttachment a : attachments) {
                        if (a.contentId().equals(request.getAttachmentId())
                                || "Attachments".equals(request.getAttachmentId())) {
                            found.add(attachment(a));
                        }
                    }
                    request.setAttachments(found);
                } else if (!(callback instanceof AttachmentResultCallback)) {
                    // a signature leaves the attachment as it is: its result needs no handling
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }

        private static Attachment attachment(OutboundAttachment source) throws IOException {
            Attachment a = new Attachment();
            a.setId(source.contentId());
            a.setMimeType(source.contentType());
            a.addHeader("Content-Type", source.contentType());
            a.addHeader("Content-Transfer-Encoding", "binary");
            a.addHeader("Content-ID", "<" + source.contentId() + ">");
            a.setSourceStream(new Rereading(source.content()));
            return a;
        }
    }

    /** A stream whose mark/reset reopen the source and skip to the mark, so nothing is buffered. */
    private static final class Rereading extends InputStream {
        private final OutboundAttachment.Content source;
        private InputStream in;
        private long position;
        private long mark;

        Rereading(OutboundAttachment.Content source) throws IOException {
            this.source = source;
            this.in = source.open();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int readLimit) {
            mark = position;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.close();
            in = source.open();
            in.skipNBytes(mark);
            position = mark;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
