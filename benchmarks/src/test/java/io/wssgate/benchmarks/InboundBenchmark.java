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

/** Validating one signed request from its bytes, per system, scenario and Body size. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InboundBenchmark {

    @State(Scope.Benchmark)
    public static class Request {
        @Param({"ours", "cxf", "wss4j", "floor"})
        public String system;
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB", "10MB"})
        public String size;

        InboundSystem validator;
        byte[] message;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            MessageSize messageSize = MessageSize.of(size);
            message = Messages.signed(kind, messageSize);
            validator = Systems.inbound(system, kind, messageSize);
            Proofs.inbound(system + " inbound " + scenario + " " + size, validator, message);
        }
    }

    @Benchmark
    public Object validate(Request request) throws Exception {
        return request.validator.validate(request.message);
    }
}
