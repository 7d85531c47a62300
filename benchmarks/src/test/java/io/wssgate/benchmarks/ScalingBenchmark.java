package io.wssgate.benchmarks;

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

/**
 * Our in-process inbound pipeline on one engine shared by every benchmark thread, with replay
 * detection on: run with {@code threads(1)} and {@code threads(2)} (RunAll does both) to see
 * how the throughput scales with cores. One policy, one replay store and one key snapshot serve
 * all threads, as in a servlet container; the store sees a new message per operation (see
 * {@link UniqueReplayKeys}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalingBenchmark {

    @State(Scope.Benchmark)
    public static class Request {
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB"})
        public String size;

        InboundSystem validator;
        byte[] message;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            message = Messages.signed(kind, MessageSize.of(size));
            validator = new OursInbound(GateFixture.replayChecking(kind));
            Proofs.inbound("ours (replay detection on) " + scenario + " " + size, validator, message);
        }
    }

    @Benchmark
    public Object validate(Request request) throws Exception {
        return request.validator.validate(request.message);
    }
}
