package io.wssgate.authentication;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Fills a WAR's WEB-INF/lib the way the packaged application has it: WSS Gate (its modules'
 * classes, jarred) and every library it runs on, taken from this test's class path; the
 * container's own APIs, the test tooling and the logging binding stay outside, on the class path
 * the container shares with the application. Classes in WEB-INF/lib are loaded by the
 * application's own class loader, which is what undeploy must be able to let go of.
 */
final class WarLibraries {
    /** Class path jars that are not part of the application: container, test tooling, logging. */
    private static final List<String> OUTSIDE = List.of("/org/junit/", "/org/opentest4j/", "/org/apiguardian/",
            "/org/assertj/", "/net/bytebuddy/", "/org/eclipse/jetty/", "/org/apache/tomcat/", "/jakarta/servlet/",
            "/jakarta/authentication/", "/org/slf4j/", "/com/tngtech/", "/com/hazelcast/", "/org/apache/maven/",
            "/jakarta/annotation/");

    private WarLibraries() {
    }

    static void copyInto(Path lib) throws IOException {
        Files.createDirectories(lib);
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String unix = path.toAbsolutePath().toString().replace('\\', '/');
            if (Files.isDirectory(path)) {
                // WSS Gate's own modules in a reactor build: target/classes (never test classes)
                if (unix.endsWith("/target/classes")) {
                    jar(path, lib.resolve("wssgate-" + (n++) + ".jar"));
                }
            } else if (unix.endsWith(".jar") && OUTSIDE.stream().noneMatch(unix::contains) && !unix.contains("-tests.jar")) {
                Files.copy(path, lib.resolve(path.getFileName().toString()));
            }
        }
    }

    private static void jar(Path classes, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }
}
