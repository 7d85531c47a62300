package io.wssgate.inbound;

import io.wssgate.spi.OutboundAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Digests canonical XML in which each {@code xop:Include} was replaced by a marker (a NUL, the
 * include's index, a NUL: NUL cannot occur in XML, so no document can forge one), feeding the
 * digest, in place of each marker, the base64 of the attachment as it is read (from disk) (XOP 1.0 3.2: the
 * element's content is the canonical base64 of the part's octets, without line breaks). The
 * attachment never sits in memory, neither as bytes nor as text.
 */
final class XopDigestStream extends OutputStream {
    private static final int RAW_CHUNK = 3 * 16 * 1024;

    private final MessageDigest digest;
    private final List<OutboundAttachment.Content> parts;
    private final StringBuilder marker = new StringBuilder();
    private boolean inMarker;

    XopDigestStream(MessageDigest digest, List<OutboundAttachment.Content> parts) {
        this.digest = digest;
        this.parts = parts;
    }

    @Override
    public void write(int b) throws IOException {
        if (b == 0) {
            if (inMarker) {
                inMarker = false;
                digestBase64(parts.get(Integer.parseInt(marker.toString())));
                marker.setLength(0);
            } else {
                inMarker = true;
            }
        } else if (inMarker) {
            marker.append((char) b);
        } else {
            digest.update((byte) b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == 0 || inMarker) {
                if (!inMarker && i > start) {
                    digest.update(b, start, i - start);
                }
                write(b[i] & 0xFF);
                start = i + 1;
            }
        }
        if (!inMarker && start < end) {
            digest.update(b, start, end - start);
        }
    }

    private void digestBase64(OutboundAttachment.Content part) throws IOException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[RAW_CHUNK];
        byte[] encoded = new byte[RAW_CHUNK / 3 * 4];
        try (InputStream in = part.open()) {
            for (int n = in.readNBytes(chunk, 0, chunk.length); n > 0; n = in.readNBytes(chunk, 0, chunk.length)) {
                if (n == chunk.length) {
                    digest.update(encoded, 0, encoder.encode(chunk, encoded));
                } else {
                    // the last chunk, the only one that may end in padding
                    digest.update(encoder.encode(java.util.Arrays.copyOf(chunk, n)));
                    break;
                }
            }
        }
    }

    static String marker(int index) {
        return "\u0000" + index + "\u0000";
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
