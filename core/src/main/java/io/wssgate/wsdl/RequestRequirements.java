package io.wssgate.wsdl;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.MessageParts;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlPolicy;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.TokenType;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy demands of the requests of one operation (or of every request, without
 * operations), after the operation's overrides: the view both the WS-SecurityPolicy writer and
 * the start-up comparison work from, so they cannot disagree about what the gate enforces.
 *
 * @param alternatives   the ways a request may authenticate, in a fixed order (SAML first, X.509, UsernameToken)
 * @param signed         what must be signed (empty: no signature required)
 * @param encrypted      what must arrive encrypted
 * @param timestamp      whether a Timestamp is required
 * @param sts            the STS that validates assertions, when one does
 */
record RequestRequirements(List<TokenAlternative> alternatives, MessageParts signed, MessageParts encrypted,
                           boolean timestamp, HeaderLayout layout, boolean addressing, boolean passwordText,
                           AlgorithmPolicy algorithms, DecryptionPolicy decryption, Optional<URI> sts) {
    RequestRequirements {
        alternatives = List.copyOf(alternatives);
    }

    /** The requirements of {@code operation}'s requests under {@code policy}; a null operation: the policy's own. */
    static RequestRequirements of(PolicyConfig policy, OperationConfig operation) {
        Optional<OperationConfig> op = Optional.ofNullable(operation);
        Set<TokenType> tokens = op.flatMap(OperationConfig::tokenTypes).orElseGet(() -> policyTokens(policy));
        SamlPolicy saml = policy.saml();
        Set<ConfirmationMethod> confirmations = op.flatMap(OperationConfig::confirmationMethods)
                .orElse(saml.confirmationMethods());
        MessageParts signed = op.flatMap(OperationConfig::signedParts).orElseGet(() -> policy.signature().required()
                ? new MessageParts(policy.signature().signBody(), policy.signature().signTimestamp(),
                        policy.signature().signedHeaders())
                : MessageParts.none());
        MessageParts encrypted = op.flatMap(OperationConfig::encryptedParts).orElseGet(() -> new MessageParts(
                policy.decryption().requireEncryptedBody(), false, policy.decryption().requiredEncryptedHeaders()));
        return new RequestRequirements(alternatives(tokens, confirmations), signed, encrypted,
                policy.timestamp().required(), policy.securityHeader().layout(), policy.addressing().required(),
                policy.usernameToken().allowPasswordText(), policy.signature().algorithms(), policy.decryption(),
                saml.stsValidation().map(s -> s.endpoint()));
    }

    /** The tokens a policy accepts when no operation narrows them. */
    static Set<TokenType> policyTokens(PolicyConfig policy) {
        Set<TokenType> tokens = EnumSet.noneOf(TokenType.class);
        if (policy.saml().enabled()) {
            tokens.add(TokenType.SAML_2_0);
            tokens.add(TokenType.SAML_1_1);
        }
        if (!policy.trust().isEmpty() && policy.signature().x509Authentication()) {
            tokens.add(TokenType.X509);
        }
        if (policy.usernameToken().enabled()) {
            tokens.add(TokenType.USERNAME_TOKEN);
        }
        return tokens;
    }

    private static List<TokenAlternative> alternatives(Set<TokenType> tokens, Set<ConfirmationMethod> confirmations) {
        List<TokenAlternative> out = new ArrayList<>();
        for (TokenType version : List.of(TokenType.SAML_2_0, TokenType.SAML_1_1)) {
            if (tokens.contains(version)) {
                for (ConfirmationMethod method : ConfirmationMethod.values()) {
                    if (confirmations.contains(method)) {
                        out.add(TokenAlternative.saml(version, method));
                    }
                }
            }
        }
        if (tokens.contains(TokenType.X509)) {
            out.add(TokenAlternative.x509());
        }
        if (tokens.contains(TokenType.USERNAME_TOKEN)) {
            out.add(TokenAlternative.username());
        }
        return out;
    }

    /** Whether the sender must sign at all (some part must be signed). */
    boolean signatureRequired() {
        return !signed.isEmpty();
    }
}
