package io.wssgate.benchmarks.exchange;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.api.server.WebServiceContextDelegate;
import com.sun.xml.ws.transport.http.WSHTTPConnection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.handler.MessageContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One HTTP POST as Metro's HttpAdapter sees it, held in memory: what Metro's servlet transport
 * (ServletConnectionImpl) makes of a servlet request, made here of a {@link StubRequest}, without
 * a servlet container or a socket, so the Metro path measures Metro and WSS Gate, not HTTP. Like
 * the servlet transport it offers the servlet request as {@link MessageContext#SERVLET_REQUEST}
 * (WSS Gate's codec reads the request URL from it). The container authenticates nobody (no user
 * principal), as with WS-Security alone.
 */
final class InMemoryConnection extends WSHTTPConnection {
    /** The MessageContext properties this connection offers (HTTP headers, path, servlet request), from the @Property getters. */
    private static final PropertyMap PROPERTIES = parse(InMemoryConnection.class);

    private final StubRequest request;
    private final Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Map<String, List<String>> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int status;

    InMemoryConnection(StubRequest request) {
        this.request = request;
        for (String name : Collections.list(request.getHeaderNames())) {
            requestHeaders.put(name, Collections.list(request.getHeaders(name)));
        }
    }

    @Override
    protected PropertyMap getPropertyMap() {
        return PROPERTIES;
    }

    /** The response body as written (HTTP/1.1: no length framing needed in memory). */
    byte[] responseBody() {
        return output.toByteArray();
    }

    @Override
    public void setResponseHeaders(Map<String, List<String>> headers) {
        responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> responseHeaders.put(name, new ArrayList<>(values)));
        }
    }

    @Override
    public void setResponseHeader(String name, List<String> values) {
        responseHeaders.put(name, new ArrayList<>(values));
    }

    @Override
    public void setContentTypeResponseHeader(String contentType) {
        responseHeaders.put("Content-Type", List.of(contentType));
    }

    @Override
    public void setStatus(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Property(MessageContext.SERVLET_REQUEST)
    public HttpServletRequest getServletRequest() {
        return request;
    }

    @Override
    public InputStream getInput() {
        return request.getInputStream();
    }

    @Override
    public OutputStream getOutput() {
        return output;
    }

    @Override
    public WebServiceContextDelegate getWebServiceContextDelegate() {
        return new NoContainerAuthentication();
    }

    @Override
    public String getRequestMethod() {
        return "POST";
    }

    @Override
    public Map<String, List<String>> getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Set<String> getRequestHeaderNames() {
        return requestHeaders.keySet();
    }

    @Override
    public Map<String, List<String>> getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public String getRequestHeader(String name) {
        List<String> values = requestHeaders.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> getRequestHeaderValues(String name) {
        return requestHeaders.get(name);
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getRequestURI() {
        return request.getRequestURI();
    }

    @Override
    public String getRequestScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return request.getServerName();
    }

    @Override
    public int getServerPort() {
        return request.getServerPort();
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getBaseAddress() {
        return "http://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath();
    }

    /** What the container knows about the caller: nothing; WSS Gate's RequestPreparingTube.callerContext answers instead. */
    @SuppressWarnings("rawtypes") // Metro's interface takes a raw WSEndpoint
    private final class NoContainerAuthentication implements WebServiceContextDelegate {
        @Override
        public Principal getUserPrincipal(Packet packet) {
            return null;
        }

        @Override
        public boolean isUserInRole(Packet packet, String role) {
            return false;
        }

        @Override
        public String getEPRAddress(Packet packet, WSEndpoint endpoint) {
            return request.getRequestURL().toString();
        }

        @Override
        public String getWSDLAddress(Packet packet, WSEndpoint endpoint) {
            return getEPRAddress(packet, endpoint) + "?wsdl";
        }
    }
}
