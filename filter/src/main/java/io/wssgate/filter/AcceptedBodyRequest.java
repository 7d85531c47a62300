package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The body the application reads after validation: the original message bytes (or the decrypted
 * message; for a MIME package the whole package as it arrived, or with its parts decrypted), and
 * the accepted request itself as the one request attribute {@link InboundOutcome.Accepted#KEY}.
 * Who the user is stays the container's answer (the Jakarta Authentication route);
 * {@link AuthenticatedRequest} adds the filter's. Closing it releases the accepted request (a
 * MIME package's spooled file goes with it).
 */
class AcceptedBodyRequest extends HttpServletRequestWrapper implements AutoCloseable {
    private final InboundOutcome.Accepted accepted;
    private final long length;
    private BodyStream opened;

    AcceptedBodyRequest(HttpServletRequest request, InboundOutcome.Accepted accepted) {
        super(request);
        this.accepted = accepted;
        this.length = accepted.applicationBodyLength();
        request.setAttribute(InboundOutcome.Accepted.KEY, accepted);
    }

    /** Closes the body and releases the accepted request. */
    @Override
    public void close() {
        try {
            if (opened != null) {
                opened.in.close();
            }
        } catch (IOException e) {
            // the request is over; nothing is left to tell
        } finally {
            accepted.release();
        }
    }

    @Override
    public int getContentLength() {
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public long getContentLengthLong() {
        return length;
    }

    /** One stream per request, as a container gives: the verified body, or the MIME package. */
    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (opened == null) {
            opened = new BodyStream(accepted.openApplicationBody(), length);
        }
        return opened;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class BodyStream extends ServletInputStream {
        private final InputStream in;
        private long left;

        BodyStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return left <= 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            // The body is in memory or in a local file: all of it is available at once.
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
