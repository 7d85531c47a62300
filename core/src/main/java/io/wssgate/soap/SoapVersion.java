package io.wssgate.soap;

import java.util.Optional;

/** The two SOAP envelope versions, with what a fault written for each needs. */
public enum SoapVersion {
    SOAP_11("http://schemas.xmlsoap.org/soap/envelope/", "text/xml; charset=UTF-8"),
    SOAP_12("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml; charset=UTF-8");

    private final String envelopeNamespace;
    private final String contentType;

    SoapVersion(String envelopeNamespace, String contentType) {
        this.envelopeNamespace = envelopeNamespace;
        this.contentType = contentType;
    }

    public String envelopeNamespace() {
        return envelopeNamespace;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<SoapVersion> forNamespace(String namespace) {
        for (SoapVersion v : values()) {
            if (v.envelopeNamespace.equals(namespace)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Best guess from an HTTP Content-Type, used only to answer a message that could not be parsed. */
    public static SoapVersion fromContentType(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("application/soap+xml")
                ? SOAP_12 : SOAP_11;
    }
}
