package io.wssgate.benchmarks.e2e;

import com.sun.management.OperatingSystemMXBean;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code /stats}, outside every security mapping: this JVM's CPU time (all its threads: Jetty,
 * the security layer, the application, GC and JIT) and its garbage collections so far. The load
 * generator reads it before and after a measured window.
 */
public class StatsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long collections = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"cpuNanos\":" + cpu + ",\"gcCount\":" + collections + ",\"gcMillis\":" + gcMillis
                + ",\"processors\":" + Runtime.getRuntime().availableProcessors() + "}");
    }
}
