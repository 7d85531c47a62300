package io.wssgate.config.load;

import io.wssgate.config.AuthorizationRule;
import io.wssgate.config.AuthorizationRule.Condition;
import io.wssgate.identity.ConfirmationMethod;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Binds a {@code require} block (a policy's or an operation's): its conditions, all-of and any-of. */
final class AuthorizationBinder {
    private AuthorizationBinder() {
    }

    static AuthorizationRule rule(Node node) {
        if (!node.expectMap()) {
            return AuthorizationRule.none();
        }
        Condition conditions = conditionKeys(node);
        List<Condition> allOf = conditions(node.get("all-of"));
        List<Condition> anyOf = conditions(node.get("any-of"));
        if (node.get("any-of").present() && anyOf.isEmpty()) {
            node.get("any-of").problem("must list at least one condition (an empty any-of could never hold)");
        }
        return new AuthorizationRule(conditions, allOf, anyOf);
    }

    private static List<Condition> conditions(Node list) {
        return list.elements().stream().filter(Node::expectMap).map(AuthorizationBinder::condition).toList();
    }

    private static Condition condition(Node node) {
        Condition condition = conditionKeys(node);
        if (CONDITION_KEYS.stream().noneMatch(key -> node.get(key).present())) {
            // an empty alternative would hold for everyone, which is never what a listed condition means
            node.problem("a condition needs at least one of roles, subjects, saml-attributes, confirmation, authn-context");
        }
        return condition;
    }

    private static final List<String> CONDITION_KEYS = List.of("roles", "subjects", "saml-attributes",
            "confirmation", "authn-context");

    private static Condition conditionKeys(Node node) {
        for (String key : CONDITION_KEYS) {
            if (node.get(key).givenEmpty()) {
                // e.g. a flat key whose ${VARIABLE} was empty: it must not silently admit every caller
                node.get(key).problem("lists nothing: leave the key out, or list what the caller must have");
            }
        }
        Set<String> roles = new LinkedHashSet<>(node.get("roles").texts().orElse(List.of()));
        List<Pattern> subjects = node.get("subjects").list(ValueParsers::regex).orElse(List.of());
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        node.get("saml-attributes").entries().forEach((name, values) -> {
            List<String> accepted = values.requiredList(Function.identity(), "value");
            attributes.put(name, new LinkedHashSet<>(accepted));
        });
        Set<ConfirmationMethod> confirmation = new LinkedHashSet<>(node.get("confirmation")
                .list(SamlBinder::confirmationMethod).orElse(List.of()));
        Set<String> authnContext = new LinkedHashSet<>(node.get("authn-context").list(ValueParsers::absoluteUri)
                .orElse(List.of()));
        return new Condition(roles, subjects, attributes, confirmation, authnContext);
    }
}
