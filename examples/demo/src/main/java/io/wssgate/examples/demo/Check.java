package io.wssgate.examples.demo;

import io.wssgate.InboundOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One expectation of the demo, whether it held, and the lines that show it. */
record Check(String title, boolean held, List<String> lines) {

    Check {
        lines = List.copyOf(lines);
    }

    /** Expect a whoamiResponse naming {@code principal} with exactly {@code roles}, signed by the server. */
    static Check accepted(String title, SecuredRequests.Request request, Answer answer, String principal,
            List<String> roles) {
        List<String> lines = new ArrayList<>();
        boolean answered = answer.isWhoamiResponse() && answer.principal().orElse("").equals(principal)
                && answer.roles().equals(roles);
        lines.add(answer.isWhoamiResponse()
                ? "accepted: principal " + answer.principal().orElse("?") + ", roles " + answer.roles()
                : "expected acceptance, got HTTP " + answer.status() + " " + answer.faultCode().orElse(""));
        if (answer.isWhoamiResponse() && !answered) {
            lines.add("expected principal " + principal + ", roles " + roles);
        }
        InboundOutcome response = request.validateResponse(answer);
        boolean signed = response instanceof InboundOutcome.Accepted;
        lines.add(response instanceof InboundOutcome.Accepted a
                ? "response signed by " + a.principal().getName() + ", verified by the client"
                : "response NOT verified by the client: " + "wsse:" + ((InboundOutcome.Rejected) response).code().localName());
        return new Check(title, answered && signed, lines);
    }

    /**
     * Expect the WS-Security fault {@code faultCode} with a correlation id (in the header and the
     * fault), and no whoamiResponse: the service never ran.
     */
    static Check rejected(String title, Answer answer, String faultCode, ServerLog log) {
        List<String> lines = new ArrayList<>();
        String id = answer.correlationId().orElse("");
        boolean held = answer.status() == 500 && !answer.isWhoamiResponse()
                && answer.faultCode().orElse("").equals(faultCode)
                && !id.isEmpty() && new String(answer.body(), StandardCharsets.UTF_8).contains(id);
        lines.add(answer.faultCode().isPresent()
                ? "rejected: " + answer.faultCode().get() + " \"" + answer.faultString().orElse("") + "\""
                        + (held ? "" : " (expected " + faultCode + ")")
                : "expected " + faultCode + ", got HTTP " + answer.status());
        if (!id.isEmpty()) {
            lines.add("correlation id " + id);
            log.reasonFor(id).ifPresent(reason -> lines.add("server log: " + reason));
        }
        return new Check(title, held, lines);
    }
}
