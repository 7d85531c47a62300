package io.wssgate.inbound;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.MessageParts;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimePart;
import io.wssgate.soap.SoapEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The requirements in force for one request: the policy's own, or those of the operation the
 * request is ({@link OperationResolver}), where the operation's entries replace the policy's
 * signed parts, encrypted parts, required headers and accepted confirmation methods, narrow the
 * tokens that may authenticate it, and add its {@code require} to the policy's. Built once per
 * operation at start-up.
 */
final class RequestRules {
    private final Optional<String> operation;
    private final SignaturePolicy signature;
    private final DecryptionPolicy decryption;
    private final CoverageCheck coverage;
    private final EncryptionRequirement encryption;
    private final List<QName> requiredHeaders;
    private final Set<ConfirmationMethod> confirmationMethods;
    private final Optional<Set<TokenType>> tokenTypes;
    private final AuthorizationCheck authorization;
    private final Optional<String> responseAction;

    private RequestRules(Optional<String> operation, SignaturePolicy signature, DecryptionPolicy decryption,
                         List<QName> requiredHeaders, Set<ConfirmationMethod> confirmationMethods,
                         Optional<Set<TokenType>> tokenTypes, AuthorizationCheck authorization,
                         Optional<String> responseAction, boolean attachmentsSigned) {
        this.operation = operation;
        this.signature = signature;
        this.decryption = decryption;
        this.coverage = new CoverageCheck(signature, attachmentsSigned);
        this.encryption = new EncryptionRequirement(decryption);
        this.requiredHeaders = List.copyOf(requiredHeaders);
        this.confirmationMethods = Set.copyOf(confirmationMethods);
        this.tokenTypes = tokenTypes;
        this.authorization = authorization;
        this.responseAction = responseAction;
    }

    /** The policy's own rules, for a policy without operations or a request none of them names. */
    static RequestRules of(PolicyConfig policy) {
        return new RequestRules(Optional.empty(), policy.signature(), policy.decryption(), policy.requiredHeaders(),
                policy.saml().confirmationMethods(), Optional.empty(),
                new AuthorizationCheck(List.of(new AuthorizationCheck.Labelled("require", policy.require()))),
                Optional.empty(), policy.attachments().requireSigned());
    }

    /** The rules of {@code operation} under {@code policy}. */
    static RequestRules of(PolicyConfig policy, OperationConfig operation) {
        SignaturePolicy base = policy.signature();
        SignaturePolicy signature = operation.signedParts().map(p -> new SignaturePolicy(true, p.body(), p.timestamp(),
                p.headers(), base.algorithms(), base.x509Authentication())).orElse(base);
        DecryptionPolicy d = policy.decryption();
        DecryptionPolicy decryption = operation.encryptedParts().map(p -> new DecryptionPolicy(d.key(),
                d.keyTransportAlgorithms(), d.dataAlgorithms(), p.body(), p.headers())).orElse(d);
        String path = "operations." + operation.name() + ".require";
        return new RequestRules(Optional.of(operation.name()), signature, decryption,
                operation.requiredHeaders().orElse(policy.requiredHeaders()),
                operation.confirmationMethods().orElse(policy.saml().confirmationMethods()), operation.tokenTypes(),
                new AuthorizationCheck(List.of(new AuthorizationCheck.Labelled("require", policy.require()),
                        new AuthorizationCheck.Labelled(path, operation.require()))),
                operation.responseAction(), policy.attachments().requireSigned());
    }

    /** The operation's name; empty under the policy's own rules. */
    Optional<String> operation() {
        return operation;
    }

    Optional<String> responseAction() {
        return responseAction;
    }

    Set<ConfirmationMethod> confirmationMethods() {
        return confirmationMethods;
    }

    /** The signed parts in force (for a diagnosis trace). */
    SignaturePolicy signature() {
        return signature;
    }

    /** The encrypted parts in force (for a diagnosis trace). */
    DecryptionPolicy decryption() {
        return decryption;
    }

    /**
     * Signed parts and required headers, the message as WSS4J left it (then {@link #checkEncryption};
     * two calls so that a diagnosis trace reports them as two stages).
     */
    void checkCoverage(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        checkCoverage(envelope, results, Optional.empty(), Set.of());
    }

    /**
     * The same for a request that arrived as a MIME package: every attachment must be covered too
     * (attachments are the policy's, operations do not change them); {@code decryptedParts} are the
     * attachments whose ciphertext a decryption consumed.
     */
    void checkCoverage(SoapEnvelope envelope, SecurityResults results, Optional<MimePackage> mime,
                       Set<MimePart> decryptedParts) throws SecurityFault {
        coverage.check(envelope, results, mime, decryptedParts);
        for (QName header : requiredHeaders) {
            List<Element> blocks = envelope.headerBlocks().stream()
                    .filter(h -> XmlNames.qname(h).equals(header)).toList();
            if (blocks.size() != 1) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "required header " + header
                        + " must appear exactly once, found " + blocks.size() + where());
            }
        }
    }

    /** Encrypted parts, the message as WSS4J left it. */
    void checkEncryption(SoapEnvelope envelope, SecurityResults results) throws SecurityFault {
        encryption.check(envelope, results);
    }

    /** The token that authenticated the caller is one this request accepts, and the caller is authorized. */
    void checkCaller(WssPrincipal caller) throws SecurityFault {
        if (tokenTypes.isPresent() && !tokenTypes.get().contains(caller.tokenType())) {
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "a " + caller.tokenType()
                    + " caller is not accepted" + where() + " (token-types)");
        }
        authorization.check(caller);
    }

    private String where() {
        return operation.map(o -> " for operation '" + o + "'").orElse("");
    }
}
