package io.wssgate.inbound;

import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.WSDocInfo;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.Processor;
import org.apache.wss4j.dom.processor.SignatureProcessor;
import org.apache.wss4j.dom.transform.STRTransform;
import org.w3c.dom.Element;

/**
 * WSS4J's signature processing, unchanged, except that a signature that simply does not verify
 * gets its reason: WSS4J throws a bare "The signature or decryption was invalid" and tells which
 * part failed only at DEBUG. On that failure (and only then) the references are checked once
 * more, digest by digest, to say whether signed content was changed after signing (and which
 * reference) or, all digests matching, the SignatureValue itself does not verify with the key.
 * The decision is WSS4J's alone; this only names it for the server log. A signature WSS4J
 * accepts is then held to {@link SigningKeyUsage}.
 */
final class DiagnosedSignatureFailure implements Processor {

    @Override
    public List<WSSecurityEngineResult> handleToken(Element signature, RequestData data) throws WSSecurityException {
        List<WSSecurityEngineResult> results;
        try {
            // a fresh processor per token, as WSS4J itself does when it knows a processor by class (a
            // shared one is not documented thread-safe); Santuario's factory, except that attachment
            // references are digested while streaming (StreamingDsig)
            results = new SignatureProcessor(StreamingDsig.PROVIDER).handleToken(signature, data);
        } catch (WSSecurityException e) {
            if (e.getErrorCode() != ErrorCode.FAILED_CHECK || e.getCause() != null
                    || !"FAILED_CHECK".equals(e.getMsgID())) {
                throw e;
            }
            throw new Wss4jReason(ErrorCode.FAILED_CHECK, "FAILED_CHECK", reason(signature, data.getWsDocInfo(),
                    data.getAttachmentCallbackHandler()));
        }
        // WSS4J verified the signature with the key; whether its certificate may sign is not its concern
        SigningKeyUsage.check(results);
        return results;
    }

    static String reason(Element signature, WSDocInfo docInfo) {
        return reason(signature, docInfo, null);
    }

    /** {@code attachments}: the request's MIME package, for references to its attachments (may be null). */
    static String reason(Element signature, WSDocInfo docInfo,
                         javax.security.auth.callback.CallbackHandler attachments) {
        String id = signature.getAttributeNS(null, "Id");
        String which = "signature" + (id.isEmpty() ? "" : " " + id) + ": ";
        try {
            DOMValidateContext context = new DOMValidateContext(new NoKey(), signature);
            context.setProperty("org.apache.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            context.setProperty(STRTransform.TRANSFORM_WS_DOC_INFO, docInfo);
            if (attachments != null) {
                context.setProperty(org.apache.wss4j.dom.transform.AttachmentContentSignatureTransform
                        .ATTACHMENT_CALLBACKHANDLER, attachments);
            }
            XMLSignature parsed = factory().unmarshalXMLSignature(context);
            List<String> changed = new ArrayList<>();
            for (Object o : parsed.getSignedInfo().getReferences()) {
                Reference reference = (Reference) o;
                String uri = reference.getURI();
                Element target = docInfo.getCallbackLookup().getAndRegisterElement(uri, null, true, context);
                if (target == null) {
                    docInfo.setTokenOnContext(uri, context);
                }
                if (!reference.validate(context)) {
                    changed.add(uri + (target == null ? "" : " (" + target.getLocalName() + ")"));
                }
            }
            if (!changed.isEmpty()) {
                return which + "the digest of " + String.join(", ", changed)
                        + " does not match: the signed content was changed after it was signed";
            }
            return which + "every reference's digest matches, but the SignatureValue does not verify with the "
                    + "signer's key: the SignedInfo was changed, or another key made the signature";
        } catch (Exception | LinkageError e) {
            return which + "does not verify (not analysed further: " + e + ")";
        }
    }

    private static XMLSignatureFactory factory() {
        // the factory that verified: attachment references are digested from the spooled package
        return XMLSignatureFactory.getInstance("DOM", StreamingDsig.PROVIDER);
    }

    /** Digests need no key; the SignatureValue is never checked here. */
    private static final class NoKey extends KeySelector {
        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            throw new KeySelectorException("no key: only the references' digests are checked");
        }
    }
}
