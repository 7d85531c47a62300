package io.wssgate.benchmarks.exchange;

import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
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
 * One request through the JAX-WS endpoint path, from its wire bytes to the signed response's
 * wire bytes, per scenario and request Body size: {@link #handler} is WSS Gate's SOAP handler on
 * a runtime's SAAJ message ({@link HandlerPath}); {@link #metro} is an endpoint annotated with
 * {@code @WssGateEndpoint} on Metro, through Metro's own HTTP adapter ({@link MetroPath}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EndpointBenchmark {

    @State(Scope.Benchmark)
    public static class Handler {
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB"})
        public String size;

        ExchangePath path;
        byte[] request;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            request = Messages.signed(kind, MessageSize.of(size));
            path = new HandlerPath(kind);
            ExchangeProofs.prove("JAX-WS handler " + scenario + " " + size, path, kind, request, true);
        }
    }

    @State(Scope.Benchmark)
    public static class Metro {
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB"})
        public String size;

        ExchangePath path;
        byte[] request;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            request = Messages.signed(kind, MessageSize.of(size));
            path = new MetroPath(kind);
            ExchangeProofs.prove("Metro endpoint " + scenario + " " + size, path, kind, request, true);
        }
    }

    @Benchmark
    public byte[] handler(Handler exchange) throws Exception {
        return exchange.path.exchange(exchange.request);
    }

    @Benchmark
    public byte[] metro(Metro exchange) throws Exception {
        return exchange.path.exchange(exchange.request);
    }
}
