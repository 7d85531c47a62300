package io.wssgate.benchmarks;

/**
 * What every benchmark's setup proves before a single measurement, so that no benchmark can
 * time a no-op: the valid message is accepted and the same message with one Body byte changed
 * is rejected. Outbound, the system's output must pass, and its tampered copy fail, our strict
 * inbound pipeline for the scenario (which also demands a fresh Timestamp and Body and
 * Timestamp signed by a trusted key).
 */
public final class Proofs {
    private Proofs() {
    }

    public static void inbound(String name, InboundSystem system, byte[] valid) throws Exception {
        try {
            system.validate(valid);
        } catch (MessageRejected e) {
            throw new IllegalStateException(name + " rejected a valid message: " + e.getMessage(), e);
        }
        try {
            system.validate(Tamper.oneBodyByte(valid));
        } catch (MessageRejected expected) {
            return;
        }
        throw new IllegalStateException(name + " accepted a message whose Body was tampered with");
    }

    public static void outbound(String name, OutboundSystem system, byte[] unsecured, Scenario scenario)
            throws Exception {
        byte[] secured = system.secure(unsecured);
        try {
            inbound(name + " (its output, judged by our inbound pipeline)", new OursInbound(scenario), secured);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(name + " does not produce a valid secured message: " + e.getMessage(), e);
        }
    }
}
