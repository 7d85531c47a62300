package io.wssgate.examples.webxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Apache Tomcat 11 distribution (the {@code org.apache.tomcat:tomcat} zip from Maven Central)
 * unpacked under target/, configured only as an operator would (a free HTTP port, no shutdown
 * port; context descriptors in conf/Catalina/localhost), started as its own process with
 * {@code Bootstrap} on this JDK, and stopped again; its console output is kept in
 * {@code console.log} beside it.
 */
final class TomcatDistribution extends ServerProcess {
    private TomcatDistribution(Path home, int port, Process process) {
        super("Tomcat", home, port, process);
    }

    /** Unpacks {@code zip} into {@code dir}, lets {@code deploy} fill webapps/, starts Tomcat with these system properties. */
    static TomcatDistribution start(Path zip, Path dir, Deployer deploy, Map<String, String> systemProperties)
            throws Exception {
        Path home = unpack(zip, dir);
        int port = freePort();
        Path serverXml = home.resolve("conf/server.xml");
        String config = Files.readString(serverXml)
                .replace("port=\"8005\"", "port=\"-1\"")
                .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"");
        Files.writeString(serverXml, config);
        Path webapps = home.resolve("webapps");
        try (var old = Files.list(webapps)) {
            for (Path p : old.toList()) {
                deleteTree(p); // ROOT, docs, examples, manager, host-manager: not ours
            }
        }
        deploy.into(webapps, Files.createDirectories(home.resolve("conf/Catalina/localhost")));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcatalina.home=" + home, "-Dcatalina.base=" + home, "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("temp")),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djava.util.logging.config.file=" + home.resolve("conf/logging.properties")));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator
                + home.resolve("bin/tomcat-juli.jar"), "org.apache.catalina.startup.Bootstrap", "start"));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        return new TomcatDistribution(home, port, process);
    }

    @FunctionalInterface
    interface Deployer {
        /** Fills {@code webapps}; {@code descriptors} takes context descriptors ({@code <name>.xml}). */
        void into(Path webapps, Path descriptors) throws IOException;
    }

    static void unzip(Path zip, Path target) throws IOException {
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

    private static Path unpack(Path zip, Path relativeDir) throws IOException {
        Path dir = relativeDir.toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        unzip(zip, dir);
        try (var top = Files.list(dir)) {
            return top.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException("empty zip " + zip));
        }
    }


    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
