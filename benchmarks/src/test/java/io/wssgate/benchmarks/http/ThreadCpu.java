package io.wssgate.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the long-lived threads by who they work for: Jetty's pool ("qtp...": the
 * server, the filter and our pipeline) and the JDK HTTP client's own threads. The difference of
 * two snapshots says where the CPU of an HTTP run went.
 */
final class ThreadCpu {
    static final String SERVER = "server";
    static final String CLIENT = "client";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String group = info.getThreadName().startsWith("qtp") ? SERVER
                    : info.getThreadName().startsWith("HttpClient") ? CLIENT : null;
            long nanos = THREADS.getThreadCpuTime(info.getThreadId());
            if (group != null && nanos > 0) {
                cpu.merge(group, nanos, Long::sum);
            }
        }
        return cpu;
    }

    static long delta(Map<String, Long> before, Map<String, Long> after, String group) {
        return after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L);
    }
}
