package io.wssgate.config;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * One operation of a policy ({@code operations.<name>}): how a request is recognised as this
 * operation (its Body payload root, its SOAPAction, its wsa:Action: any of them), the
 * requirements that replace the policy's own for it (empty: the policy's apply), and who may
 * call it besides what the policy's {@code require} asks.
 *
 * @param tokenTypes          the tokens that may authenticate a request (never {@link TokenType#NONE})
 * @param confirmationMethods replaces {@code saml.confirmation-methods}
 * @param signedParts         replaces {@code signature.parts} (and requires a signature)
 * @param encryptedParts      replaces {@code decryption.required-parts}
 * @param requiredHeaders     replaces the policy's {@code required-headers}
 * @param require             who may call, in addition to the policy's {@code require}
 * @param responseAction      the wsa:Action of responses (default: the request's, "Request" suffix
 *                            replaced by or "Response" appended)
 */
public record OperationConfig(String name, List<QName> payloadRoots, List<String> soapActions,
                              List<String> addressingActions, Optional<Set<TokenType>> tokenTypes,
                              Optional<Set<ConfirmationMethod>> confirmationMethods,
                              Optional<MessageParts> signedParts, Optional<MessageParts> encryptedParts,
                              Optional<List<QName>> requiredHeaders, AuthorizationRule require,
                              Optional<String> responseAction) {
    public OperationConfig {
        Objects.requireNonNull(name, "name");
        payloadRoots = List.copyOf(payloadRoots);
        soapActions = List.copyOf(soapActions);
        addressingActions = List.copyOf(addressingActions);
        tokenTypes = tokenTypes == null ? Optional.empty() : tokenTypes.map(Set::copyOf);
        confirmationMethods = confirmationMethods == null ? Optional.empty() : confirmationMethods.map(Set::copyOf);
        signedParts = signedParts == null ? Optional.empty() : signedParts;
        encryptedParts = encryptedParts == null ? Optional.empty() : encryptedParts;
        requiredHeaders = requiredHeaders == null ? Optional.empty() : requiredHeaders.map(List::copyOf);
        Objects.requireNonNull(require, "require");
        responseAction = responseAction == null ? Optional.empty() : responseAction;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts with no identifier, no override and no authorization rule of its own. */
    public static final class Builder {
        private final String name;
        private final List<QName> payloadRoots = new ArrayList<>();
        private final List<String> soapActions = new ArrayList<>();
        private final List<String> addressingActions = new ArrayList<>();
        private Optional<Set<TokenType>> tokenTypes = Optional.empty();
        private Optional<Set<ConfirmationMethod>> confirmationMethods = Optional.empty();
        private Optional<MessageParts> signedParts = Optional.empty();
        private Optional<MessageParts> encryptedParts = Optional.empty();
        private Optional<List<QName>> requiredHeaders = Optional.empty();
        private AuthorizationRule require = AuthorizationRule.none();
        private Optional<String> responseAction = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        public Builder payloadRoot(QName root) {
            payloadRoots.add(root);
            return this;
        }

        public Builder soapAction(String action) {
            soapActions.add(action);
            return this;
        }

        public Builder addressingAction(String action) {
            addressingActions.add(action);
            return this;
        }

        public Builder tokenTypes(Set<TokenType> value) {
            tokenTypes = Optional.of(value);
            return this;
        }

        public Builder confirmationMethods(Set<ConfirmationMethod> value) {
            confirmationMethods = Optional.of(value);
            return this;
        }

        public Builder signedParts(MessageParts value) {
            signedParts = Optional.of(value);
            return this;
        }

        public Builder encryptedParts(MessageParts value) {
            encryptedParts = Optional.of(value);
            return this;
        }

        public Builder requiredHeaders(List<QName> value) {
            requiredHeaders = Optional.of(value);
            return this;
        }

        public Builder require(AuthorizationRule value) {
            require = value;
            return this;
        }

        public Builder responseAction(String value) {
            responseAction = Optional.of(value);
            return this;
        }

        public OperationConfig build() {
            return new OperationConfig(name, payloadRoots, soapActions, addressingActions, tokenTypes,
                    confirmationMethods, signedParts, encryptedParts, requiredHeaders, require, responseAction);
        }
    }
}
