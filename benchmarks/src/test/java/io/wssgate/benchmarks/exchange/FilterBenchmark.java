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
 * One request through the Servlet filter in process ({@link #filter}, {@link FilterPath}), and
 * the same security work with no transport ({@link #pipeline}, {@link PipelinePath}), per
 * scenario, request Body size, and whether the policy signs the response ({@code plain}: the
 * application's answer goes out as written; {@code secured}: signed by the server). The
 * difference between the two is what the filter and its exchange cost on top of the core.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
    public static final String PLAIN = "plain";
    public static final String SECURED = "secured";

    @State(Scope.Benchmark)
    public static class Exchange {
        @Param({"X509", "SAML_HOK"})
        public String scenario;
        @Param({"1KB", "100KB"})
        public String size;
        @Param({PLAIN, SECURED})
        public String response;

        ExchangePath filter;
        ExchangePath pipeline;
        byte[] request;

        @Setup(Level.Trial)
        public void prove() throws Exception {
            Scenario kind = Scenario.valueOf(scenario);
            boolean secured = switch (response) {
                case PLAIN -> false;
                case SECURED -> true;
                default -> throw new IllegalArgumentException("unknown response kind " + response);
            };
            request = Messages.signed(kind, MessageSize.of(size));
            filter = new FilterPath(kind, secured);
            pipeline = new PipelinePath(kind, secured);
            String name = scenario + " " + size + " " + response + " response";
            ExchangeProofs.prove("filter " + name, filter, kind, request, secured);
            ExchangeProofs.prove("pipeline " + name, pipeline, kind, request, secured);
        }
    }

    @Benchmark
    public byte[] filter(Exchange exchange) throws Exception {
        return exchange.filter.exchange(exchange.request);
    }

    @Benchmark
    public byte[] pipeline(Exchange exchange) throws Exception {
        return exchange.pipeline.exchange(exchange.request);
    }
}
