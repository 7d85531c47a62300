package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.identity.WssPrincipal;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/**
 * What the application sees after validation: the original message bytes (or the decrypted
 * message; for a MIME package the whole package as it arrived, or with its root decrypted) as the body, the validated principal as the user (roles from it), and the accepted
 * request itself as the one request attribute {@link InboundOutcome.Accepted#KEY}.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper implements AutoCloseable {
    private final InboundOutcome.Accepted accepted;
    private final WssPrincipal principal;
    private final long length;
    private BodyStream opened;

    AuthenticatedRequest(HttpServletRequest request, InboundOutcome.Accepted accepted) {
        super(request);
        this.accepted = accepted;
        this.principal = accepted.principal();
        this.length = accepted.applicationBodyLength();
        request.setAttribute(InboundOutcome.Accepted.KEY, accepted);
    }

    /** Closes the body (a MIME package's spooled file goes with it). */
    @Override
    public void close() {
        try {
            if (opened != null) {
                opened.in.close();
            }
        } catch (java.io.IOException e) {
            // the request is over; nothing is left to tell
        } finally {
            accepted.release();
        }
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return WssGateFilter.AUTH_TYPE;
    }

    @Override
    public int getContentLength() {
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public long getContentLengthLong() {
        return length;
    }

    /** One stream per request, as a container gives: the verified body, or the MIME package as it arrived. */
    @Override
    public ServletInputStream getInputStream() throws java.io.IOException {
        if (opened == null) {
            opened = new BodyStream(accepted.openApplicationBody(), length);
        }
        return opened;
    }

    @Override
    public BufferedReader getReader() throws java.io.IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class BodyStream extends ServletInputStream {
        private final java.io.InputStream in;
        private long left;

        BodyStream(java.io.InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
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
        public void close() throws java.io.IOException {
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
            } catch (java.io.IOException e) {
                listener.onError(e);
            }
        }
    }
}
