package io.wssgate.wsdl;

import io.wssgate.wsdl.PolicyAlternative.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;

/**
 * Writes the WSS Gate YAML for the WS-SecurityPolicy of a WSDL's SOAP bindings: one policy per
 * binding, for the server side (what requests must carry) or the client side (what requests get
 * and what responses must carry), with a comment naming the assertion behind every key. What
 * only the deployer knows (files, paths, names) is a {@code ${WSSGATE_...}} variable, listed at
 * the top, so the file loads as soon as they are set.
 */
public final class PolicyImport {
    /** Which side's configuration is written. */
    public enum Side { SERVER, CLIENT }

    private final StringBuilder out = new StringBuilder();
    private final Set<String> variables = new LinkedHashSet<>();
    private boolean onePath;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** The YAML for {@code operations} (read from {@code source}, which the header names). */
    public static PolicyImport write(String source, List<OperationPolicy> operations, Side side) {
        PolicyImport y = new PolicyImport();
        Map<QName, List<OperationPolicy>> byBinding = new LinkedHashMap<>();
        operations.forEach(o -> byBinding.computeIfAbsent(o.binding(), b -> new ArrayList<>()).add(o));
        StringBuilder body = new StringBuilder();
        // one binding: one endpoint, whose path the deployer gives; several: each policy is named by
        // the endpoint that uses it (JAX-WS) or given its paths by hand, since no two may share one
        y.onePath = byBinding.size() == 1;
        for (Map.Entry<QName, List<OperationPolicy>> binding : byBinding.entrySet()) {
            body.append(y.binding(binding.getKey(), binding.getValue(), side));
        }
        y.out.append("# WSS Gate ").append(side.name().toLowerCase(Locale.ROOT)).append(" policies imported by "
                + "'wssgate policy import' from\n#   ").append(source).append('\n');
        if (!y.variables.isEmpty()) {
            y.out.append("# Set before loading (environment variables or -D system properties):\n");
            y.variables.forEach(v -> y.out.append("#   ").append(v).append('\n'));
        }
        y.warnings.forEach(w -> y.out.append("# WARNING ").append(w).append('\n'));
        y.errors.forEach(e -> y.out.append("# CANNOT HONOUR ").append(e).append('\n'));
        y.out.append("policies:\n").append(body.isEmpty() ? "  {}\n" : body);
        if (body.isEmpty()) {
            // "policies: {}" would not load either: say why instead of writing an invalid file
            y.out.setLength(y.out.length() - "policies:\n  {}\n".length());
            y.out.append("# no SOAP binding with WS-SecurityPolicy: nothing to import\n");
        }
        return y;
    }

    /** The YAML, with its comments. */
    public String text() {
        return out.toString();
    }

    /** Concerns that do not stop the import (RSA-SHA1, SHA-1 digests, TLS left to the container...). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Assertions that cannot be honoured: their binding or alternative is left out. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    private String binding(QName binding, List<OperationPolicy> operations, Side side) {
        String name = binding.getLocalPart().replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT)
                + (side == Side.CLIENT ? "-client" : "");
        Map<OperationPolicy, ImportedPolicy> imported = new LinkedHashMap<>();
        for (OperationPolicy o : operations) {
            imported.put(o, ImportedPolicy.of(binding.getLocalPart() + "/" + o.operation(), o.alternatives()));
        }
        imported.values().forEach(i -> {
            warnings.addAll(i.warnings());
            errors.addAll(i.errors());
        });
        List<ImportedPolicy> usable = imported.values().stream().filter(i -> i.chosen().isPresent()).toList();
        if (usable.isEmpty()) {
            return "";
        }
        ImportedPolicy first = usable.get(0);
        StringBuilder b = new StringBuilder();
        b.append("  ").append(name).append(":\n");
        b.append("    # binding ").append(binding).append(", operations ")
                .append(operations.stream().map(OperationPolicy::operation).collect(Collectors.joining(", "))).append('\n');
        if (side == Side.SERVER) {
            server(b, first);
            responses(b, operations.get(0));
            operations(b, imported, first);
        } else {
            client(b, first, operations.get(0));
        }
        return b.toString();
    }

    private void server(StringBuilder b, ImportedPolicy p) {
        PolicyAlternative a = p.chosen().orElseThrow();
        if (onePath) {
            b.append("    paths: [\"").append(variable("WSSGATE_PATH", "the endpoint's URL pattern, e.g. /services/*"))
                    .append("\"]\n");
        } else {
            b.append("    # paths: [/services/...]            # the URL pattern of this binding's endpoint (filter), "
                    + "or name the policy at the JAX-WS endpoint\n");
        }
        b.append("    timestamp:\n      required: ").append(a.includeTimestamp()).append(a.includeTimestamp()
                ? "                  # sp:IncludeTimestamp\n" : "                 # no sp:IncludeTimestamp\n");
        p.layout().ifPresent(l -> b.append("    security-header:\n      layout: ").append(l)
                .append("                   # sp:Layout\n"));
        b.append("    signature:\n");
        if (p.signed()) {
            b.append("      required: true                   # sp:AsymmetricBinding: the sender signs\n");
            b.append("      parts: ").append(list(p.signedParts()))
                    .append("          # sp:SignedParts (and the Timestamp: sp:IncludeTimestamp)\n");
            b.append("      x509-authentication: ").append(p.tokens().contains(Token.X509))
                    .append(p.tokens().contains(Token.X509) ? "        # sp:InitiatorToken sp:X509Token\n"
                            : "       # the certificate only proves a token's key\n");
        } else {
            b.append("      required: false                  # no message signature (").append(a.binding()
                    .name().toLowerCase(Locale.ROOT)).append(" binding)\n");
        }
        boolean saml = p.tokens().stream().anyMatch(Token::saml);
        if (p.tokens().contains(Token.X509) || p.confirmations().contains("sender-vouches")) {
            b.append("    trust:\n      certificates: [\"").append(variable("WSSGATE_TRUST_CERTIFICATES",
                    "PEM file of the CA (or certificate) of the partner's signing keys")).append("\"]   # who may sign\n");
        }
        if (saml) {
            b.append("    saml:                              # sp:SamlToken / sp:IssuedToken\n");
            b.append("      issuers:\n        - name: \"").append(variable("WSSGATE_SAML_ISSUER", "the assertions' exact Issuer"))
                    .append("\"\n          certificates: [\"").append(variable("WSSGATE_SAML_ISSUER_CERTIFICATE",
                            "PEM certificate the issuer signs assertions with")).append("\"]\n");
            b.append("      audiences: [\"").append(variable("WSSGATE_SAML_AUDIENCE", "this service's audience URI"))
                    .append("\"]\n");
            b.append("      confirmation-methods: ").append(list(new ArrayList<>(p.confirmations())))
                    .append("   # InitiatorToken: holder-of-key; SignedSupportingTokens: sender-vouches (add bearer if sent)\n");
        }
        if (p.tokens().contains(Token.USERNAME)) {
            b.append("    username-token:                    # sp:UsernameToken\n      enabled: true\n      passwords: \"")
                    .append(variable("WSSGATE_PASSWORDS", "properties file of user=password lines")).append("\"\n");
        }
        if (!p.encryptedParts().isEmpty()) {
            b.append("    decryption:\n      key: { private-key: \"").append(variable("WSSGATE_DECRYPTION_KEY",
                    "PEM private key the partner encrypts for")).append("\", certificate: \"")
                    .append(variable("WSSGATE_DECRYPTION_CERTIFICATE", "its PEM certificate")).append("\" }\n");
            b.append("      required-parts: ").append(list(p.encryptedParts())).append("   # sp:EncryptedParts\n");
            b.append("      # sp:AlgorithmSuite ").append(a.algorithmSuite().orElse("(none)"))
                    .append(" encrypts with CBC; AES-GCM stays preferred\n");
            b.append("      data-algorithms: [http://www.w3.org/2009/xmlenc11#aes256-gcm, ").append(p.dataAlgorithm())
                    .append("]\n");
        }
        if (a.addressing() && p.signed()) {
            b.append("    addressing:\n      required: true                   # wsam:Addressing, headers signed\n");
        } else if (a.addressing()) {
            b.append("    # wsam:Addressing: under TLS the headers are not signed in the message, which addressing.required "
                    + "demands; a present wsa:To is still checked\n");
        }
    }

    /** What the service adds to its responses, from the WSDL's output policy. */
    private void responses(StringBuilder b, OperationPolicy operation) {
        ImportedPolicy response = ImportedPolicy.of(operation.binding().getLocalPart() + "/" + operation.operation()
                + " response", operation.responseAlternatives());
        if (response.chosen().isEmpty()) {
            return;
        }
        PolicyAlternative a = response.chosen().get();
        b.append("    outbound:                          # responses (the WSDL's output policy)\n");
        if (a.includeTimestamp()) {
            b.append("      timestamp: { ttl: 5m }           # sp:IncludeTimestamp\n");
        }
        if (response.signed()) {
            b.append("      signature:                       # sp:RecipientToken: the service signs\n        key: { private-key: \"")
                    .append(variable("WSSGATE_SIGNING_KEY", "PEM private key the service signs responses with"))
                    .append("\", certificate: \"").append(variable("WSSGATE_SIGNING_CERTIFICATE", "its PEM certificate"))
                    .append("\" }\n        key-identifier: issuer-serial   # sp:IncludeToken Never: the certificate by reference\n")
                    .append("        parts: ").append(list(response.signedParts())).append("   # sp:SignedParts\n");
            if (a.signatureConfirmation()) {
                b.append("      signature-confirmation: true     # sp:Wss11 sp:RequireSignatureConfirmation\n");
            }
        }
        if (!response.encryptedParts().isEmpty()) {
            b.append("      encryption:                      # sp:EncryptedParts, for the partner's sp:InitiatorToken\n")
                    .append("        recipient-certificate: \"").append(variable("WSSGATE_RESPONSE_RECIPIENT_CERTIFICATE",
                            "the partner's PEM certificate responses are encrypted for")).append("\"\n        parts: ")
                    .append(list(response.encryptedParts())).append("\n        data-algorithm: ")
                    .append(response.dataAlgorithm()).append("   # sp:AlgorithmSuite ").append(a.algorithmSuite().orElse(""))
                    .append("\n        key-transport: http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\n");
        }
    }

    private void operations(StringBuilder b, Map<OperationPolicy, ImportedPolicy> imported, ImportedPolicy first) {
        boolean differ = imported.values().stream().filter(i -> i.chosen().isPresent())
                .anyMatch(i -> !i.sameRequirements(first));
        if (!differ) {
            return;
        }
        b.append("    unknown-operations: refuse\n    operations:                        # their request policies differ\n");
        for (Map.Entry<OperationPolicy, ImportedPolicy> e : imported.entrySet()) {
            OperationPolicy o = e.getKey();
            ImportedPolicy p = e.getValue();
            if (p.chosen().isEmpty()) {
                continue;
            }
            b.append("      ").append(o.operation()).append(":\n");
            if (o.payloadRoot().isPresent()) {
                b.append("        payload-roots: [\"").append(o.payloadRoot().get()).append("\"]\n");
            } else if (o.soapAction().isPresent()) {
                b.append("        soap-actions: [\"").append(o.soapAction().get()).append("\"]\n");
            } else {
                b.append("        payload-roots: [\"").append(variable("WSSGATE_PAYLOAD_ROOT_"
                        + o.operation().toUpperCase(Locale.ROOT), "{namespace}LocalName of the request's Body element"))
                        .append("\"]   # the WSDL imports its messages\n");
            }
            b.append("        signed-parts: ").append(list(p.signed() ? p.signedParts() : List.of())).append('\n');
            b.append("        encrypted-parts: ").append(list(p.encryptedParts())).append('\n');
        }
    }

    private void client(StringBuilder b, ImportedPolicy p, OperationPolicy operation) {
        PolicyAlternative a = p.chosen().orElseThrow();
        b.append("    outbound:                          # what requests get\n");
        if (a.includeTimestamp()) {
            b.append("      timestamp: { ttl: 5m }           # sp:IncludeTimestamp\n");
        }
        boolean hok = p.confirmations().contains("holder-of-key");
        boolean issued = p.tokens().stream().anyMatch(t -> t == Token.ISSUED_SAML_2_0 || t == Token.ISSUED_SAML_1_1);
        if (issued) {
            b.append("      token:                           # sp:IssuedToken: from the partner's STS\n")
                    .append("        source: sts\n        sts:\n          endpoint: \"")
                    .append(variable("WSSGATE_STS_ENDPOINT", "the STS URL (sp:Issuer)")).append("\"\n          applies-to: \"")
                    .append(variable("WSSGATE_SAML_AUDIENCE", "the service's audience URI")).append("\"\n          token-type: ")
                    .append(p.tokens().contains(Token.ISSUED_SAML_1_1) ? "saml11" : "saml2").append("\n          key-type: ")
                    .append(hok ? "public-key" : "bearer").append("\n          authentication: { username: \"")
                    .append(variable("WSSGATE_STS_USERNAME", "user name at the STS")).append("\", password: \"")
                    .append(variable("WSSGATE_STS_PASSWORD", "its password")).append("\" }\n");
        } else if (p.tokens().stream().anyMatch(Token::saml)) {
            b.append("      token:                           # sp:SamlToken\n        source: self-issued\n        saml:\n")
                    .append("          version: \"").append(p.tokens().contains(Token.SAML_1_1) ? "1.1" : "2.0")
                    .append("\"\n          issuer: \"").append(variable("WSSGATE_SAML_ISSUER", "the assertions' Issuer"))
                    .append("\"\n          issuer-key: { private-key: \"").append(variable("WSSGATE_SAML_ISSUER_KEY",
                            "PEM key assertions are signed with")).append("\", certificate: \"")
                    .append(variable("WSSGATE_SAML_ISSUER_CERTIFICATE", "its PEM certificate")).append("\" }\n")
                    .append("          confirmation-method: ").append(hok ? "holder-of-key" : "sender-vouches")
                    .append("\n          audiences: [\"").append(variable("WSSGATE_SAML_AUDIENCE", "the service's audience URI"))
                    .append("\"]\n");
        }
        if (p.tokens().contains(Token.USERNAME)) {
            warnings.add(operation.binding().getLocalPart() + ": sp:UsernameToken: a WSS Gate client sends no UsernameToken "
                    + "of its own; sign instead, or add it in the application");
        }
        if (p.signed()) {
            b.append("      signature:                       # sp:AsymmetricBinding InitiatorToken\n        key: { private-key: \"")
                    .append(variable("WSSGATE_SIGNING_KEY", "PEM private key this client signs with"))
                    .append("\", certificate: \"").append(variable("WSSGATE_SIGNING_CERTIFICATE", "its PEM certificate"))
                    .append("\" }\n        parts: ").append(list(p.signedParts())).append("   # sp:SignedParts\n");
            if (a.signatureConfirmation()) {
                b.append("      signature-confirmation: true     # sp:Wss11 sp:RequireSignatureConfirmation\n");
            }
        }
        if (!p.encryptedParts().isEmpty()) {
            b.append("      encryption:                      # sp:EncryptedParts, for sp:RecipientToken\n")
                    .append("        recipient-certificate: \"").append(variable("WSSGATE_RECIPIENT_CERTIFICATE",
                            "the service's PEM certificate")).append("\"\n        parts: ").append(list(p.encryptedParts()))
                    .append("\n        data-algorithm: ").append(p.dataAlgorithm()).append("   # sp:AlgorithmSuite ")
                    .append(a.algorithmSuite().orElse("")).append('\n');
        }
        if (a.addressing()) {
            b.append("      addressing: { enabled: true }    # wsam:Addressing\n");
        }
        ImportedPolicy response = ImportedPolicy.of(operation.binding().getLocalPart() + "/" + operation.operation()
                + " response", operation.responseAlternatives());
        boolean signedResponse = response.signed();
        b.append("    # responses (the WSDL's output policy)\n");
        if (signedResponse) {
            b.append("    trust:\n      certificates: [\"").append(variable("WSSGATE_TRUST_CERTIFICATES",
                    "PEM file of the CA (or certificate) of the service's signing key")).append("\"]\n");
            b.append("    signature:\n      parts: ").append(list(response.signedParts())).append('\n');
        } else {
            b.append("    signature: { required: false }     # responses are not signed\n");
        }
        boolean responseTimestamp = response.chosen().map(PolicyAlternative::includeTimestamp).orElse(false);
        b.append("    timestamp: { required: ").append(responseTimestamp).append(" }\n");
    }

    private String variable(String name, String meaning) {
        variables.add(String.format("%-34s %s", name, meaning));
        return "${" + name + "}";
    }

    private static String list(List<String> items) {
        return items.stream().map(i -> i.startsWith("{") ? "\"" + i + "\"" : i)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
