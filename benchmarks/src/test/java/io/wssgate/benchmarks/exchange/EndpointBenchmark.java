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
 * {@code @WssGateEndpoint} on Metro, through Metro's own HTTP adapter ({@link MetroPath});
 * {@link #unsecuredMetro} is the same endpoint without WSS Gate on the unsigned request of the
 * same size, so that the Metro endpoint can be read against Metro's own cost plus the core's
 * (validate and sign the answer, {@code FilterBenchmark.pipeline}) in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EndpointBenchmark {

    /** What every path's state holds once set up: the path, and the request each call sends it. */
    abstract static class Prepared {
        ExchangePath path;
        byte[] request;
    }

    /** A secured path: signed requests of each scenario and size, proved before measuring. */
    @State(Scope.Benchmark)
    public abstract static class Secured extends Prepared {
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB"})
        public String size;

        void prepare(String name, PathFactory factory) throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            request = Messages.signed(kind, MessageSize.of(size));
            path = factory.create(kind);
            ExchangeProofs.prove(name + " " + scenario + " " + size, path, kind, request, true);
        }
    }

    @FunctionalInterface
    interface PathFactory {
        ExchangePath create(Scenario scenario) throws Exception;
    }

    @State(Scope.Benchmark)
    public static class Handler extends Secured {
        @Setup(Level.Trial)
        public void prove() throws Exception {
            prepare("JAX-WS handler", HandlerPath::new);
        }
    }

    @State(Scope.Benchmark)
    public static class Metro extends Secured {
        @Setup(Level.Trial)
        public void prove() throws Exception {
            prepare("Metro endpoint", MetroPath::new);
        }
    }

    @State(Scope.Benchmark)
    public static class UnsecuredMetro extends Prepared {
        @Param({"1KB", "100KB"})
        public String size;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            request = Messages.unsecured(MessageSize.of(size));
            path = MetroPath.unsecured();
            ExchangeProofs.proveUnsecured("unsecured Metro endpoint " + size, path, request);
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

    @Benchmark
    public byte[] unsecuredMetro(UnsecuredMetro exchange) throws Exception {
        return exchange.path.exchange(exchange.request);
    }
}
