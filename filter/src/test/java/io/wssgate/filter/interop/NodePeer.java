package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The non-WSS4J peer: {@code filter/src/test/node/peer.js} (node-soap + xml-crypto, versions pinned
 * in its package-lock.json) run by the machine's Node.js. Nothing here is skipped: without Node.js
 * 20 the tests fail and say what to install; without {@code node_modules} the first use runs
 * {@code npm ci} (pinned versions, no install scripts), so {@code mvn verify} works from a clean
 * clone. Every node process is bounded in time, killed with its children when it overruns, and its
 * stderr ends up in the failure message.
 */
final class NodePeer {
    static final Path DIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/node");
    /** The executables; {@code -Dwssgate.test.node=/path/to/node} (and {@code .npm}) where they are not on the PATH. */
    private static final String NODE = System.getProperty("wssgate.test.node", "node");
    private static final String NPM = System.getProperty("wssgate.test.npm", "npm");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
    /** node-soap 1.13 declares engines node >= 20.19. */
    private static final int MIN_NODE_MAJOR = 20;
    private static final int MIN_NODE_MINOR = 19;
    private static final String[] MODULES = {"soap", "xml-crypto", "@xmldom/xmldom"};
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.");
    private static NodePeer ready;

    private final Path work;

    private NodePeer(Path work) {
        this.work = work;
    }

    /** Node.js checked and the pinned packages installed, once per JVM. */
    static synchronized NodePeer ready() throws IOException, InterruptedException {
        if (ready == null) {
            Path work = Files.createTempDirectory("wssgate-nodepeer");
            work.toFile().deleteOnExit();
            checkNode(work);
            installModules(work);
            ready = new NodePeer(work);
        }
        return ready;
    }

    /** Runs {@code node peer.js command key=value...}; the caller asserts on the outcome. */
    NodeRun run(String command, Map<String, String> options) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(NODE, DIR.resolve("peer.js").toString(), command));
        options.forEach((key, value) -> line.add(key + "=" + value));
        Finished finished = execute(line, DIR, RUN_LIMIT, work);
        if (finished.timedOut) {
            fail("node %s did not finish within %s; stderr:%n%s", command, RUN_LIMIT, finished.stderr);
        }
        return new NodeRun(finished.exitCode, NodeRun.parse(finished.stdout), finished.stdout, finished.stderr);
    }

    private static void checkNode(Path work) throws IOException, InterruptedException {
        Finished version;
        try {
            version = execute(List.of(NODE, "--version"), DIR, RUN_LIMIT, work);
        } catch (IOException e) {
            throw new AssertionError("Node.js is required by the non-WSS4J interoperability tests (" + DIR
                    + ") and '" + NODE + "' cannot be run: install Node.js " + MIN_NODE_MAJOR + "." + MIN_NODE_MINOR
                    + " or later with npm (Debian: apt-get install nodejs npm; .ci/run does this), or name it with -Dwssgate.test.node=",
                    e);
        }
        Matcher major = VERSION.matcher(version.stdout);
        if (version.exitCode != 0 || !major.find() || Integer.parseInt(major.group(1)) < MIN_NODE_MAJOR
                || Integer.parseInt(major.group(1)) == MIN_NODE_MAJOR && Integer.parseInt(major.group(2)) < MIN_NODE_MINOR) {
            fail("the non-WSS4J interoperability tests need Node.js %d.%d or later (node-soap 1.13); "
                    + "'%s --version' said: %s %s", MIN_NODE_MAJOR, MIN_NODE_MINOR, NODE, version.stdout.strip(),
                    version.stderr.strip());
        }
    }

    private static void installModules(Path work) throws IOException, InterruptedException {
        if (modulesPresent()) {
            return;
        }
        List<String> npmCi = List.of(NPM, "ci", "--prefix", DIR.toString(), "--ignore-scripts", "--no-audit",
                "--no-fund");
        Finished install;
        try {
            install = execute(npmCi, DIR, INSTALL_LIMIT, work);
        } catch (IOException e) {
            throw new AssertionError(DIR.resolve("node_modules") + " is missing and '" + NPM + "' cannot be run for "
                    + String.join(" ", npmCi) + " (Debian: apt-get install npm)", e);
        }
        if (install.timedOut || install.exitCode != 0 || !modulesPresent()) {
            fail("%s failed (exit %d%s); the npm registry must be reachable the first time. Output:%n%s%n%s",
                    String.join(" ", npmCi), install.exitCode, install.timedOut ? ", timed out" : "",
                    install.stdout, install.stderr);
        }
    }

    private static boolean modulesPresent() {
        for (String module : MODULES) {
            if (!Files.isRegularFile(DIR.resolve("node_modules").resolve(module).resolve("package.json"))) {
                return false;
            }
        }
        return true;
    }

    private record Finished(int exitCode, boolean timedOut, String stdout, String stderr) {
    }

    /** Output goes to files, so a chatty process can never block on a full pipe. */
    private static Finished execute(List<String> command, Path dir, Duration limit, Path work)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            return new Finished(finished ? process.exitValue() : -1, !finished,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
