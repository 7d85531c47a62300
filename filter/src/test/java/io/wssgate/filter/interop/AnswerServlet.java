package io.wssgate.filter.interop;

import io.wssgate.testing.mime.Multipart;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application behind the filter for {@link DocumentUpload} that answers with a MIME package:
 * the {@code storeResponse} envelope and a SwA attachment {@code <answer@gate.test>} ({@link #ANSWER}).
 */
public class AnswerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final byte[] ANSWER = "%PDF-1.7 the service's answer document".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getInputStream().readAllBytes();
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns:storeResponse xmlns:ns=\"" + InteropService.NS + "\"><return>stored</return>"
                + "</ns:storeResponse></soap:Body></soap:Envelope>";
        Multipart answer = new Multipart().root(envelope.getBytes(StandardCharsets.UTF_8))
                .attachment("answer@gate.test", "application/pdf", ANSWER).close();
        response.setContentType(answer.contentType());
        response.getOutputStream().write(answer.bytes());
    }
}
