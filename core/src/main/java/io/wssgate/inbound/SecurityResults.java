package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.principal.SAMLTokenPrincipal;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.SignatureConfirmation;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.message.token.UsernameToken;

/**
 * A typed view of what WSS4J processed in the Security header: timestamps, verified
 * signatures, SAML assertions and UsernameTokens. Anything WSS4J accepted that this project
 * does not (a signature keyed by a UsernameToken or an EncryptedKey secret) is refused here.
 */
record SecurityResults(List<Timestamp> timestamps, List<VerifiedSignature> signatures,
                       List<SamlAssertionWrapper> assertions, List<UsernameToken> usernameTokens,
                       List<org.w3c.dom.Element> decrypted, List<SignatureConfirmation> confirmations) {

    static SecurityResults of(WSHandlerResult handlerResult) throws SecurityFault {
        List<Timestamp> timestamps = new ArrayList<>();
        List<VerifiedSignature> signatures = new ArrayList<>();
        List<SamlAssertionWrapper> assertions = new ArrayList<>();
        List<UsernameToken> usernameTokens = new ArrayList<>();
        List<org.w3c.dom.Element> decrypted = new ArrayList<>();
        List<SignatureConfirmation> confirmations = new ArrayList<>();
        for (WSSecurityEngineResult r : handlerResult.getResults()) {
            int action = (Integer) r.get(WSSecurityEngineResult.TAG_ACTION);
            switch (action) {
                case WSConstants.TS -> timestamps.add((Timestamp) r.get(WSSecurityEngineResult.TAG_TIMESTAMP));
                case WSConstants.SIGN -> signatures.add(signature(r));
                case WSConstants.ST_SIGNED, WSConstants.ST_UNSIGNED ->
                        assertions.add((SamlAssertionWrapper) r.get(WSSecurityEngineResult.TAG_SAML_ASSERTION));
                case WSConstants.UT, WSConstants.UT_NOPASSWORD ->
                        usernameTokens.add((UsernameToken) r.get(WSSecurityEngineResult.TAG_USERNAME_TOKEN));
                case WSConstants.UT_SIGN -> throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN,
                        "signature keyed by a UsernameToken");
                case WSConstants.ENCR -> decrypted.addAll(protectedElements(r));
                case WSConstants.SC -> confirmations.add(
                        (SignatureConfirmation) r.get(WSSecurityEngineResult.TAG_SIGNATURE_CONFIRMATION));
                default -> {
                    // BinarySecurityToken and the like: inputs to the above, nothing to decide.
                }
            }
        }
        return new SecurityResults(List.copyOf(timestamps), List.copyOf(signatures), List.copyOf(assertions),
                List.copyOf(usernameTokens), List.copyOf(decrypted), List.copyOf(confirmations));
    }

    private static List<org.w3c.dom.Element> protectedElements(WSSecurityEngineResult r) {
        List<org.w3c.dom.Element> elements = new ArrayList<>();
        // an attachment's stand-in element (WSS4J makes one up) is no element of the message
        dataRefs(r).stream().filter(ref -> !ref.isAttachment()).forEach(ref -> elements.add(ref.getProtectedElement()));
        return elements;
    }

    private static List<String> protectedAttachments(WSSecurityEngineResult r) {
        return dataRefs(r).stream().filter(WSDataRef::isAttachment).map(WSDataRef::getWsuId).toList();
    }

    private static List<WSDataRef> dataRefs(WSSecurityEngineResult r) {
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        return refs == null ? List.of() : refs;
    }

    private static VerifiedSignature signature(WSSecurityEngineResult r) throws SecurityFault {
        List<org.w3c.dom.Element> covered = protectedElements(r);
        Principal principal = (Principal) r.get(WSSecurityEngineResult.TAG_PRINCIPAL);
        X509Certificate[] certs = (X509Certificate[]) r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATES);
        PublicKey publicKey = (PublicKey) r.get(WSSecurityEngineResult.TAG_PUBLIC_KEY);
        byte[] secret = (byte[]) r.get(WSSecurityEngineResult.TAG_SECRET);
        org.w3c.dom.Element element = (org.w3c.dom.Element) r.get(WSSecurityEngineResult.TAG_TOKEN_ELEMENT);
        byte[] value = (byte[]) r.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE);
        if (secret != null) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "symmetric-key message signature");
        }
        Optional<X509Certificate> certificate = certs != null && certs.length > 0 && certs[0] != null
                ? Optional.of(certs[0]) : Optional.empty();
        if (principal instanceof SAMLTokenPrincipal saml) {
            PublicKey key = certificate.map(X509Certificate::getPublicKey).orElse(publicKey);
            return new VerifiedSignature(element, List.copyOf(covered), certificate, key, Optional.of(saml.getToken()),
                    value, protectedAttachments(r));
        }
        if (certificate.isEmpty()) {
            throw new SecurityFault(FaultCode.UNSUPPORTED_SECURITY_TOKEN, "message signature key is not a certificate");
        }
        return new VerifiedSignature(element, List.copyOf(covered), certificate, certificate.get().getPublicKey(),
                Optional.empty(), value, protectedAttachments(r));
    }
}
