package io.wssgate.examples.demo;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.LocalWebApp;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.Jetty;

/**
 * The README's one-command demo: generates the example keys, runs the web.xml example's WAR on
 * an embedded Jetty 12, sends it two valid requests and four attacks, and prints what happened.
 * Exit status 0 only if every expectation held.
 */
public final class Demo {
    /** System property naming the web.xml example's WAR (set by the pom). */
    static final String WAR_PROPERTY = "wssgate.demo.war";

    private Demo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String war = System.getProperty(WAR_PROPERTY);
            if (war == null) {
                throw new IllegalStateException("set -D" + WAR_PROPERTY + "=<path of the web.xml example's WAR>");
            }
            DemoReport report = run(Path.of(war), ExampleKeys.configuredDirectory());
            out.print(report.text());
            out.flush();
            System.exit(report.allHeld() ? 0 : 1);
        } catch (Exception e) {
            out.flush();
            System.err.println("The demo could not run: " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }

    static DemoReport run(Path war, Path keysDirectory) throws Exception {
        ExampleKeys keys = ExampleKeys.ensure(keysDirectory);
        // The service's wssgate.yaml finds the keys through this variable (an environment variable
        // of the same name wins, and then ExampleKeys.configuredDirectory() named the same place).
        System.setProperty(ExampleKeys.KEYS_DIR_VARIABLE, keys.directory().toString());
        SecuredRequests secured = SecuredRequests.load(keys.directory());
        ForgedRequests forged = new ForgedRequests(keys);
        ServerLog log = ServerLog.fromSystemProperty();

        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("the web.xml example's WAR is missing: " + war
                    + " (build it in the same reactor: mvn ... -pl examples/demo -am ...)");
        }
        // The WAR as built, on a real Jetty 12 on a free loopback port (the project's test launcher).
        try (LocalWebApp server = LocalWebApp.start(war, "")) {
            URI endpoint = server.uri("/whoami");
            DemoClient client = new DemoClient(endpoint);
            List<Check> checks = new ArrayList<>();

            SecuredRequests.Request saml = secured.samlHolderOfKey();
            checks.add(Check.accepted("SAML 2.0 holder-of-key request", saml, client.post(saml.bytes()),
                    "alice", List.of("buyer", "partner")));

            SecuredRequests.Request x509 = secured.x509();
            checks.add(Check.accepted("X.509 signed request", x509, client.post(x509.bytes()),
                    ExampleKeys.CLIENT_DN, List.of("partner")));

            checks.add(Check.rejected("tampered request (Body changed after signing)",
                    client.post(ForgedRequests.tampered(secured.x509().bytes())), "wsse:FailedCheck", log));

            checks.add(Check.rejected("replayed request (the accepted X.509 request again)",
                    client.post(x509.bytes()), "wsse:InvalidSecurity", log));

            checks.add(Check.rejected("expired SAML assertion (with a fresh Timestamp)",
                    client.post(forged.expiredAssertion()), "wsse:InvalidSecurityToken", log));

            checks.add(Check.rejected("wrapped Body (signed Body moved into a header)",
                    client.post(ForgedRequests.wrappedBody(secured.x509().bytes())), "wsse:FailedCheck", log));

            List<String> header = List.of(
                    "WSS Gate demo: the web.xml example's WAR on Jetty " + Jetty.VERSION + " at " + endpoint,
                    "keys: " + keys.directory() + " (demo CA, client, SAML IdP, server; see README.txt there)",
                    "server log: " + log.file().map(Path::toString).orElse("the console"));
            return new DemoReport(header, checks);
        }
    }
}
