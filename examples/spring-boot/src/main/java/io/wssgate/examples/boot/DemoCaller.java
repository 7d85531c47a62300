package io.wssgate.examples.boot;

import io.wssgate.spring.ws.WssGateSpringWs;
import java.io.PrintStream;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.ws.client.WebServiceClientException;
import org.springframework.ws.soap.client.SoapFaultClientException;

/**
 * For the one-command run: once the application has started, calls its own service as alice
 * (role admin) and bob (role user) through the client policies of {@code application.yml} and
 * prints what happened, so the whole exchange can be watched without writing a client. Off
 * unless {@code example.demo-caller.enabled=true} (the Maven {@code run} profile sets it).
 */
@Component
@ConditionalOnBooleanProperty("example.demo-caller.enabled")
class DemoCaller implements ApplicationRunner {
    private final WssGateSpringWs wssGate;
    private final Environment environment;
    private final PrintStream out = System.out;

    DemoCaller(WssGateSpringWs wssGate, Environment environment) {
        this.wssGate = wssGate;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        URI service = URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port")
                + WebServicesConfiguration.SERVICES_PATH);
        out.println();
        out.println("WSS Gate Spring Boot example: " + service);
        WhoAmIClient alice = new WhoAmIClient(wssGate, "alice", service);
        WhoAmIClient bob = new WhoAmIClient(wssGate, "bob", service);
        attempt("alice whoami", () -> describe(alice.whoami()));
        attempt("alice adminReport", alice::adminReport);
        attempt("bob   whoami", () -> describe(bob.whoami()));
        attempt("bob   adminReport", bob::adminReport);
        out.println("Serving until stopped (Ctrl+C).");
        out.println();
    }

    private void attempt(String what, Supplier<String> call) {
        try {
            out.println("  " + what + " -> " + call.get());
        } catch (SoapFaultClientException e) {
            out.println("  " + what + " -> refused: SOAP fault " + e.getFaultCode().getLocalPart() + " \""
                    + e.getFaultStringOrReason() + "\"");
        } catch (WebServiceClientException e) {
            out.println("  " + what + " -> FAILED: " + e.getMessage());
        }
    }

    private static String describe(WhoAmIClient.Answer answer) {
        return "principal=" + answer.principal() + " roles=" + String.join(",", answer.roles());
    }
}
