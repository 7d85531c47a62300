package io.wssgate.revocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/** One OCSP request over HTTP POST (RFC 6960 appendix A), bounded in time and in the answer's size. */
final class OcspTransport {
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final Duration timeout;

    OcspTransport(Duration timeout) {
        this.timeout = timeout;
    }

    /** The response's bytes; an IOException for every way the responder fails to answer. */
    byte[] post(URI responder, byte[] request) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) responder.toURL().openConnection();
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            connection.setInstanceFollowRedirects(false);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/ocsp-request");
            connection.setRequestProperty("Accept", "application/ocsp-response");
            connection.setFixedLengthStreamingMode(request.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return readBounded(in);
            }
        } finally {
            connection.disconnect();
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_RESPONSE_BYTES) {
                throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }
}
