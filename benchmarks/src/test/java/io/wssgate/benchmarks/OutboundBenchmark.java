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

/** Securing one message from its unsecured bytes to secured bytes, per system, scenario and Body size. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OutboundBenchmark {

    @State(Scope.Benchmark)
    public static class Message {
        @Param({"ours", "cxf", "wss4j", "floor"})
        public String system;
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB", "10MB"})
        public String size;

        OutboundSystem securer;
        byte[] unsecured;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            unsecured = Messages.unsecured(MessageSize.of(size));
            securer = Systems.outbound(system, kind);
            Proofs.outbound(system + " outbound " + scenario + " " + size, securer, unsecured, kind);
        }
    }

    @Benchmark
    public byte[] secure(Message message) throws Exception {
        return message.securer.secure(message.unsecured);
    }
}
