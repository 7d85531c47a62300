package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.PackageReply;
import io.wssgate.exchange.Reply;
import io.wssgate.mime.SecuredPackage;
import io.wssgate.exchange.ServerExchange;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs the application with its response buffered, then hands it to the exchange, which secures
 * it per the policy or replaces it by a complete generic fault; nothing is sent before that.
 */
final class SecuredResponses {
    private SecuredResponses() {
    }

    static void run(ServerExchange exchange, InboundOutcome.Accepted accepted, HttpServletRequest request,
                    HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try (BufferedResponse buffered = new BufferedResponse(response)) {
            chain.doFilter(request, buffered);
            if (exchange.securesPackage(buffered.getContentType())) {
                PackageReply reply;
                try (java.io.InputStream spooled = buffered.spool().open()) {
                    reply = exchange.replyPackage(accepted, spooled, buffered.spool().length(),
                            buffered.getContentType());
                }
                sendPackage(reply, accepted, response);
            } else {
                send(exchange.reply(accepted, buffered.body()), accepted, response);
            }
        }
    }

    private static void send(Reply reply, InboundOutcome.Accepted accepted, HttpServletResponse response)
            throws IOException {
        if (reply.isFault()) {
            response.reset();
            FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, accepted.version().contentType(),
                    reply.correlationId().get(), reply.body());
            return;
        }
        if (reply.body().length > 0) {
            response.setContentLength(reply.body().length);
            response.getOutputStream().write(reply.body());
        }
        response.flushBuffer();
    }

    /**
     * A MIME package (SwA, MTOM) secured: written while streaming from the spool, with the
     * application's own Content-Type (its boundary unchanged) and no Content-Length (an encrypted
     * attachment's length is only known once written).
     */
    private static void sendPackage(PackageReply reply, InboundOutcome.Accepted accepted, HttpServletResponse response)
            throws IOException {
        if (reply instanceof PackageReply.Fault fault) {
            send(fault.fault(), accepted, response);
            return;
        }
        try (SecuredPackage secured = ((PackageReply.Secured) reply).pkg()) {
            response.setContentType(secured.contentType());
            secured.writeTo(response.getOutputStream());
        }
        response.flushBuffer();
    }
}
