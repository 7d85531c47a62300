package io.wssgate.benchmarks.load;

import io.wssgate.GateObserver;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server side of the load test, in its own JVM so its heap and CPU are its own: Jetty 12 on
 * a loopback port, the WSS Gate filter in front of an application that names the caller, and
 * {@code /stats} (outside the filter) reporting this JVM's heap (MemoryMXBean), CPU time, the
 * policies' replay-cache sizes and the key reloads. Prints {@code PORT <n>} once started.
 * Arguments: the YAML configuration file.
 */
public final class LoadServer {
    private LoadServer() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        ReloadCounter reloads = new ReloadCounter();
        WssGate gate = WssGate.create(ConfigLoader.fromYaml(config, VariableResolver.system()), Clock.systemUTC(),
                new Problems(), List.of(reloads));
        Server server = new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(250, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptQueueSize(512);
        // longer than any pause of a client, so no pooled connection is closed under it mid-run
        connector.setIdleTimeout(300_000);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.addFilter(new FilterHolder(new WssGateFilter(gate)), "/svc/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WhoAmI()), "/svc/*");
        context.addServlet(new ServletHolder(new Stats(gate, reloads)), "/stats");
        server.setHandler(context);
        server.start();
        System.out.println("PORT " + connector.getLocalPort());
        System.out.flush();
        // ends when the driver closes our stdin (or dies): never outlives the run
        while (System.in.read() >= 0) {
            // nothing to read; waiting for end of input
        }
        server.stop();
        gate.close();
    }

    /** The application: answers with the authenticated caller's name. */
    static final class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            String name = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
            response.setContentType("text/xml; charset=UTF-8");
            response.getWriter().write("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><r:caller xmlns:r=\"urn:wssgate:load\">" + name + "</r:caller></soap:Body>"
                    + "</soap:Envelope>");
        }
    }

    /** Heap, CPU, replay caches and reloads as one line of JSON; {@code ?gc=true} collects garbage first. */
    static final class Stats extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient WssGate gate;
        private final transient ReloadCounter reloads;

        Stats(WssGate gate, ReloadCounter reloads) {
            this.gate = gate;
            this.reloads = reloads;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if ("true".equals(request.getParameter("gc"))) {
                System.gc();
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            String caches = gate.policies().stream().map(p -> "\"" + p.name() + "\":" + p.replayCacheSize().orElse(-1))
                    .collect(Collectors.joining(","));
            String limits = gate.policies().stream()
                    .map(p -> "\"" + p.name() + "\":" + ((ReplayConfig.Memory) gate.config().replay()).maxEntries())
                    .collect(Collectors.joining(","));
            response.setContentType("application/json");
            response.getWriter().write("{\"heapUsed\":" + memory.getHeapMemoryUsage().getUsed()
                    + ",\"heapCommitted\":" + memory.getHeapMemoryUsage().getCommitted()
                    + ",\"heapMax\":" + memory.getHeapMemoryUsage().getMax()
                    + ",\"cpuNanos\":" + cpu
                    + ",\"replayCache\":{" + caches + "},\"replayCacheLimit\":{" + limits + "}"
                    + ",\"reloaded\":" + reloads.reloaded.get() + ",\"reloadRejected\":" + reloads.rejected.get()
                    + ",\"certificates\":\"" + gate.certificates().stream()
                    .map(c -> c.use() + "=" + c.certificate().getSubjectX500Principal().getName())
                    .collect(Collectors.joining("; ")) + "\"}");
        }
    }

    /** Counts key reloads, so the driver can show they happened under load. */
    static final class ReloadCounter implements GateObserver {
        final AtomicInteger reloaded = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();

        @Override
        public void keyMaterialReloaded(String policy) {
            reloaded.incrementAndGet();
        }

        @Override
        public void keyMaterialRejected(String policy, List<ConfigProblem> problems) {
            rejected.incrementAndGet();
        }
    }

}
