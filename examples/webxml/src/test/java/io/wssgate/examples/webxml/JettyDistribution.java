package io.wssgate.examples.webxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Eclipse Jetty 12 distribution ({@code org.eclipse.jetty:jetty-home} zip) unpacked under
 * target/, with a Jetty base set up only as an operator would: {@code start.jar --add-modules}
 * for HTTP, deployment of ee10 web applications, annotation scanning (which is how Jetty finds a
 * WAR's {@code ServletContainerInitializer}s) and Jakarta Authentication with Jetty's default
 * {@code AuthConfigFactory}; WARs in the base's webapps/. Started as its own process on a free
 * loopback port on this JDK and stopped again; its console output is kept in {@code console.log}.
 */
final class JettyDistribution extends ServerProcess {
    /** The Jetty modules the base enables: what docs/app-servers.md tells an operator to add. */
    static final String MODULES = "http,ee10-deploy,ee10-annotations,ee10-jaspi,ee10-jaspi-default-auth-config-factory";
    private JettyDistribution(Path base, int port, Process process) {
        super("Jetty", base, port, process);
    }

    /** Unpacks {@code zip} into {@code dir}, creates the base, lets {@code deploy} fill its webapps/, starts Jetty. */
    static JettyDistribution start(Path zip, Path relativeDir, Deployer deploy, Map<String, String> systemProperties)
            throws Exception {
        Path dir = relativeDir.toAbsolutePath();
        TomcatDistribution.deleteTree(dir);
        Files.createDirectories(dir);
        TomcatDistribution.unzip(zip, dir);
        Path home;
        try (var top = Files.list(dir)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException("empty zip " + zip));
        }
        Path base = Files.createDirectories(dir.resolve("base"));
        run(home, base, List.of("--add-modules=" + MODULES), base.resolve("add-modules.log"), Duration.ofMinutes(2));
        deploy.into(Files.createDirectories(base.resolve("webapps")));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.io.tmpdir=" + Files.createDirectories(base.resolve("work"))));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port));
        Process process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile()).start();
        return new JettyDistribution(base, port, process);
    }

    private static void run(Path home, Path base, List<String> args, Path log, Duration timeout) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", home.resolve("start.jar").toString(),
                "jetty.home=" + home, "jetty.base=" + base));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("start.jar " + args + " did not finish within " + timeout);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("start.jar " + args + " failed:\n" + Files.readString(log));
        }
    }

    @FunctionalInterface
    interface Deployer {
        void into(Path webapps) throws IOException;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
