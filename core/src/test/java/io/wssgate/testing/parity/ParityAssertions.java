package io.wssgate.testing.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.attacks.AttackAssertions;
import io.wssgate.testing.attacks.AttackClient;
import io.wssgate.testing.attacks.Canary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends a {@link ParityCase} to one integration and asserts the decision it must reach there:
 * for a refusal, the exact answer ({@link AttackAssertions#assertAnswered}), the application not
 * run and no principal seen; for an acceptance, HTTP 200, the application run once with exactly
 * the expected principal. Either way no canary fired.
 */
public final class ParityAssertions {
    private ParityAssertions() {
    }

    public static AttackClient.Answer assertDecided(AttackClient client, ParityCase c, Integration integration,
                                                    GateUnderTest gate, Canary canary)
            throws IOException, InterruptedException {
        int invocationsBefore = gate.invocations();
        int principalsBefore = gate.principals().size();

        AttackClient.Answer answer = client.send(c);

        // genuine messages sent before a replay reach the application; only the case itself is judged
        int genuine = answer.genuineAccepted();
        String body = new String(answer.response().body(), StandardCharsets.UTF_8);
        Expectation expected = c.expectedOn(integration);
        if (expected instanceof Expectation.Refused refused) {
            AttackAssertions.assertAnswered(c.name(), refused.outcome(), answer, canary);
            assertThat(gate.invocations()).as("application invocations").isEqualTo(invocationsBefore + genuine);
            assertThat(gate.principals()).as("principals the application saw").hasSize(principalsBefore + genuine);
            gate.assertNoCallerIn(answer.response());
        } else if (expected instanceof Expectation.Accepted accepted) {
            assertThat(answer.response().statusCode()).as("HTTP status of %s, answer: %s", c, body).isEqualTo(200);
            assertThat(gate.invocations()).as("application invocations").isEqualTo(invocationsBefore + genuine + 1);
            List<String> principals = gate.principals();
            assertThat(principals).as("principals the application saw").hasSize(principalsBefore + genuine + 1);
            assertThat(principals.get(principals.size() - 1)).as("principal of %s", c)
                    .isEqualTo(accepted.principal());
            assertThat(body).as("canary secret in the answer").doesNotContain(canary.secret());
            assertThat(canary.connections()).as("outbound connections made by the server").isZero();
        }
        return answer;
    }
}
