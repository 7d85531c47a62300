package io.wssgate.config;

import io.wssgate.identity.ConfirmationMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call (a policy's or an operation's {@code require}): an authenticated caller is
 * authorized when it satisfies {@code conditions}, every entry of {@code allOf}, and, if
 * {@code anyOf} is not empty, at least one of its entries. An empty rule authorizes everyone
 * the policy authenticates.
 */
public record AuthorizationRule(Condition conditions, List<Condition> allOf, List<Condition> anyOf) {
    public AuthorizationRule {
        Objects.requireNonNull(conditions, "conditions");
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
    }

    /** No requirement beyond authentication. */
    public static AuthorizationRule none() {
        return new AuthorizationRule(Condition.none(), List.of(), List.of());
    }

    /** Just these conditions. */
    public static AuthorizationRule of(Condition conditions) {
        return new AuthorizationRule(conditions, List.of(), List.of());
    }

    public boolean isEmpty() {
        return conditions.isEmpty() && allOf.stream().allMatch(Condition::isEmpty) && anyOf.isEmpty();
    }

    /**
     * Facts a caller must show; each non-empty one must hold, and within one the listed values are
     * alternatives. {@code roles}: the caller has one of them; {@code subjects}: its name matches
     * one of the regular expressions (whole name); {@code samlAttributes}: for each attribute
     * named, the assertion carries it with one of the values; {@code confirmation}: the SAML
     * subject confirmation method is one of them; {@code authnContext}: the assertion's
     * authentication context class (SAML 2.0 AuthnContextClassRef, SAML 1.1 AuthenticationMethod)
     * is one of them.
     */
    public record Condition(Set<String> roles, List<Pattern> subjects, Map<String, Set<String>> samlAttributes,
                            Set<ConfirmationMethod> confirmation, Set<String> authnContext) {
        public Condition {
            roles = Set.copyOf(roles);
            subjects = List.copyOf(subjects);
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            samlAttributes.forEach((name, values) -> copy.put(name, Set.copyOf(values)));
            samlAttributes = java.util.Collections.unmodifiableMap(copy);
            confirmation = Set.copyOf(confirmation);
            authnContext = Set.copyOf(authnContext);
        }

        public static Condition none() {
            return new Condition(Set.of(), List.of(), Map.of(), Set.of(), Set.of());
        }

        /** The caller must have one of {@code roles}. */
        public static Condition roles(String... roles) {
            return new Condition(Set.of(roles), List.of(), Map.of(), Set.of(), Set.of());
        }

        public boolean isEmpty() {
            return roles.isEmpty() && subjects.isEmpty() && samlAttributes.isEmpty() && confirmation.isEmpty()
                    && authnContext.isEmpty();
        }
    }
}
