package io.wssgate.benchmarks.e2e;

import com.sun.management.OperatingSystemMXBean;
import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.report.Json;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The in-process reference of the end-to-end targets, pinned to the server's core: one thread
 * hands the same pool of distinct signed messages to {@link PolicyRuntime#validate} with the
 * servers' configuration (replay detection on), and the JVM's CPU time per validation is
 * measured as the servers' is (process CPU: GC and JIT included). Arguments: keys directory,
 * policy name, pool file, warm-up and measure milliseconds, output file.
 */
public final class InProcessValidation {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private InProcessValidation() {
    }

    public static void main(String[] args) throws Exception {
        WssGate gate = WssGate.create(ConfigLoader.fromYaml(Path.of(args[0]).resolve(E2eConfig.FILE),
                VariableResolver.system()));
        PolicyRuntime policy = gate.policy(args[1]).orElseThrow();
        MessagePool pool = MessagePool.map(Path.of(args[2]));
        long warmMillis = Long.parseLong(args[3]);
        long measureMillis = Long.parseLong(args[4]);
        // half the pool for each phase at most: every message is validated once
        int half = pool.size() / 2;
        validate(policy, pool, 0, half, warmMillis);
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int validated = validate(policy, pool, half, pool.size(), measureMillis);
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = OS.getProcessCpuTime() - cpu;
        Files.writeString(Path.of(args[5]), Json.write(Map.of("validations", (double) validated, "seconds", seconds,
                "perSecond", validated / seconds, "cpuNsPerValidation", (double) cpu / Math.max(1, validated))));
        gate.close();
    }

    private static int validate(PolicyRuntime policy, MessagePool pool, int from, int to, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        int i = from;
        for (; i < to && System.nanoTime() < deadline; i++) {
            ByteBuffer slice = pool.message(i);
            byte[] message = new byte[slice.remaining()];
            slice.get(message);
            InboundOutcome outcome = policy.validate(message, Messages.CONTENT_TYPE);
            if (!(outcome instanceof InboundOutcome.Accepted)) {
                throw new IllegalStateException("message " + i + " was refused in process: " + outcome);
            }
        }
        return i - from;
    }
}
