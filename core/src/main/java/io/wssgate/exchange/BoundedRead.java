package io.wssgate.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body, but never more than the policy's limit: empty when the body is larger.
 * A body at most twice the limit is read to its end and discarded before the refusal is sent:
 * closing a connection with unread request bytes makes TCP reset it, and a client still sending
 * would then lose the fault (it sees a broken connection instead). A larger declared body is not
 * read at all; the transport closes that connection, which is the point of the limit.
 */
public final class BoundedRead {
    private static final int CHUNK = 8192;

    private BoundedRead() {
    }

    /** @param declaredLength the length the transport announced (e.g. Content-Length), or -1 */
    public static Optional<byte[]> read(InputStream in, long declaredLength, long limit) throws IOException {
        long discardBound = 2 * limit;
        if (declaredLength > discardBound) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                declaredLength > 0 && declaredLength <= limit ? (int) declaredLength : CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                discard(in, buffer, discardBound - total);
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }

    private static void discard(InputStream in, byte[] buffer, long atMost) throws IOException {
        long left = atMost;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }
}
