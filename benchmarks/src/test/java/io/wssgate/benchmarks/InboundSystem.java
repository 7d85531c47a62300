package io.wssgate.benchmarks;

/**
 * One way of validating a secured request, from the bytes as received. Implementations are
 * built once and then called for every message, as a server would.
 */
public interface InboundSystem {
    /**
     * @return evidence of acceptance (never null), which benchmarks hand to the blackhole
     * @throws MessageRejected if the system refuses the message
     */
    Object validate(byte[] message) throws Exception;
}
