package io.wssgate.jaxws;

import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.identity.WssPrincipal;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test endpoints report: the caller as the endpoint sees it through the standard
 * JAX-WS API, as {@code key=value;...}. Also counts invocations and keeps one-way notes so
 * tests can prove a rejected request never reached an endpoint.
 */
final class CallerReport {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final List<String> NOTES = new CopyOnWriteArrayList<>();

    private CallerReport() {
    }

    static String describe(WebServiceContext context) {
        INVOCATIONS.incrementAndGet();
        Principal principal = context.getUserPrincipal();
        MessageContext messageContext = context.getMessageContext();
        Object wssPrincipal = WssGateHandler.accepted(messageContext).map(a -> a.principal()).orElse(null);
        return "principal=" + (principal == null ? "" : principal.getName())
                + ";admin=" + context.isUserInRole("admin")
                + ";clerk=" + context.isUserInRole("clerk")
                + ";nobody=" + context.isUserInRole("nobody")
                + ";wssPrincipal=" + (wssPrincipal instanceof WssPrincipal && wssPrincipal == principal)
                + ";caller=" + WssGateHandler.accepted(messageContext).map(a -> a.caller() instanceof AuthenticatedCaller)
                        .orElse(false)
                + ";current=" + CurrentCaller.get().map(c -> c.principal().getName()).orElse("");
    }

    /** Echoes the text; text starting with "refuse" makes the endpoint fail, for fault tests. */
    static String echo(String text) {
        INVOCATIONS.incrementAndGet();
        if (text.startsWith("refuse")) {
            throw new IllegalArgumentException("refused: " + text);
        }
        return text;
    }

    static void note(String text) {
        INVOCATIONS.incrementAndGet();
        NOTES.add(text);
    }
}
