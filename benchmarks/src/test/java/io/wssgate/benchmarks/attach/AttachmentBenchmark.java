package io.wssgate.benchmarks.attach;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.MessageLimits;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.Delivery;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Validating one signed request carrying one large attachment, from the bytes on disk as a
 * server receives them, per system, format (SwA, MTOM) and attachment size:
 * <ul>
 * <li>{@code ours}: the server exchange every WSS Gate transport uses (spool, MIME checks, WSS4J
 * with attachments digested while streaming, coverage), with the package released after;</li>
 * <li>{@code floor}: SHA-256 over what the signature covers, read from disk (the package's
 * bytes; for MTOM their base64, as XOP has it signed), and one RSA-2048 verify ({@link Floor});</li>
 * <li>{@code wss4j}: WSS4J 3.0.5's engine as Apache CXF 4 drives it (attachment streams from
 * the parsed message, MTOM's xop:Include expanded for the signature), the root envelope parsed
 * from memory: the heap it needs per attachment byte is the anchor to beat.</li>
 * </ul>
 * Run by {@link RunAttachments} in JVMs with {@code -Xmx128m}; {@link HeapCheck} uses the same systems.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AttachmentBenchmark {

    @State(Scope.Benchmark)
    public static class Request {
        @Param({"ours", "floor", "wss4j"})
        public String system;
        @Param({"SWA", "MTOM"})
        public String format;
        @Param({"10MB", "100MB"})
        public String size;

        AttachmentSystem validator;

        @Setup(Level.Trial)
        public void prepare() throws Exception {
            validator = create(system, AttachmentMessages.dir(), format, size);
            validator.validate(); // proves the system accepts the request before it is timed
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            validator.close();
        }
    }

    /** One system ready to validate the request of {@code format} and {@code size} written in {@code dir}. */
    static AttachmentSystem create(String system, Path dir, String format, String size) throws Exception {
        Path body = AttachmentMessages.body(dir, format, size);
        return switch (system) {
            case "ours" -> {
                WssGate gate = WssGate.create(WssGateConfig.of(policy(dir, AttachmentMessages.bytes(size))));
                yield new Ours(gate, new ServerExchange(gate.policy("bench").orElseThrow()), body,
                        Files.readString(AttachmentMessages.contentType(dir, format, size)));
            }
            case "floor" -> new Floor(body, "MTOM".equals(format));
            case "wss4j" -> new Wss4jAttachments(dir, format, size);
            default -> throw new IllegalArgumentException(system);
        };
    }

    /** As a user configures it for large documents: attachments on, limits raised to fit, replay off (nothing else keeps a cache). */
    static PolicyConfig policy(Path dir, long attachmentBytes) {
        return PolicyConfig.builder("bench").path("/bench")
                .trust(new TrustConfig(List.of(dir.resolve("ca.pem")), Optional.empty(), List.of(), List.of()))
                .timestamp(new TimestampPolicy(true, Duration.ofDays(1), Duration.ofSeconds(60), true, false))
                .limits(MessageLimits.defaults())
                .attachments(new AttachmentPolicy(true, 2, attachmentBytes + 1024, 2 * attachmentBytes + 1_000_000, true))
                .build();
    }

    @Benchmark
    public Object validate(Request request) throws Exception {
        return request.validator.validate();
    }

    interface AttachmentSystem extends AutoCloseable {
        Object validate() throws Exception;

        @Override
        default void close() {
        }
    }

    record Ours(WssGate gate, ServerExchange exchange, Path body, String contentType) implements AttachmentSystem {
        @Override
        public Object validate() throws Exception {
            try (InputStream in = Files.newInputStream(body)) {
                InboundOutcome outcome = exchange.receive(in, Files.size(body), contentType, Delivery.unknown());
                if (outcome instanceof InboundOutcome.Accepted accepted) {
                    accepted.release();
                    return accepted.principal();
                }
                throw new IllegalStateException("rejected: " + ((InboundOutcome.Rejected) outcome).code());
            }
        }

        @Override
        public void close() {
            gate.close();
        }
    }
}
