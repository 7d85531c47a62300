package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.StageVerdict;
import io.wssgate.diagnostics.Explanation.Status;
import io.wssgate.diagnostics.trace.PipelineTrace;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.SoapEnvelope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Records one pipeline run: which stages passed with what facts, which one was entered last. */
final class StageRecorder implements PipelineTrace {
    private final Map<Stage, List<StageFact>> passed = new EnumMap<>(Stage.class);
    private Stage current;
    private SoapEnvelope envelope;

    @Override
    public void entering(Stage stage) {
        current = stage;
    }

    @Override
    public void passed(Stage stage, Supplier<List<StageFact>> facts) {
        passed.put(stage, facts.get());
    }

    @Override
    public void parsed(SoapEnvelope parsed) {
        this.envelope = parsed;
    }

    /** The stage that was entered and did not pass (the refusing one), if any. */
    Optional<Stage> failed() {
        return current != null && !passed.containsKey(current) ? Optional.of(current) : Optional.empty();
    }

    /** The envelope as the pipeline left it (decrypted parts in place), if parsing got that far. */
    Optional<SoapEnvelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    boolean reached(Stage stage) {
        return passed.containsKey(stage) || stage == current;
    }

    /** Every stage in order; {@code skipped} ones (not part of this kind of run) are left out. */
    List<StageVerdict> verdicts(List<Stage> skipped) {
        List<StageVerdict> out = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (skipped.contains(stage)) {
                continue;
            }
            if (passed.containsKey(stage)) {
                out.add(new StageVerdict(stage, Status.PASSED, passed.get(stage)));
            } else {
                out.add(new StageVerdict(stage, stage == current ? Status.FAILED : Status.NOT_REACHED, List.of()));
            }
        }
        return out;
    }
}
