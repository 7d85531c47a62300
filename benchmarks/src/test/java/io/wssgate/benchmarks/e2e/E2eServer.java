package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.Scenario;
import io.wssgate.testing.LocalWebApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One variant's server, in a JVM of its own (pinned to its core by the caller): Jetty 12 at its
 * defaults ({@link LocalWebApp}) on a free loopback port, running the variant's web application at
 * {@value #CONTEXT}. Prints {@code PORT <n>} once it serves, and stops at the end of its standard
 * input, so it never outlives the run that started it. Arguments: variant id, keys directory.
 */
public final class E2eServer {
    static final String CONTEXT = "/app";

    private E2eServer() {
    }

    /** The path of a scenario's operation inside the application (the same on every variant). */
    static String path(Scenario scenario) {
        return (scenario == Scenario.X509 ? "x509" : "saml") + "/orders";
    }

    public static void main(String[] args) throws Exception {
        Variant variant = Variant.of(args[0]);
        Path keys = Path.of(args[1]).toAbsolutePath();
        // where @WssGateEndpoint finds its configuration when it names none, as a deployment sets it
        System.setProperty("wssgate.config", keys.resolve(E2eConfig.FILE).toString());
        Path webapp = WebApp.write(Files.createTempDirectory("wssgate-e2e-" + variant.id()), variant, keys);
        LocalWebApp server = LocalWebApp.start(webapp, CONTEXT);
        System.out.println("PORT " + server.uri("").getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // nothing to read: waiting for the end of input
        }
        server.close();
        // the written application is this JVM's own: leave nothing behind in the temporary directory
        try (Stream<Path> files = Files.walk(webapp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
