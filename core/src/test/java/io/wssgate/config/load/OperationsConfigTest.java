package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wssgate.config.AddressingPolicy;
import io.wssgate.addressing.AddressingVersion;
import io.wssgate.config.AuthorizationRule;
import io.wssgate.config.AuthorizationRule.Condition;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.MessageParts;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.Operations;
import io.wssgate.config.OutboundAddressing;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.config.UnknownOperations;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.TokenType;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code operations}, {@code require}, {@code required-headers}, {@code addressing} and
 * {@code outbound.addressing}: the same model from YAML, from flat keys (web.xml init-params) and
 * from the Java builder; and every mistake refused at start-up with its key path.
 */
class OperationsConfigTest {
    private static final VariableResolver NO_VARS = name -> Optional.empty();
    private static final String ORDERS = "urn:example:orders";

    @TempDir
    Path dir;

    static final String YAML = """
            policies:
              orders:
                paths: [/orders/*]
                trust: { certificates: [ca.pem] }
                saml:
                  issuers: [{ name: https://idp.example, certificates: [idp.pem] }]
                  audiences: [urn:example:orders]
                roles: { saml-attributes: [role] }
                require:
                  subjects: ["CN=partner-.*,O=Example", alice]
                required-headers: ["{urn:example:routing}Route"]
                addressing:
                  required: true
                  addresses: [https://orders.example.com/orders]
                unknown-operations: default
                operations:
                  get-status:
                    payload-roots: ["{urn:example:orders}getStatus"]
                    soap-actions: [urn:example:orders:getStatus]
                    addressing-actions: [urn:example:orders/getStatus]
                    token-types: [x509, saml]
                  submit-order:
                    payload-roots: ["{urn:example:orders}submitOrder"]
                    token-types: [saml]
                    confirmation-methods: [holder-of-key]
                    signed-parts: [Body, Timestamp, "{urn:example:routing}Route"]
                    required-headers: []
                    response-action: urn:example:orders/submitOrderDone
                    require:
                      roles: [buyer]
                      saml-attributes: { clearance: [secret, top-secret] }
                      any-of:
                        - confirmation: [holder-of-key]
                          authn-context: [urn:oasis:names:tc:SAML:2.0:ac:classes:X509]
                        - subjects: ["CN=partner-a,.*"]
                outbound:
                  addressing:
                    version: 2004-08
                    to: https://partner.example/orders
                    action: urn:example:orders/notify
            """;

    @Test
    void yamlFlatKeysAndTheJavaBuilderGiveTheSameModel() {
        PolicyConfig yaml = ConfigLoader.fromYaml(new StringReader(YAML), dir, NO_VARS).policies().get(0);
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("policies.orders.paths", "/orders/*");
        flat.put("policies.orders.trust.certificates", "ca.pem");
        flat.put("policies.orders.saml.issuers.0.name", "https://idp.example");
        flat.put("policies.orders.saml.issuers.0.certificates", "idp.pem");
        flat.put("policies.orders.saml.audiences", ORDERS);
        flat.put("policies.orders.roles.saml-attributes", "role");
        flat.put("policies.orders.require.subjects.0", "CN=partner-.*,O=Example");
        flat.put("policies.orders.require.subjects.1", "alice");
        flat.put("policies.orders.required-headers", "{urn:example:routing}Route");
        flat.put("policies.orders.addressing.required", "true");
        flat.put("policies.orders.addressing.addresses", "https://orders.example.com/orders");
        flat.put("policies.orders.unknown-operations", "default");
        String status = "policies.orders.operations.get-status.";
        flat.put(status + "payload-roots", "{urn:example:orders}getStatus");
        flat.put(status + "soap-actions", "urn:example:orders:getStatus");
        flat.put(status + "addressing-actions", "urn:example:orders/getStatus");
        flat.put(status + "token-types", "x509,saml");
        String submit = "policies.orders.operations.submit-order.";
        flat.put(submit + "payload-roots", "{urn:example:orders}submitOrder");
        flat.put(submit + "token-types", "saml");
        flat.put(submit + "confirmation-methods", "holder-of-key");
        flat.put(submit + "signed-parts", "Body,Timestamp,{urn:example:routing}Route");
        flat.put(submit + "required-headers", "");
        flat.put(submit + "response-action", "urn:example:orders/submitOrderDone");
        flat.put(submit + "require.roles", "buyer");
        flat.put(submit + "require.saml-attributes.clearance", "secret,top-secret");
        flat.put(submit + "require.any-of.0.confirmation", "holder-of-key");
        flat.put(submit + "require.any-of.0.authn-context", "urn:oasis:names:tc:SAML:2.0:ac:classes:X509");
        flat.put(submit + "require.any-of[1].subjects", "CN=partner-a,.*");
        flat.put("policies.orders.outbound.addressing.version", "2004-08");
        flat.put("policies.orders.outbound.addressing.to", "https://partner.example/orders");
        flat.put("policies.orders.outbound.addressing.action", "urn:example:orders/notify");

        PolicyConfig fromFlat = ConfigLoader.fromProperties(flat, dir, NO_VARS).policies().get(0);

        assertSameModel(fromFlat, yaml);
        assertSameModel(built(), yaml);
        assertThat(yaml.operations().named("submit-order").orElseThrow().requiredHeaders()).contains(List.of());
        assertThat(yaml.operations().named("get-status").orElseThrow().tokenTypes())
                .contains(Set.of(TokenType.X509, TokenType.SAML_1_1, TokenType.SAML_2_0));
    }

    /** The policy of {@link #YAML}, written with the Java builder. */
    private PolicyConfig built() {
        Path base = dir.toAbsolutePath().normalize();
        QName route = new QName("urn:example:routing", "Route");
        Condition none = Condition.none();
        OperationConfig status = OperationConfig.builder("get-status")
                .payloadRoot(new QName(ORDERS, "getStatus")).soapAction("urn:example:orders:getStatus")
                .addressingAction("urn:example:orders/getStatus")
                .tokenTypes(Set.of(TokenType.X509, TokenType.SAML_1_1, TokenType.SAML_2_0)).build();
        OperationConfig submit = OperationConfig.builder("submit-order").payloadRoot(new QName(ORDERS, "submitOrder"))
                .tokenTypes(Set.of(TokenType.SAML_1_1, TokenType.SAML_2_0))
                .confirmationMethods(Set.of(ConfirmationMethod.HOLDER_OF_KEY))
                .signedParts(new MessageParts(true, true, List.of(route))).requiredHeaders(List.of())
                .responseAction("urn:example:orders/submitOrderDone")
                .require(new AuthorizationRule(new Condition(Set.of("buyer"), List.of(),
                        Map.of("clearance", Set.of("secret", "top-secret")), Set.of(), Set.of()), List.of(), List.of(
                        new Condition(Set.of(), List.of(), Map.of(), Set.of(ConfirmationMethod.HOLDER_OF_KEY),
                                Set.of("urn:oasis:names:tc:SAML:2.0:ac:classes:X509")),
                        new Condition(Set.of(), List.of(Pattern.compile("CN=partner-a,.*")), Map.of(), Set.of(),
                                Set.of()))))
                .build();
        SamlPolicy saml = SamlPolicy.disabled();
        return PolicyConfig.builder("orders").path("/orders/*")
                .trust(new TrustConfig(List.of(base.resolve("ca.pem")), Optional.empty(), List.of(), List.of()))
                .saml(new SamlPolicy(true, List.of(new TrustedIssuer("https://idp.example",
                        List.of(base.resolve("idp.pem")))), List.of(ORDERS), saml.clockSkew(), saml.maxAge(),
                        saml.confirmationMethods(), saml.replay()))
                .roles(new io.wssgate.config.RoleMapping(List.of("role"), Map.of()))
                .require(AuthorizationRule.of(new Condition(Set.of(), List.of(Pattern.compile("CN=partner-.*,O=Example"),
                        Pattern.compile("alice")), Map.of(), Set.of(), Set.of())))
                .requiredHeaders(List.of(route))
                .addressing(new AddressingPolicy(true, List.of("https://orders.example.com/orders"), true))
                .operations(Operations.of(List.of(status, submit), UnknownOperations.DEFAULT))
                .outbound(io.wssgate.config.OutboundPolicy.none().withAddressing(new OutboundAddressing(
                        AddressingVersion.SUBMISSION_2004_08, Optional.of("https://partner.example/orders"),
                        Optional.of("urn:example:orders/notify"))))
                .build();
    }

    private static void assertSameModel(PolicyConfig actual, PolicyConfig expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(Pattern::pattern), Pattern.class)
                .withComparatorForType(Comparator.comparing(Duration::toMillis), Duration.class)
                .isEqualTo(expected);
    }

    @Test
    void withoutTheKeysAPolicyHasNoOperationsNoRuleAndDefaultAddressing() {
        PolicyConfig p = ConfigLoader.fromYaml(new StringReader("""
                policies:
                  p: { paths: [/s/*], trust: { certificates: [ca.pem] } }
                """), dir, NO_VARS).policies().get(0);

        assertThat(p.operations()).isEqualTo(Operations.none());
        assertThat(p.require().isEmpty()).isTrue();
        assertThat(p.requiredHeaders()).isEmpty();
        assertThat(p.addressing()).isEqualTo(AddressingPolicy.defaults());
        assertThat(p.outbound().addressing()).isEmpty();
    }

    @Test
    void theJavaModelRefusesOperationsThatCouldNotBeToldApart() {
        OperationConfig a = OperationConfig.builder("a").soapAction("urn:op").build();
        OperationConfig b = OperationConfig.builder("b").soapAction("urn:op").build();
        OperationConfig unnamed = OperationConfig.builder("c").build();

        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> Operations.of(List.of(a, b), UnknownOperations.REFUSE)))
                .hasMessage("the SOAPAction urn:op names two operations");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> Operations.of(List.of(a, unnamed), UnknownOperations.REFUSE)))
                .hasMessage("operation 'c' needs payload roots, SOAPActions or addressing actions");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> Operations.of(List.of(a, a), UnknownOperations.REFUSE))).hasMessage("operation 'a' twice");
    }

    static Stream<Arguments> mistakes() {
        String saml = "saml:\n  issuers: [{name: idp, certificates: [idp.pem]}]\n  audiences: [urn:a]\n";
        return Stream.of(
                arguments("operation without identifier", "operations:\n  a: { token-types: [x509] }",
                        "policies.p.operations.a", "an operation needs payload-roots, soap-actions or addressing-actions"),
                arguments("operation with empty identifier lists", "operations:\n  a: { payload-roots: [], soap-actions: [] }",
                        "policies.p.operations.a", "an operation needs payload-roots, soap-actions or addressing-actions"),
                arguments("payload root of two operations", "operations:\n  a: { payload-roots: ['{urn:x}op'] }\n"
                                + "  b: { payload-roots: ['{urn:x}op'] }", "policies.p.operations.b.payload-roots[0]",
                        "the payload root {urn:x}op already identifies operation 'a'"),
                arguments("SOAPAction of two operations", "operations:\n  a: { soap-actions: [urn:op] }\n"
                                + "  b: { soap-actions: [urn:op] }", "policies.p.operations.b.soap-actions[0]",
                        "the SOAPAction urn:op already identifies operation 'a'"),
                arguments("invalid payload root", "operations:\n  a: { payload-roots: ['{urn:x'] }",
                        "policies.p.operations.a.payload-roots[0]", "invalid element name '{urn:x' (use {namespace}LocalName)"),
                arguments("relative wsa:Action", "operations:\n  a: { addressing-actions: [getStatus] }",
                        "policies.p.operations.a.addressing-actions[0]", "'getStatus' is not an absolute URI"),
                arguments("unknown token type", "operations:\n  a: { soap-actions: [urn:a], token-types: [kerberos] }",
                        "policies.p.operations.a.token-types[0]",
                        "unknown token type 'kerberos' (use x509, saml or username-token)"),
                arguments("token type the policy cannot authenticate",
                        "operations:\n  a: { soap-actions: [urn:a], token-types: [saml] }",
                        "policies.p.operations.a.token-types", "saml needs SAML to be enabled (saml.issuers)"),
                arguments("UsernameToken not enabled",
                        "operations:\n  a: { soap-actions: [urn:a], token-types: [username-token] }",
                        "policies.p.operations.a.token-types", "username-token needs username-token.enabled: true"),
                arguments("no token type at all", "operations:\n  a: { soap-actions: [urn:a], token-types: [] }",
                        "policies.p.operations.a.token-types", "must list at least one token type"),
                arguments("confirmation methods without SAML",
                        "operations:\n  a: { soap-actions: [urn:a], confirmation-methods: [bearer] }",
                        "policies.p.operations.a.confirmation-methods", "requires SAML to be enabled (saml.issuers)"),
                arguments("encrypted parts without a key",
                        "operations:\n  a: { soap-actions: [urn:a], encrypted-parts: [Body] }",
                        "policies.p.operations.a.encrypted-parts",
                        "requires decryption.key (the key the parts are encrypted for)"),
                arguments("encrypted Timestamp", saml + "operations:\n  a: { soap-actions: [urn:a], encrypted-parts: [Timestamp] }",
                        "policies.p.operations.a.encrypted-parts[0]",
                        "invalid part 'Timestamp' (use Body or a header as {namespace}LocalName)"),
                arguments("unknown-operations without operations", "unknown-operations: default",
                        "policies.p.unknown-operations", "has no effect without operations"),
                arguments("bad unknown-operations", "operations:\n  a: { soap-actions: [urn:a] }\nunknown-operations: allow",
                        "policies.p.unknown-operations", "unknown value 'allow' (use refuse or default)"),
                arguments("empty operations", "operations: {}", "policies.p.operations",
                        "list at least one operation, or leave operations out"),
                arguments("empty any-of", "require:\n  any-of: []", "policies.p.require.any-of",
                        "must list at least one condition (an empty any-of could never hold)"),
                arguments("empty condition", "require:\n  all-of: [{}]", "policies.p.require.all-of[0]",
                        "a condition needs at least one of roles, subjects, saml-attributes, confirmation, authn-context"),
                arguments("empty roles: would admit every caller", "require:\n  roles: []", "policies.p.require.roles",
                        "lists nothing: leave the key out, or list what the caller must have"),
                arguments("empty value for subjects (an unset variable)", "require:\n  subjects: ''",
                        "policies.p.require.subjects", "lists nothing: leave the key out, or list what the caller must have"),
                arguments("empty saml-attributes in an operation", "operations:\n  a:\n    soap-actions: [urn:a]\n"
                                + "    require: { saml-attributes: {} }", "policies.p.operations.a.require.saml-attributes",
                        "lists nothing: leave the key out, or list what the caller must have"),
                arguments("bad subject pattern", "require:\n  subjects: ['CN=(.*']", "policies.p.require.subjects[0]",
                        "invalid regular expression 'CN=(.*': Unclosed group"),
                arguments("unknown confirmation", "require:\n  confirmation: [magic]", "policies.p.require.confirmation[0]",
                        "unknown confirmation method 'magic' (use holder-of-key, sender-vouches or bearer)"),
                arguments("relative authn context", "require:\n  authn-context: [Password]",
                        "policies.p.require.authn-context[0]", "'Password' is not an absolute URI"),
                arguments("unknown key in a condition", "require:\n  any-of: [{role: [a]}]",
                        "policies.p.require.any-of[0].role", "unknown key; did you mean roles?"),
                arguments("addressing required without signatures", "signature: { required: false }\n"
                                + "addressing: { required: true }", "policies.p.addressing.required",
                        "needs signature.required: true (wsa:To, wsa:Action and wsa:MessageID must be signed)"),
                arguments("relative address", "addressing: { addresses: [/orders] }",
                        "policies.p.addressing.addresses[0]", "'/orders' is not an absolute URI"),
                arguments("bad required header", "required-headers: [Route]", "policies.p.required-headers[0]",
                        "invalid header name 'Route' (use {namespace}LocalName)"),
                arguments("Body as an operation's required header",
                        "operations:\n  a: { soap-actions: [urn:a], required-headers: [Body] }",
                        "policies.p.operations.a.required-headers[0]",
                        "invalid header name 'Body' (use {namespace}LocalName)"),
                arguments("unknown addressing version", "outbound:\n  addressing: { version: '2003' }",
                        "policies.p.outbound.addressing.version",
                        "unknown WS-Addressing version '2003' (use 1.0 or 2004-08)"));
    }

    /** A value refused on its own is one problem: what is left of its list or condition is not reported again. */
    @Test
    void aBadValueIsReportedOnceNotAsAnEmptyListOrCondition() {
        List<ConfigProblem> problems = catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(new StringReader("""
                        policies:
                          p:
                            paths: [/s/*]
                            trust: { certificates: [ca.pem] }
                            operations:
                              a:
                                soap-actions: [urn:a]
                                token-types: [kerberos]
                                require:
                                  any-of: [{ confirmation: [magic] }]
                        """), dir, NO_VARS)).problems();

        assertThat(problems).containsExactlyInAnyOrder(
                new ConfigProblem("policies.p.operations.a.token-types[0]",
                        "unknown token type 'kerberos' (use x509, saml or username-token)"),
                new ConfigProblem("policies.p.operations.a.require.any-of[0].confirmation[0]",
                        "unknown confirmation method 'magic' (use holder-of-key, sender-vouches or bearer)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void refusedAtStartUpWithTheKeyPath(String kind, String snippet, String keyPath, String message) {
        StringBuilder yaml = new StringBuilder("policies:\n  p:\n    paths: [/s/*]\n    trust:\n      certificates: [ca.pem]\n");
        snippet.lines().forEach(line -> yaml.append("    ").append(line).append('\n'));

        List<ConfigProblem> problems = catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(new StringReader(yaml.toString()), dir, NO_VARS)).problems();

        assertThat(problems).as(kind).contains(new ConfigProblem(keyPath, message));
    }
}
