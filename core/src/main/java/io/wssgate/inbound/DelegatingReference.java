package io.wssgate.inbound;

import java.util.List;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;

/**
 * A signature Reference that answers every question about itself as Santuario's parsed one does;
 * subclasses change only how it is validated and what it reports as dereferenced (attachment and
 * XOP references digest their content while streaming it).
 */
abstract class DelegatingReference implements Reference {
    protected final Reference reference;

    DelegatingReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List getTransforms() {
        return reference.getTransforms();
    }

    @Override
    public DigestMethod getDigestMethod() {
        return reference.getDigestMethod();
    }

    @Override
    public String getId() {
        return reference.getId();
    }

    @Override
    public byte[] getDigestValue() {
        return reference.getDigestValue();
    }

    @Override
    public byte[] getCalculatedDigestValue() {
        return reference.getCalculatedDigestValue();
    }

    @Override
    public String getURI() {
        return reference.getURI();
    }

    @Override
    public String getType() {
        return reference.getType();
    }

    @Override
    public boolean isFeatureSupported(String feature) {
        return reference.isFeatureSupported(feature);
    }
}
