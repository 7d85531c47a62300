package io.wssgate.examples.wildfly;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The WildFly distribution (the {@code org.wildfly:wildfly-dist} zip from Maven Central) unpacked
 * under target/, started with {@code bin/standalone.sh} (default standalone.xml) on free loopback
 * ports, with deployments dropped into its deployment scanner's directory, and stopped again
 * (its JVM first, then the script). The console output is kept in {@code console.log}.
 *
 * <p>One change to standalone.xml, the one an operator makes for an application that brings its
 * own Jakarta Authentication module with callers unknown to WildFly's realms: the undertow
 * subsystem's {@code application-security-domain "other"} gets {@code integrated-jaspi="false"},
 * so Elytron takes the caller and groups the module reports as they are (an ad-hoc identity)
 * instead of looking the name up in ApplicationRealm.
 */
final class WildFly implements AutoCloseable {
    private final Path home;
    private final int httpPort;
    private final Process process;

    private WildFly(Path home, int httpPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.process = process;
    }

    static WildFly start(Path zip, Path dir, Map<String, Path> deployments, Map<String, String> systemProperties)
            throws IOException {
        dir = dir.toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        unzip(zip, dir);
        Path home;
        try (var top = Files.list(dir)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path standaloneXml = home.resolve("standalone/configuration/standalone.xml");
        Files.writeString(standaloneXml, withAdHocJaspiIdentities(Files.readString(standaloneXml)));
        for (Map.Entry<String, Path> d : deployments.entrySet()) {
            Files.copy(d.getValue(), home.resolve("standalone/deployments").resolve(d.getKey()));
        }
        int http = freePort();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + http, "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + freePort(), "-Djboss.management.https.port=" + freePort()));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JBOSS_HOME", home.toString());
        builder.environment().remove("JAVA_OPTS");
        return new WildFly(home, http, builder.start());
    }

    static String withAdHocJaspiIdentities(String standaloneXml) {
        int undertow = standaloneXml.indexOf("urn:jboss:domain:undertow:");
        String marker = "<application-security-domain name=\"other\"";
        int at = standaloneXml.indexOf(marker, undertow);
        if (undertow < 0 || at < 0) {
            throw new IllegalStateException("no application-security-domain 'other' in the undertow subsystem");
        }
        int insert = at + marker.length();
        return standaloneXml.substring(0, insert) + " integrated-jaspi=\"false\"" + standaloneXml.substring(insert);
    }

    /** Copies a WAR into the scanner's directory (atomically, under its final name). */
    void deploy(String name, Path war) throws IOException {
        Path deployments = home.resolve("standalone/deployments");
        Path temp = Files.copy(war, deployments.resolve(name + ".tmp-copy"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, deployments.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Waits for the scanner's verdict on {@code name}: true when deployed, false when it failed
     * (the reason is then in {@link #failure}); throws when there is none within {@code timeout}.
     */
    boolean awaitDeployment(String name, Duration timeout) throws Exception {
        Path deployments = home.resolve("standalone/deployments");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(deployments.resolve(name + ".deployed"))) {
                return true;
            }
            if (Files.exists(deployments.resolve(name + ".failed"))) {
                return false;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited:\n" + console());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + ": no deployment verdict within " + timeout + "\n" + console());
    }

    /** What the scanner wrote for a failed deployment. */
    String failure(String name) throws IOException {
        return Files.readString(home.resolve("standalone/deployments").resolve(name + ".failed"));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    String console() {
        Path log = home.resolve("console.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(console.log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        // the JVM first: bash waits for its child, then exits with it
        process.descendants().forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
