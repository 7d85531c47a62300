package io.wssgate.filter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds everything the application writes, so the filter can secure the whole response
 * before a single byte reaches the client: nothing is committed while the application runs
 * (flushes are absorbed), and a failure can still become a clean fault.
 */
final class BufferedResponse extends HttpServletResponseWrapper implements AutoCloseable {
    private final ResponseSpool body = new ResponseSpool();
    private ServletOutputStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new BufferStream(body);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(body, charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // absorbed: committing now would send an unsecured response
    }

    @Override
    public void setContentLength(int len) {
        // the secured body has another length; the filter sets it
    }

    @Override
    public void setContentLengthLong(long len) {
        // as above
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        super.reset();
        body.reset();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    /** Everything written so far. */
    byte[] body() {
        return spool().bytes();
    }

    /** Everything written so far, spooled (a MIME package with attachments is on disk). */
    ResponseSpool spool() {
        if (writer != null) {
            writer.flush();
        }
        return body;
    }

    /** Deletes what was spooled to disk. */
    @Override
    public void close() {
        body.close();
    }

    private static final class BufferStream extends ServletOutputStream {
        private final ResponseSpool out;

        BufferStream(ResponseSpool out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                listener.onWritePossible();
            } catch (java.io.IOException e) {
                listener.onError(e);
            }
        }
    }
}
