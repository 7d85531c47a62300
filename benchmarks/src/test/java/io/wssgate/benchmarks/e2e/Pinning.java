package io.wssgate.benchmarks.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the server and the load generator run: each pinned to a core of its own with
 * {@code taskset -c}, so the client's CPU is never the server's (the server on core 0, the load
 * generator on core 1). With a single core both get core 0, and the description says that the
 * figures then include the client.
 *
 * @param description what RESULTS.md states about the pinning
 */
record Pinning(String taskset, int serverCore, int loadCore, int cores, String description) {

    /** Fails with what to install when {@code taskset} is missing: unpinned figures would be the old, untrustworthy kind. */
    static Pinning detect() {
        String taskset = onPath("taskset");
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return new Pinning(taskset, 0, 0, cores, "only " + cores + " core available: server and load generator"
                    + " both ran on core 0, so every figure includes the load generator's CPU");
        }
        return new Pinning(taskset, 0, 1, cores, "server JVM pinned to core 0, load generator JVM to core 1"
                + " (`taskset -c`), " + cores + " cores in the machine");
    }

    /** The command prefix that runs a program on {@code core}. */
    List<String> on(int core) {
        return new ArrayList<>(List.of(taskset, "-c", String.valueOf(core)));
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " was not found on PATH: the end-to-end benchmark pins the server"
                + " and the load generator to their own cores with it (install util-linux, e.g."
                + " `apt-get install util-linux`)");
    }
}
