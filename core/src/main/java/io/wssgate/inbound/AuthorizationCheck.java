package io.wssgate.inbound;

import io.wssgate.config.AuthorizationRule;
import io.wssgate.config.AuthorizationRule.Condition;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declarative authorization: an authenticated caller must satisfy every rule in force for its
 * request (the policy's {@code require}, then its operation's). A caller who does not gets
 * {@code wsse:FailedAuthentication} (the fault WS-Security has for "not authenticated or not
 * authorized"), and the log names the rule that failed by its key path.
 */
final class AuthorizationCheck {
    /** A rule with the key path that configured it, e.g. {@code operations.submit-order.require}. */
    record Labelled(String path, AuthorizationRule rule) {
    }

    private final List<Labelled> rules;

    AuthorizationCheck(List<Labelled> rules) {
        this.rules = rules.stream().filter(r -> !r.rule().isEmpty()).toList();
    }

    void check(WssPrincipal caller) throws SecurityFault {
        for (Labelled labelled : rules) {
            Optional<String> failure = unmet(labelled.rule(), caller);
            if (failure.isPresent()) {
                throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "caller " + caller.getName()
                        + " is not authorized: " + labelled.path() + failure.get());
            }
        }
    }

    /** Why {@code rule} does not hold for {@code caller} (its key path relative to the rule), if it does not. */
    static Optional<String> unmet(AuthorizationRule rule, WssPrincipal caller) {
        Optional<String> direct = unmet(rule.conditions(), caller);
        if (direct.isPresent()) {
            return direct;
        }
        for (int i = 0; i < rule.allOf().size(); i++) {
            Optional<String> failure = unmet(rule.allOf().get(i), caller);
            if (failure.isPresent()) {
                return Optional.of(".all-of[" + i + "]" + failure.get());
            }
        }
        if (rule.anyOf().isEmpty()) {
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < rule.anyOf().size(); i++) {
            Optional<String> failure = unmet(rule.anyOf().get(i), caller);
            if (failure.isEmpty()) {
                return Optional.empty();
            }
            failures.add("[" + i + "]" + failure.get());
        }
        return Optional.of(".any-of: no alternative holds (" + String.join("; ", failures) + ")");
    }

    private static Optional<String> unmet(Condition condition, WssPrincipal caller) {
        if (!condition.roles().isEmpty() && condition.roles().stream().noneMatch(caller::hasRole)) {
            return Optional.of(".roles: has none of " + condition.roles() + " (roles " + caller.roles() + ")");
        }
        if (!condition.subjects().isEmpty()
                && condition.subjects().stream().noneMatch(p -> p.matcher(caller.getName()).matches())) {
            return Optional.of(".subjects: '" + caller.getName() + "' matches none of " + condition.subjects());
        }
        for (Map.Entry<String, Set<String>> attribute : condition.samlAttributes().entrySet()) {
            List<String> values = caller.attributes().getOrDefault(attribute.getKey(), List.of());
            if (values.stream().noneMatch(attribute.getValue()::contains)) {
                return Optional.of(".saml-attributes." + attribute.getKey() + ": " + values + " holds none of "
                        + attribute.getValue());
            }
        }
        if (!condition.confirmation().isEmpty() && (caller.confirmationMethod().isEmpty()
                || !condition.confirmation().contains(caller.confirmationMethod().get()))) {
            return Optional.of(".confirmation: " + caller.confirmationMethod().map(m -> m.key()).orElse("none (no SAML)")
                    + " is none of " + condition.confirmation().stream().map(m -> m.key()).toList());
        }
        boolean saml = caller.tokenType() == TokenType.SAML_1_1 || caller.tokenType() == TokenType.SAML_2_0;
        if (!condition.authnContext().isEmpty() && (!saml || caller.authenticationMethod().isEmpty()
                || !condition.authnContext().contains(caller.authenticationMethod().get()))) {
            return Optional.of(".authn-context: " + (saml ? caller.authenticationMethod().orElse("none") : "no SAML")
                    + " is none of " + condition.authnContext());
        }
        return Optional.empty();
    }
}
