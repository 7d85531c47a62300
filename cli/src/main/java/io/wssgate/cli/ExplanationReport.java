package io.wssgate.cli;

import io.wssgate.capture.Capture;
import io.wssgate.cli.ExplainCommand.Explained;
import io.wssgate.diagnostics.Explanation;
import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.Explanation.StageVerdict;
import io.wssgate.diagnostics.Explanation.Status;
import io.wssgate.diagnostics.Explanation.Verdict;
import io.wssgate.diagnostics.trace.StageFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An explained message as text for a person and as a JSON tree for a machine; the same facts in both. */
final class ExplanationReport {
    private ExplanationReport() {
    }

    static String text(Explained e) {
        Text out = new Text();
        out.field("message", e.source());
        e.capture().ifPresent(c -> {
            out.field("capture", "refused by the server with wsse:" + c.fault().localName() + " at " + c.receivedAt()
                    + " (policy " + c.policy() + c.remoteAddress().map(a -> ", from " + a).orElse("")
                    + c.endpoint().map(u -> ", to " + u).orElse("") + ")");
            out.field("server log", c.detail());
        });
        if (e.explanation().isEmpty()) {
            notes(e).forEach(n -> out.field("note", n));
            return out.toString();
        }
        Explanation x = e.explanation().get();
        out.field("policy", x.policy() + ", judged as of " + x.at() + (e.atFromCapture() ? " (the time of the capture)"
                : ""));
        out.line("");
        for (StageVerdict stage : x.stages()) {
            String facts = stage.status() == Status.PASSED ? joined(stage.facts())
                    : stage.status() == Status.FAILED ? stage.stage().title() : "not reached";
            out.wrapped("  " + pad(marker(stage.status()), 8) + pad(stage.stage().key(), 24), facts);
        }
        out.line("");
        if (x.verdict() instanceof Verdict.Accepted accepted) {
            out.field("ACCEPTED", "principal " + accepted.principal() + " (" + accepted.token() + ")"
                    + (accepted.roles().isEmpty() ? "" : ", roles " + String.join(", ", accepted.roles())));
        } else {
            Verdict.Rejected rejected = (Verdict.Rejected) x.verdict();
            out.field("REFUSED", "wsse:" + rejected.code().localName() + ", the client is told \""
                    + rejected.code().genericText() + "\"");
            out.field("cause", x.cause().orElse(""));
            if (!x.cause().orElse("").equals(rejected.detail())) {
                out.field("pipeline", rejected.detail());
            }
        }
        notes(e).forEach(n -> out.field("note", n));
        if (!x.findings().isEmpty()) {
            out.line("");
            out.line("evidence");
            for (Finding finding : x.findings()) {
                out.wrapped("  " + pad(finding.topic(), 22), finding.summary());
                for (StageFact detail : finding.details()) {
                    out.wrapped("      " + pad(detail.name(), 22), detail.value());
                }
            }
        }
        return out.toString();
    }

    /** What the offline verdict means beside the server's, for a capture. */
    static List<String> notes(Explained e) {
        List<String> out = new ArrayList<>();
        if (e.capture().isEmpty()) {
            return out;
        }
        Capture c = e.capture().get();
        if (e.explanation().isEmpty()) {
            out.add("The message itself was not kept (it could not be parsed, so its Body could not be redacted); "
                    + "the server's reason is above.");
            return out;
        }
        Explanation x = e.explanation().get();
        if (c.bodyRedacted()) {
            out.add("The Body was redacted in the capture (diagnostics.capture-rejected.redact-body): a signature "
                    + "over it cannot verify offline, so a refusal by its signature is the redaction's, not the "
                    + "sender's; the server's reason is above.");
        }
        if (x.verdict() instanceof Verdict.Accepted) {
            out.add("The server refused this message, offline it is accepted: " + (c.detail().contains("replay")
                    ? "the server had seen it before (a replay), which the captured message alone cannot show."
                    : c.detail().contains("STS") ? "the STS's answer is not asked offline."
                    : "the configuration, the key material or the time differ from the server's then."));
        } else if (x.verdict() instanceof Verdict.Rejected r && r.code() != c.fault()) {
            out.add("The server refused it with wsse:" + c.fault().localName() + ", offline with wsse:"
                    + r.code().localName() + ": the configuration or key material differ from the server's then"
                    + (c.bodyRedacted() ? ", or the redacted Body makes the difference." : "."));
        }
        return out;
    }

    static Map<String, Object> json(Explained e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", e.source());
        e.capture().ifPresent(c -> {
            Map<String, Object> capture = new LinkedHashMap<>();
            capture.put("correlationId", c.correlationId());
            capture.put("policy", c.policy());
            capture.put("receivedAt", c.receivedAt().toString());
            capture.put("contentType", c.contentType());
            capture.put("endpoint", c.endpoint());
            capture.put("remoteAddress", c.remoteAddress());
            capture.put("fault", c.fault().localName());
            capture.put("detail", c.detail());
            capture.put("bodyRedacted", c.bodyRedacted());
            capture.put("messageKept", c.message().isPresent());
            out.put("capture", capture);
        });
        out.put("notes", notes(e));
        if (e.explanation().isEmpty()) {
            out.put("verdict", null);
            return out;
        }
        Explanation x = e.explanation().get();
        out.put("policy", x.policy());
        out.put("at", x.at().toString());
        Map<String, Object> verdict = new LinkedHashMap<>();
        if (x.verdict() instanceof Verdict.Accepted a) {
            verdict.put("accepted", true);
            verdict.put("principal", a.principal());
            verdict.put("token", a.token());
            verdict.put("roles", a.roles());
        } else {
            Verdict.Rejected r = (Verdict.Rejected) x.verdict();
            verdict.put("accepted", false);
            verdict.put("fault", r.code().localName());
            verdict.put("faultText", r.code().genericText());
            verdict.put("detail", r.detail());
            verdict.put("cause", x.cause());
            verdict.put("stage", x.failedStage().map(s -> s.key()));
        }
        out.put("verdict", verdict);
        List<Object> stages = new ArrayList<>();
        for (StageVerdict s : x.stages()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("stage", s.stage().key());
            stage.put("title", s.stage().title());
            stage.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            stage.put("facts", facts(s.facts()));
            stages.add(stage);
        }
        out.put("stages", stages);
        List<Object> findings = new ArrayList<>();
        for (Finding f : x.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("topic", f.topic());
            finding.put("summary", f.summary());
            finding.put("explainsRefusal", f.explainsRefusal());
            finding.put("details", facts(f.details()));
            findings.add(finding);
        }
        out.put("findings", findings);
        return out;
    }

    private static List<Object> facts(List<StageFact> facts) {
        return facts.stream().<Object>map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("value", f.value());
            return m;
        }).toList();
    }

    private static String joined(List<StageFact> facts) {
        return String.join("; ", facts.stream().map(f -> f.name() + ": " + f.value()).toList());
    }

    private static String marker(Status status) {
        return switch (status) {
            case PASSED -> "ok";
            case FAILED -> "FAILED";
            case NOT_REACHED -> "-";
        };
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    /** Lines wrapped at 110 columns with a hanging indent under the value. */
    static final class Text {
        private static final int WIDTH = 110;
        private final StringBuilder out = new StringBuilder();

        void line(String s) {
            out.append(s).append('\n');
        }

        void field(String name, String value) {
            wrapped(pad(name, 11), value);
        }

        void wrapped(String head, String value) {
            String indent = " ".repeat(head.length());
            String rest = value;
            String prefix = head;
            do {
                int room = Math.max(30, WIDTH - prefix.length());
                int cut = rest.length() <= room ? rest.length() : rest.lastIndexOf(' ', room);
                if (cut <= 0) { // one long word (a fingerprint, a URI): not broken
                    int space = rest.indexOf(' ');
                    cut = space < 0 ? rest.length() : space;
                }
                out.append(prefix).append(rest, 0, cut).append('\n');
                rest = rest.substring(cut).stripLeading();
                prefix = indent;
            } while (!rest.isEmpty());
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
