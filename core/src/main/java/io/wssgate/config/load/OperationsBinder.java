package io.wssgate.config.load;

import io.wssgate.config.MessageParts;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.Operations;
import io.wssgate.config.UnknownOperations;
import io.wssgate.identity.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * Binds a policy's {@code operations} and {@code unknown-operations}. Each identifier value
 * (payload root, SOAPAction, wsa:Action) may name one operation only, and each operation needs at
 * least one: otherwise which rules apply would depend on the order of the entries.
 */
final class OperationsBinder {
    private OperationsBinder() {
    }

    static Operations operations(Node operationsNode, Node unknownNode) {
        List<OperationConfig> entries = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        operationsNode.entries().forEach((name, node) -> operation(name, node, owners).ifPresent(entries::add));
        if (operationsNode.isMap() && operationsNode.entries().isEmpty()) {
            operationsNode.problem("list at least one operation, or leave operations out");
        }
        Optional<UnknownOperations> unknown = unknownNode.parse(OperationsBinder::unknownOperations);
        if (unknown.isPresent() && !operationsNode.present()) {
            unknownNode.problem("has no effect without operations");
        }
        return new Operations(entries, unknown.orElse(UnknownOperations.REFUSE));
    }

    private static Optional<OperationConfig> operation(String name, Node node, Map<String, String> owners) {
        if (!node.expectMap()) {
            if (!node.present()) {
                node.problem("an operation needs payload-roots, soap-actions or addressing-actions");
            }
            return Optional.empty();
        }
        OperationConfig.Builder builder = OperationConfig.builder(name);
        List<Node> rootNodes = node.get("payload-roots").scalarElements().orElse(List.of());
        List<Node> soapActionNodes = node.get("soap-actions").scalarElements().orElse(List.of());
        List<Node> actionNodes = node.get("addressing-actions").scalarElements().orElse(List.of());
        List<QName> roots = identifiers(rootNodes, ValueParsers::elementQName, "payload root", name, owners);
        List<String> soapActions = identifiers(soapActionNodes, Function.identity(), "SOAPAction", name, owners);
        List<String> actions = identifiers(actionNodes, ValueParsers::absoluteUri, "wsa:Action", name, owners);
        boolean identified = !roots.isEmpty() || !soapActions.isEmpty() || !actions.isEmpty();
        if (rootNodes.isEmpty() && soapActionNodes.isEmpty() && actionNodes.isEmpty()) {
            node.problem("an operation needs payload-roots, soap-actions or addressing-actions");
        }
        roots.forEach(builder::payloadRoot);
        soapActions.forEach(builder::soapAction);
        actions.forEach(builder::addressingAction);
        node.get("token-types").list(OperationsBinder::tokenTypes)
                .map(sets -> sets.stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet()))
                .ifPresent(builder::tokenTypes);
        node.get("confirmation-methods").list(SamlBinder::confirmationMethod).map(Set::copyOf)
                .ifPresent(builder::confirmationMethods);
        parts(node.get("signed-parts"), true).ifPresent(builder::signedParts);
        parts(node.get("encrypted-parts"), false).ifPresent(builder::encryptedParts);
        node.get("required-headers").list(ValueParsers::requiredHeader).ifPresent(builder::requiredHeaders);
        builder.require(AuthorizationBinder.rule(node.get("require")));
        node.get("response-action").parse(ValueParsers::absoluteUri).ifPresent(builder::responseAction);
        OperationConfig operation = builder.build();
        emptyListsUsable(operation, node);
        // without an identifier of its own (each one reported) it could never be chosen
        return identified ? Optional.of(operation) : Optional.empty();
    }

    /** The values of one kind of identifier; a value another operation already has is reported. */
    private static <T> List<T> identifiers(List<Node> elements, Function<String, T> parser, String kind,
                                           String operation, Map<String, String> owners) {
        List<T> out = new ArrayList<>();
        for (Node element : elements) {
            Optional<T> value = element.parse(parser);
            if (value.isEmpty()) {
                continue;
            }
            String first = owners.putIfAbsent(kind + "\n" + value.get(), operation);
            if (first != null && !first.equals(operation)) {
                element.problem("the " + kind + " " + value.get() + " already identifies operation '" + first + "'");
            } else if (first == null) {
                out.add(value.get());
            }
        }
        return out;
    }

    /**
     * Rules that span sections: what an operation accepts must be something the policy can
     * accept at all (a token type it authenticates, SAML for confirmation methods, a decryption
     * key for encrypted parts), else every request of the operation would be refused.
     */
    static void checkUsable(io.wssgate.config.PolicyConfig policy, Node policyNode) {
        Node operationsNode = policyNode.get("operations");
        boolean x509 = (!policy.trust().isEmpty() || policyNode.get("trust").get("keystore").present())
                && policy.signature().x509Authentication();
        boolean decryptionKey = policy.decryption().enabled() || policyNode.get("decryption").get("key").present();
        for (OperationConfig operation : policy.operations().entries()) {
            Node node = operationsNode.entries().get(operation.name());
            Set<TokenType> types = operation.tokenTypes().orElse(Set.of());
            if (types.contains(TokenType.X509) && !x509) {
                node.get("token-types").problem("x509 needs trust and signature.x509-authentication: true");
            }
            if (types.contains(TokenType.SAML_2_0) && !policy.saml().enabled()) {
                node.get("token-types").problem("saml needs SAML to be enabled (saml.issuers)");
            }
            if (types.contains(TokenType.USERNAME_TOKEN) && !policy.usernameToken().enabled()) {
                node.get("token-types").problem("username-token needs username-token.enabled: true");
            }
            if (operation.confirmationMethods().isPresent() && !policy.saml().enabled()) {
                node.get("confirmation-methods").problem("requires SAML to be enabled (saml.issuers)");
            }
            if (operation.encryptedParts().isPresent() && !decryptionKey) {
                node.get("encrypted-parts").problem("requires decryption.key (the key the parts are encrypted for)");
            }
        }
        if (policy.addressing().required() && !policy.signature().required()) {
            // the headers must be signed, and a policy that does not require signatures cannot demand that
            policyNode.get("addressing").get("required").problem("needs signature.required: true "
                    + "(wsa:To, wsa:Action and wsa:MessageID must be signed)");
        }
    }

    /** Lists that would refuse every request of the operation are mistakes, not rules. */
    private static void emptyListsUsable(OperationConfig operation, Node node) {
        // an empty list given, not one whose values were each refused already
        if (operation.tokenTypes().map(Set::isEmpty).orElse(false) && node.get("token-types").givenEmpty()) {
            node.get("token-types").problem("must list at least one token type");
        }
        if (operation.confirmationMethods().map(Set::isEmpty).orElse(false)
                && node.get("confirmation-methods").givenEmpty()) {
            node.get("confirmation-methods").problem("must list at least one confirmation method");
        }
    }

    /** Body, Timestamp (where allowed) and header QNames; a list given replaces the policy's parts. */
    private static Optional<MessageParts> parts(Node node, boolean timestampAllowed) {
        Optional<List<Node>> elements = node.scalarElements();
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        boolean body = false;
        boolean timestamp = false;
        List<QName> headers = new ArrayList<>();
        for (Node part : elements.get()) {
            String text = part.text().orElse(null);
            if ("Body".equals(text)) {
                body = true;
            } else if ("Timestamp".equals(text) && timestampAllowed) {
                timestamp = true;
            } else if ("Timestamp".equals(text)) {
                // the Timestamp sits inside the Security header: WS-Security never encrypts it as a part
                part.problem("invalid part 'Timestamp' (use Body or a header as {namespace}LocalName)");
            } else if (text != null) {
                part.parse(ValueParsers::headerQName).ifPresent(headers::add);
            }
        }
        return Optional.of(new MessageParts(body, timestamp, headers));
    }

    /** "saml" stands for both SAML versions. */
    private static Set<TokenType> tokenTypes(String text) {
        return switch (text) {
            case "x509" -> Set.of(TokenType.X509);
            case "saml" -> Set.of(TokenType.SAML_1_1, TokenType.SAML_2_0);
            case "username-token" -> Set.of(TokenType.USERNAME_TOKEN);
            default -> throw new IllegalArgumentException(
                    "unknown token type '" + text + "' (use x509, saml or username-token)");
        };
    }

    private static UnknownOperations unknownOperations(String text) {
        return UnknownOperations.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown value '" + text + "' (use refuse or default)"));
    }
}
