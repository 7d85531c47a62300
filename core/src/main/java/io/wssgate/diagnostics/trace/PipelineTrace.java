package io.wssgate.diagnostics.trace;

import io.wssgate.soap.SoapEnvelope;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hears the inbound pipeline run, stage by stage, for diagnosis ({@code wssgate explain}). A
 * stage that is {@link #entering entered} and never {@link #passed} is the one whose fault
 * refused the message. {@link #NONE}, what every server request uses, costs nothing: the facts
 * of a stage are only computed for a trace that asks for them.
 */
public interface PipelineTrace {
    /** Hears nothing. */
    PipelineTrace NONE = new PipelineTrace() {
    };

    /** The stage starts. */
    default void entering(Stage stage) {
    }

    /** The stage passed; {@code facts} says what it established (called only when wanted). */
    default void passed(Stage stage, Supplier<List<StageFact>> facts) {
    }

    /**
     * The envelope the pipeline works on, right after parsing: later stages change it in place
     * (decryption), so after a failure it shows what the pipeline had reached.
     */
    default void parsed(SoapEnvelope envelope) {
    }
}
