package io.wssgate.examples.jaxws;

import io.wssgate.examples.keys.ExampleKeys;
import jakarta.xml.ws.WebServiceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs the example: generates (or reuses) the demo keys, starts the secured endpoint on an
 * embedded Jetty, calls it once with the secured client and prints whom the endpoint saw.
 * Exit status 0 when the call succeeded. With {@code -Dexample.serve=true} the endpoint then
 * keeps serving (Ctrl+C stops it), so another client can be tried against it.
 *
 * <p>Arguments: the keys directory to use when {@value ExampleKeys#KEYS_DIR_VARIABLE} is not set
 * (the Maven profile passes the module's {@code target/example-keys}).
 */
public final class JaxwsExample {
    static final String SERVE_PROPERTY = "example.serve";
    static final String PORT_PROPERTY = "example.port";

    private JaxwsExample() {
    }

    public static void main(String[] args) throws Exception {
        boolean serve = Boolean.getBoolean(SERVE_PROPERTY);
        int port = Integer.getInteger(PORT_PROPERTY, serve ? 8080 : 0);
        Path keysDir = keysDirectory(args);
        int status = run(keysDir, port, serve, System.out);
        System.exit(status);
    }

    /**
     * The directory named by the variable, else the first argument, else the default. The
     * variable is (re)set to the absolute directory, since wssgate.yaml refers to files in it
     * and a relative path there would resolve against the YAML file's own directory.
     */
    static Path keysDirectory(String[] args) {
        Optional<String> named = Optional.ofNullable(System.getenv(ExampleKeys.KEYS_DIR_VARIABLE))
                .or(() -> Optional.ofNullable(System.getProperty(ExampleKeys.KEYS_DIR_VARIABLE)));
        String dir = named.orElse(args.length > 0 ? args[0] : ExampleKeys.DEFAULT_KEYS_DIR);
        return Path.of(dir).toAbsolutePath().normalize();
    }

    static int run(Path keysDir, int port, boolean serve, PrintStream out) throws Exception {
        ExampleKeys keys = ExampleKeys.ensure(keysDir);
        if (System.getenv(ExampleKeys.KEYS_DIR_VARIABLE) == null) {
            System.setProperty(ExampleKeys.KEYS_DIR_VARIABLE, keys.directory().toString());
        }
        out.println("Keys: " + keys.directory() + " (see README.txt there for the variables that replace them)");
        try (WhoAmIServer server = WhoAmIServer.start("localhost", port)) {
            out.println("Endpoint: " + server.endpoint() + " (WSDL: " + server.endpoint() + "?wsdl)");
            int status = callOnce(server, out);
            if (serve) {
                out.println("Serving until stopped (Ctrl+C).");
                server.join();
            }
            return status;
        }
    }

    private static int callOnce(WhoAmIServer server, PrintStream out) {
        try {
            WhoAmIResponse answer = new WhoAmIClient(server.endpoint()).whoami();
            out.println("whoami as alice (SAML 2.0 holder-of-key, signed): principal=" + answer.getPrincipal()
                    + " roles=" + String.join(",", answer.getRoles()));
            return 0;
        } catch (WebServiceException e) {
            out.println("whoami FAILED: " + e.getMessage());
            return 1;
        }
    }
}
