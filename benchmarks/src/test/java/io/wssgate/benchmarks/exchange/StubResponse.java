package io.wssgate.benchmarks.exchange;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A servlet response held in memory: status (200 until set), headers, body, and the container's
 * rules a filter relies on: a flush commits the response, and a committed response can no longer
 * be reset. What a filter in front of a SOAP endpoint never uses (redirects, URL rewriting)
 * throws, naming the method.
 */
final class StubResponse implements HttpServletResponse {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = SC_OK;
    private String characterEncoding;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean committed;
    private int bufferSize = 8192;
    private Locale locale = Locale.getDefault();

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not offered by the benchmark's stub response");
    }

    /** Everything written, as it would go on the wire. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    // --- status and headers

    @Override public void setStatus(int status) { if (!committed) { this.status = status; } }
    @Override public int getStatus() { return status; }
    @Override public boolean containsHeader(String name) { return headers.containsKey(name); }
    @Override public String getHeader(String name) { List<String> v = headers.get(name); return v == null ? null : v.get(0); }
    @Override public Collection<String> getHeaders(String name) { return List.copyOf(headers.getOrDefault(name, List.of())); }
    @Override public Collection<String> getHeaderNames() { return List.copyOf(headers.keySet()); }

    @Override
    public void setHeader(String name, String value) {
        if (committed) {
            return;
        }
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!committed && value != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override public void setIntHeader(String name, int value) { setHeader(name, String.valueOf(value)); }
    @Override public void addIntHeader(String name, int value) { addHeader(name, String.valueOf(value)); }
    @Override public void setDateHeader(String name, long date) { throw unsupported("setDateHeader"); }
    @Override public void addDateHeader(String name, long date) { throw unsupported("addDateHeader"); }
    @Override public void addCookie(Cookie cookie) { throw unsupported("addCookie"); }

    @Override
    public void sendError(int status, String message) {
        sendError(status);
    }

    @Override
    public void sendError(int status) {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
        this.status = status;
        committed = true;
    }

    @Override public void sendRedirect(String location) { throw unsupported("sendRedirect"); }
    @Override public String encodeURL(String url) { return url; }
    @Override public String encodeRedirectURL(String url) { return url; }

    // --- content type and length

    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public void setContentType(String type) { setHeader("Content-Type", type); }
    @Override public String getCharacterEncoding() { return characterEncoding == null ? "ISO-8859-1" : characterEncoding; }
    @Override public void setCharacterEncoding(String charset) { if (!committed && writer == null) { characterEncoding = charset; } }
    @Override public void setContentLength(int length) { setHeader("Content-Length", String.valueOf(length)); }
    @Override public void setContentLengthLong(long length) { setHeader("Content-Length", String.valueOf(length)); }
    @Override public void setLocale(Locale locale) { this.locale = locale; }
    @Override public Locale getLocale() { return locale; }

    // --- the body and the buffer

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new BodyStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            Charset charset = characterEncoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(characterEncoding);
            writer = new PrintWriter(new OutputStreamWriter(body, charset));
        }
        return writer;
    }

    @Override public void setBufferSize(int size) { bufferSize = size; }
    @Override public int getBufferSize() { return bufferSize; }
    @Override public boolean isCommitted() { return committed; }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
        committed = true;
    }

    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("response already committed");
        }
        body.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        status = SC_OK;
        stream = null;
        writer = null;
        characterEncoding = null;
    }

    private final class BodyStream extends ServletOutputStream {
        @Override public void write(int b) { body.write(b); }
        @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
        @Override public boolean isReady() { return true; }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("the response is not asynchronous");
        }
    }
}
