package io.wssgate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A quick look at one request's heap, outside JMH: {@code prepare DIR} signs the 50 MB requests
 * into DIR and prints the JVM flags under which another JVM reads them back;
 * {@code validate SCENARIO [SIZE [N]]} (under those flags and the {@code -Xmx} to try) validates
 * N times (default 2, 50 MB) after N warm-up validations, twice, printing the time and the bytes
 * allocated per message. An OutOfMemoryError's stack shows what did not fit.
 */
public final class HeapProbe {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            System.out.println(String.join(" ", Messages.prepare(MessageSize.MB_50, Path.of(args[1]))));
            return;
        }
        Scenario scenario = Scenario.valueOf(args[1]);
        MessageSize size = args.length > 2 ? MessageSize.valueOf(args[2]) : MessageSize.MB_50;
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        byte[] message = Messages.signed(scenario, size);
        OursInbound ours = new OursInbound(scenario, size);
        for (int w = 0; w < n; w++) {
            ours.validate(message);
        }
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            long before = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
            Object p = null;
            for (int k = 0; k < n; k++) {
                p = ours.validate(message);
            }
            long after = ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
            System.out.printf("%s validated %s in %d ms, allocated %d KB per message%n", scenario, p, (System.nanoTime() - t) / 1_000_000, (after - before) / n >> 10);
        }
    }
}
