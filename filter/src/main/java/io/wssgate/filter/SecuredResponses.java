package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.Reply;
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
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(request, buffered);
        Reply reply = exchange.reply(accepted, buffered.body());
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
}
