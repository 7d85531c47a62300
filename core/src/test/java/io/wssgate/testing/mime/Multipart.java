package io.wssgate.testing.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a MIME body byte by byte as a test says, well-formed or not: parts with the headers
 * given, CRLF delimiters, the close delimiter. Nothing is checked, so attacks can be written with
 * it; {@link #contentType()} is the HTTP Content-Type a {@code multipart/related} sender would use.
 */
public final class Multipart {
    public static final String BOUNDARY = "uuid:9e3f4c1a-wssgate-test-boundary";

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String type = "text/xml";
    private String start = "<root@wssgate.test>";

    public Multipart() {
        this(BOUNDARY);
    }

    public Multipart(String boundary) {
        this.boundary = boundary;
    }

    public Multipart type(String rootType) {
        this.type = rootType;
        return this;
    }

    public Multipart start(String startParameter) {
        this.start = startParameter;
        return this;
    }

    /** {@code multipart/related; type=...; start=...; boundary=...} (start left out when null). */
    public String contentType() {
        return "multipart/related; type=\"" + type + "\"" + (start == null ? "" : "; start=\"" + start + "\"")
                + "; boundary=\"" + boundary + "\"";
    }

    /** A delimiter line, headers, a blank line and the content. */
    public Multipart part(List<String> headers, byte[] content) {
        raw("\r\n--" + boundary + "\r\n");
        for (String header : headers) {
            raw(header + "\r\n");
        }
        raw("\r\n");
        out.writeBytes(content);
        return this;
    }

    /** The root part: a SOAP 1.1 envelope with Content-ID {@code <root@wssgate.test>}. */
    public Multipart root(byte[] envelope) {
        return part(List.of("Content-Type: text/xml; charset=UTF-8", "Content-Transfer-Encoding: binary",
                "Content-ID: <root@wssgate.test>"), envelope);
    }

    /** An MTOM root part: the XOP package of a SOAP envelope of media type {@code soapType}. */
    public Multipart xopRoot(byte[] envelope, String soapType) {
        type = "application/xop+xml";
        return part(List.of("Content-Type: application/xop+xml; charset=UTF-8; type=\"" + soapType + "\"",
                "Content-Transfer-Encoding: binary", "Content-ID: <root@wssgate.test>"), envelope);
    }

    /** An attachment with the usual headers. */
    public Multipart attachment(String contentId, String contentType, byte[] content) {
        return part(List.of("Content-Type: " + contentType, "Content-Transfer-Encoding: binary",
                "Content-ID: <" + contentId + ">"), content);
    }

    /** The close delimiter and a final CRLF. */
    public Multipart close() {
        raw("\r\n--" + boundary + "--\r\n");
        return this;
    }

    public Multipart raw(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** Parts as a sender describes them: content-id, type, content, headers for the complete transform. */
    public record Part(String contentId, String contentType, byte[] content) {
        public List<String> headers() {
            List<String> headers = new ArrayList<>();
            headers.add("Content-Type: " + contentType);
            headers.add("Content-Transfer-Encoding: binary");
            headers.add("Content-ID: <" + contentId + ">");
            return headers;
        }
    }
}
