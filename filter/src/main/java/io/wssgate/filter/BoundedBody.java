package io.wssgate.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body, but never more than the policy's limit: empty when the body is larger.
 * A body at most twice the limit is read to its end and discarded before the refusal is sent:
 * closing a connection with unread request bytes makes TCP reset it, and a client still sending
 * would then lose the fault (it sees a broken connection instead). A larger body is not read at
 * all; the container closes that connection, which is the point of the limit.
 */
final class BoundedBody {
    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    static Optional<byte[]> read(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        long discardBound = 2 * limit;
        if (declared > discardBound) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 && declared <= limit ? (int) declared : CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    discard(in, buffer, discardBound - total);
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
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
