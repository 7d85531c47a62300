package io.wssgate.filter;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body, but never more than the policy's limit: empty when the body is larger. */
final class BoundedBody {
    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    static Optional<byte[]> read(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
        }
        return Optional.of(out.toByteArray());
    }
}
