package io.wssgate.filter.interop;

import io.wssgate.InboundOutcome;
import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application behind the filter for {@link DocumentUpload}: answers with the caller, whether
 * the request was a MIME package and the SHA-256 of the request body it read, and keeps that body
 * so a test can compare it with what the client sent.
 */
public class DocumentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final AtomicReference<byte[]> LAST_BODY = new AtomicReference<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        INVOCATIONS.incrementAndGet();
        InboundOutcome.Accepted accepted = WssGateFilter.accepted(request).orElseThrow();
        byte[] body = request.getInputStream().readAllBytes();
        LAST_BODY.set(body);
        WrappedSoap.respond(response, "store", "principal=" + request.getUserPrincipal().getName()
                + ";multipart=" + accepted.mime().isPresent() + ";sha256=" + sha256(body));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
