package io.wssgate.inbound;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import javax.xml.crypto.Data;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Manifest;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.XMLValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.DigestMethodParameterSpec;
import javax.xml.crypto.dsig.spec.SignatureMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;

/**
 * The XML signature factory WSS4J's signature processor is given (through its
 * {@code SignatureProcessor(Provider)} constructor; nothing is registered globally): Santuario's
 * own DOM factory, except that a received signature is validated by {@link AttachmentSignature}.
 * WSS4J asks Santuario to cache references, which keeps a copy of every reference's digest input:
 * for an attachment the whole attachment, for the Body its whole canonical form. There each
 * attachment is digested while streaming it from disk, each same-document reference without a
 * copy ({@link SameDocumentReference}), and in an MTOM message a reference may cover
 * {@code xop:Include} content ({@link XopReference}).
 */
public final class StreamingDsig {
    static final Provider PROVIDER = provider("WssGateStreamingDSig", Factory::new);
    private static final Provider SANTUARIO = new org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI();

    private StreamingDsig() {
    }

    /**
     * A provider (for one signer or processor, registered nowhere) whose DOM XML signature
     * factory is {@code factory}'s and whose key-info factory is Santuario's (a signature factory
     * hands out the key-info factory of its own provider).
     */
    public static Provider provider(String name, java.util.function.Supplier<? extends Factory> factory) {
        return new GateProvider(name, factory);
    }

    private static final class GateProvider extends Provider {
        private static final long serialVersionUID = 1L;

        GateProvider(String name, java.util.function.Supplier<? extends Factory> factory) {
            super(name, "1.0", "Santuario's XML signature factory, attachments digested while streaming");
            putService(new Service(this, "XMLSignatureFactory", "DOM", Factory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory.get();
                }
            });
            putService(new Service(this, "KeyInfoFactory", "DOM", KeyInfoFactory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return KeyInfoFactory.getInstance("DOM", SANTUARIO);
                }
            });
        }
    }

    /**
     * Delegates everything to Santuario's DOM factory; wraps unmarshalled signatures that
     * reference attachments. A signer may change how it creates references (XOP content).
     */
    public static class Factory extends XMLSignatureFactory {
        private final XMLSignatureFactory santuario;

        protected Factory() {
            // Santuario's provider instance of our own class loader, not the JVM-wide list's entry: on
            // an application server another application's undeploy may take "ApacheXMLDSig" out
            // of that list (or leave one from another class loader in it)
            santuario = XMLSignatureFactory.getInstance("DOM", SANTUARIO);
        }

        @Override
        public XMLSignature unmarshalXMLSignature(XMLValidateContext context) throws MarshalException {
            return AttachmentSignature.wrap(santuario.unmarshalXMLSignature(context), context, santuario.getURIDereferencer());
        }

        @Override
        public XMLSignature unmarshalXMLSignature(XMLStructure structure) throws MarshalException {
            return santuario.unmarshalXMLSignature(structure);
        }

        @Override
        public XMLSignature newXMLSignature(SignedInfo si, KeyInfo ki) {
            return santuario.newXMLSignature(si, ki);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public XMLSignature newXMLSignature(SignedInfo si, KeyInfo ki, List objects, String id, String signatureValueId) {
            return santuario.newXMLSignature(si, ki, objects, id, signatureValueId);
        }

        @Override
        public Reference newReference(String uri, DigestMethod dm) {
            return santuario.newReference(uri, dm);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Reference newReference(String uri, DigestMethod dm, List transforms, String type, String id) {
            return santuario.newReference(uri, dm, transforms, type, id);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Reference newReference(String uri, DigestMethod dm, List transforms, String type, String id,
                                      byte[] digestValue) {
            return santuario.newReference(uri, dm, transforms, type, id, digestValue);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Reference newReference(String uri, DigestMethod dm, List appliedTransforms, Data result,
                                      List transforms, String type, String id) {
            return santuario.newReference(uri, dm, appliedTransforms, result, transforms, type, id);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SignedInfo newSignedInfo(CanonicalizationMethod cm, SignatureMethod sm, List references) {
            return santuario.newSignedInfo(cm, sm, references);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SignedInfo newSignedInfo(CanonicalizationMethod cm, SignatureMethod sm, List references, String id) {
            return santuario.newSignedInfo(cm, sm, references, id);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public XMLObject newXMLObject(List content, String id, String mimeType, String encoding) {
            return santuario.newXMLObject(content, id, mimeType, encoding);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Manifest newManifest(List references) {
            return santuario.newManifest(references);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Manifest newManifest(List references, String id) {
            return santuario.newManifest(references, id);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SignatureProperty newSignatureProperty(List content, String target, String id) {
            return santuario.newSignatureProperty(content, target, id);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SignatureProperties newSignatureProperties(List properties, String id) {
            return santuario.newSignatureProperties(properties, id);
        }

        @Override
        public DigestMethod newDigestMethod(String algorithm, DigestMethodParameterSpec params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newDigestMethod(algorithm, params);
        }

        @Override
        public SignatureMethod newSignatureMethod(String algorithm, SignatureMethodParameterSpec params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newSignatureMethod(algorithm, params);
        }

        @Override
        public Transform newTransform(String algorithm, TransformParameterSpec params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newTransform(algorithm, params);
        }

        @Override
        public Transform newTransform(String algorithm, XMLStructure params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newTransform(algorithm, params);
        }

        @Override
        public CanonicalizationMethod newCanonicalizationMethod(String algorithm, C14NMethodParameterSpec params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newCanonicalizationMethod(algorithm, params);
        }

        @Override
        public CanonicalizationMethod newCanonicalizationMethod(String algorithm, XMLStructure params)
                throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
            return santuario.newCanonicalizationMethod(algorithm, params);
        }

        @Override
        public boolean isFeatureSupported(String feature) {
            return santuario.isFeatureSupported(feature);
        }

        @Override
        public URIDereferencer getURIDereferencer() {
            return santuario.getURIDereferencer();
        }
    }
}
