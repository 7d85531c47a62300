package io.wssgate.benchmarks.attach;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
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
 * <li>{@code floor}: SHA-256 over the same bytes read from disk, and one RSA-2048 verify;</li>
 * <li>{@code wss4j}: WSS4J 3.0.5's engine as Apache CXF 4 drives it (attachment streams from
 * the parsed message, MTOM's xop:Include expanded for the signature), the root envelope parsed
 * from memory: the heap it needs per attachment byte is the anchor to beat.</li>
 * </ul>
 * Run by {@link RunAttachments} in JVMs with {@code -Xmx128m}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
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
        private WssGate gate;

        @Setup(Level.Trial)
        public void prepare() throws Exception {
            Path dir = AttachmentMessages.dir();
            Path body = AttachmentMessages.body(dir, format, size);
            String contentType = Files.readString(AttachmentMessages.contentType(dir, format, size));
            validator = switch (system) {
                case "ours" -> {
                    gate = WssGate.create(WssGateConfig.of(policy(dir, AttachmentMessages.bytes(size))));
                    yield new Ours(new ServerExchange(gate.policy("bench").orElseThrow()), body, contentType);
                }
                case "floor" -> new Floor(body);
                case "wss4j" -> new Wss4jAttachments(dir, format, size);
                default -> throw new IllegalArgumentException(system);
            };
            validator.validate(); // proves the system accepts the request before it is timed
        }

        @TearDown(Level.Trial)
        public void close() {
            if (gate != null) {
                gate.close();
            }
        }
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

    interface AttachmentSystem {
        Object validate() throws Exception;
    }

    record Ours(ServerExchange exchange, Path body, String contentType) implements AttachmentSystem {
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
    }
}
