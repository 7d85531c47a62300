package io.wssgate.diagnostics;

import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message judged by a policy's real inbound pipeline, as of {@code at}: the verdict, what
 * each stage established (or that it refused the message, or was not reached), and for a refusal
 * the {@link Finding}s that say why in terms of the message and the configuration. The verdict
 * always comes from the pipeline; findings only explain it.
 */
public record Explanation(String policy, Instant at, Verdict verdict, List<StageVerdict> stages,
                          List<Finding> findings) {
    public Explanation {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verdict, "verdict");
        stages = List.copyOf(stages);
        findings = List.copyOf(findings);
    }

    public boolean accepted() {
        return verdict instanceof Verdict.Accepted;
    }

    /** The stage that refused the message, if one did. */
    public Optional<Stage> failedStage() {
        return stages.stream().filter(s -> s.status() == Status.FAILED).map(StageVerdict::stage).findFirst();
    }

    /**
     * The cause in one sentence: the first finding that explains the refusal, else the
     * pipeline's own reason (what the server logs). Empty for an accepted message.
     */
    public Optional<String> cause() {
        if (!(verdict instanceof Verdict.Rejected rejected)) {
            return Optional.empty();
        }
        return Optional.of(findings.stream().filter(Finding::explainsRefusal).map(Finding::summary).findFirst()
                .orElse(rejected.detail()));
    }

    /** What the pipeline decided. */
    public sealed interface Verdict {
        /** Accepted: the caller the application would see. */
        record Accepted(String principal, String token, List<String> roles) implements Verdict {
            public Accepted {
                roles = List.copyOf(roles);
            }
        }

        /** Refused with {@code code} (what the client sees) and {@code detail} (what the server logs). */
        record Rejected(FaultCode code, String detail) implements Verdict {
        }
    }

    /** How far a message got through one stage. */
    public enum Status {
        PASSED, FAILED, NOT_REACHED
    }

    /** One stage of the pipeline for this message, with what it established when it passed. */
    public record StageVerdict(Stage stage, Status status, List<StageFact> facts) {
        public StageVerdict {
            facts = List.copyOf(facts);
        }
    }

    /**
     * Evidence about the message, e.g. which signature reference no longer matches, the
     * certificate chain as built, times against the clock, values side by side with the
     * configured ones. {@code explainsRefusal}: this finding names the cause of the refusal.
     */
    public record Finding(String topic, String summary, boolean explainsRefusal, List<StageFact> details) {
        public Finding {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(summary, "summary");
            details = List.copyOf(details);
        }

        static Finding cause(String topic, String summary, List<StageFact> details) {
            return new Finding(topic, summary, true, details);
        }

        static Finding note(String topic, String summary, List<StageFact> details) {
            return new Finding(topic, summary, false, details);
        }
    }
}
