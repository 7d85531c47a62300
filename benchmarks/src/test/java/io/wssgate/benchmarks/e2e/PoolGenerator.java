package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Signs the messages of a run before any server starts, on every core: for the secured servers
 * a pool of distinct messages per scenario and size, each with its own Timestamp (Created one
 * millisecond apart, so no two are alike even in the replay cache's key, and fresh ids as WSS4J
 * makes them); for the unsecured ones a single message of the size, repeated.
 */
final class PoolGenerator {
    /** Signed in batches so a pool of large messages never has to fit the heap at once. */
    private static final int BATCH = 1_000;

    private PoolGenerator() {
    }

    static Path distinct(Scenario scenario, MessageSize size, int count, Path file) throws IOException {
        Instant newest = Instant.now();
        try (MessagePool.Writer writer = new MessagePool.Writer(file)) {
            for (int from = 0; from < count; from += BATCH) {
                writer.add(IntStream.range(from, Math.min(count, from + BATCH)).parallel()
                        .mapToObj(i -> Messages.signed(scenario, size, newest.minusMillis(i))).toList());
            }
        }
        return file;
    }

    /**
     * One X.509 message of the size for the unsecured servers. Its Security header is marked
     * {@code mustUnderstand="0"} (same length): a JAX-WS runtime without security must refuse a
     * header it has to understand, and would answer a fault instead of the operation.
     */
    static Path repeated(MessageSize size, Path file) throws IOException {
        String signed = new String(Messages.signed(Scenario.X509, size), StandardCharsets.UTF_8);
        String optional = signed.replaceFirst("mustUnderstand=\"1\"", "mustUnderstand=\"0\"");
        if (optional.equals(signed)) {
            throw new IllegalStateException("the signed message has no mustUnderstand=\"1\" Security header to relax");
        }
        try (MessagePool.Writer writer = new MessagePool.Writer(file)) {
            writer.add(List.of(optional.getBytes(StandardCharsets.UTF_8)));
        }
        return file;
    }
}
