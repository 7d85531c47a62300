package io.wssgate.benchmarks.exchange;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POST as a servlet container hands it to a filter, held in memory: method, paths, headers,
 * body, attributes; what a container derives from them (charset, content length, URL) is derived
 * the same way. Nothing is authenticated by the container. What a SOAP request on a filter never
 * involves (sessions, parts, async, dispatching, login) throws, naming the method, so a filter
 * that starts to need it fails the benchmark's proof loudly instead of measuring a stub's guess.
 * Hand-written rather than Spring's MockHttpServletRequest: that would bring spring-test and
 * spring-core onto the class path every benchmark (the CXF baseline included) runs on, for two
 * small classes whose every answer is visible here.
 */
final class StubRequest implements HttpServletRequest {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final String HOST = "localhost";
    private static final int PORT = 8080;

    private final String contextPath;
    private final String servletPath;
    private final String pathInfo;
    private final byte[] body;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> attributes = new HashMap<>();
    private String characterEncoding;
    private boolean bodyTaken;

    /** A POST of {@code body} to {@code contextPath + servletPath + pathInfo}. */
    StubRequest(String contextPath, String servletPath, String pathInfo, String contentType, byte[] body) {
        this.contextPath = contextPath;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.body = body;
        headers.put("Content-Type", List.of(contentType));
        headers.put("Content-Length", List.of(String.valueOf(body.length)));
        headers.put("Host", List.of(HOST + ":" + PORT));
        headers.put("SOAPAction", List.of("\"\""));
        Matcher charset = CHARSET.matcher(contentType);
        this.characterEncoding = charset.find() ? charset.group(1) : null;
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not offered by the benchmark's stub request");
    }

    // --- the request line and paths

    @Override public String getMethod() { return "POST"; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public String getScheme() { return "http"; }
    @Override public String getServerName() { return HOST; }
    @Override public int getServerPort() { return PORT; }
    @Override public boolean isSecure() { return false; }
    @Override public String getContextPath() { return contextPath; }
    @Override public String getServletPath() { return servletPath; }
    @Override public String getPathInfo() { return pathInfo; }
    @Override public String getPathTranslated() { return null; }
    @Override public String getQueryString() { return null; }
    @Override public String getRequestURI() { return contextPath + servletPath + (pathInfo == null ? "" : pathInfo); }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer("http://").append(HOST).append(':').append(PORT).append(getRequestURI());
    }

    // --- headers

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name, List.of()));
    }

    @Override public Enumeration<String> getHeaderNames() { return Collections.enumeration(headers.keySet()); }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        if (getHeader(name) != null) {
            throw unsupported("getDateHeader");
        }
        return -1;
    }

    @Override public Cookie[] getCookies() { return null; }
    @Override public Locale getLocale() { return Locale.getDefault(); }
    @Override public Enumeration<Locale> getLocales() { return Collections.enumeration(List.of(Locale.getDefault())); }

    // --- the body

    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public int getContentLength() { return body.length; }
    @Override public long getContentLengthLong() { return body.length; }
    @Override public String getCharacterEncoding() { return characterEncoding; }
    @Override public void setCharacterEncoding(String encoding) { this.characterEncoding = encoding; }

    @Override
    public ServletInputStream getInputStream() {
        takeBody();
        return new BodyStream(body);
    }

    @Override
    public BufferedReader getReader() {
        takeBody();
        Charset charset = characterEncoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(characterEncoding);
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    /** A container hands the body out once, as a stream or as a reader. */
    private void takeBody() {
        if (bodyTaken) {
            throw new IllegalStateException("the request body has already been read");
        }
        bodyTaken = true;
    }

    // --- parameters: a SOAP POST has none (no query string, not a form)

    @Override public String getParameter(String name) { return null; }
    @Override public Enumeration<String> getParameterNames() { return Collections.emptyEnumeration(); }
    @Override public String[] getParameterValues(String name) { return null; }
    @Override public Map<String, String[]> getParameterMap() { return Map.of(); }

    // --- attributes

    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override public void removeAttribute(String name) { attributes.remove(name); }

    // --- the connection

    @Override public String getRemoteAddr() { return "127.0.0.1"; }
    @Override public String getRemoteHost() { return "127.0.0.1"; }
    @Override public int getRemotePort() { return 50000; }
    @Override public String getLocalName() { return HOST; }
    @Override public String getLocalAddr() { return "127.0.0.1"; }
    @Override public int getLocalPort() { return PORT; }
    @Override public String getRequestId() { return "1"; }
    @Override public String getProtocolRequestId() { return ""; }
    @Override public ServletConnection getServletConnection() { throw unsupported("getServletConnection"); }

    // --- the container's own authentication: none

    @Override public String getAuthType() { return null; }
    @Override public String getRemoteUser() { return null; }
    @Override public boolean isUserInRole(String role) { return false; }
    @Override public Principal getUserPrincipal() { return null; }
    @Override public boolean authenticate(HttpServletResponse response) { throw unsupported("authenticate"); }
    @Override public void login(String username, String password) { throw unsupported("login"); }
    @Override public void logout() { throw unsupported("logout"); }

    // --- sessions: none

    @Override public String getRequestedSessionId() { return null; }
    @Override public HttpSession getSession(boolean create) { if (create) { throw unsupported("getSession"); } return null; }
    @Override public HttpSession getSession() { throw unsupported("getSession"); }
    @Override public String changeSessionId() { throw unsupported("changeSessionId"); }
    @Override public boolean isRequestedSessionIdValid() { return false; }
    @Override public boolean isRequestedSessionIdFromCookie() { return false; }
    @Override public boolean isRequestedSessionIdFromURL() { return false; }

    // --- what a filter in front of a SOAP endpoint does not use

    @Override public DispatcherType getDispatcherType() { return DispatcherType.REQUEST; }
    @Override public ServletContext getServletContext() { throw unsupported("getServletContext"); }
    @Override public RequestDispatcher getRequestDispatcher(String path) { throw unsupported("getRequestDispatcher"); }
    @Override public boolean isAsyncStarted() { return false; }
    @Override public boolean isAsyncSupported() { return false; }
    @Override public AsyncContext startAsync() { throw unsupported("startAsync"); }
    @Override public AsyncContext startAsync(ServletRequest request, ServletResponse response) { throw unsupported("startAsync"); }
    @Override public AsyncContext getAsyncContext() { throw unsupported("getAsyncContext"); }
    @Override public Collection<Part> getParts() { throw unsupported("getParts"); }
    @Override public Part getPart(String name) { throw unsupported("getPart"); }
    @Override public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) { throw unsupported("upgrade"); }

    /** The body, all of it available at once. */
    private static final class BodyStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BodyStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the request is not asynchronous");
        }
    }
}
