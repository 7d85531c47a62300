package io.wssgate.filter;

import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.Multipart;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An application that answers every request with a MIME package: SwA (a report as an
 * attachment), or MTOM under {@code /mtom/*} (the report as an XOP part of the Body); under a path
 * containing {@code /large} the attachment is 3 MiB of random bytes.
 */
public class PackageResponderServlet extends HttpServlet {
    public static final byte[] REPORT = "%PDF-1.7 the lab report, answered as an attachment"
            .getBytes(StandardCharsets.US_ASCII);
    /** Larger than what the filter keeps in memory before spooling the response to disk. */
    public static final byte[] LARGE = new byte[3 * 1024 * 1024];

    static {
        new java.util.Random(13).nextBytes(LARGE);
    }

    static final String XOP_BODY = "<t:report xmlns:t=\"urn:wssgate:test\"><t:document>"
            + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:report@wssgate.test\"/>"
            + "</t:document></t:report>";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().readAllBytes();
        Multipart answer = request.getRequestURI().contains("/mtom/")
                ? new Multipart().xopRoot(TestMessages.soap11(XOP_BODY).build(), "text/xml")
                : new Multipart().root(TestMessages.soap11("<t:report xmlns:t=\"urn:wssgate:test\"/>").build());
        answer.attachment("report@wssgate.test", "application/pdf",
                request.getRequestURI().contains("/large") ? LARGE : REPORT).close();
        response.setContentType(answer.contentType());
        response.getOutputStream().write(answer.bytes());
    }
}
