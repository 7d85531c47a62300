package io.wssgate.testing;

import org.w3c.dom.Document;

/**
 * Entry point for SOAP test messages: {@link #soap11(String)} / {@link #soap12(String)} start a
 * {@link MessageBuilder} that secures the message with WSS4J; the static helpers below turn a valid
 * message into a malicious one. All helpers take and return UTF-8 bytes, as sent over HTTP.
 */
public final class TestMessages {

    /** Body payload used when none is given. */
    public static final String DEFAULT_BODY = "<ns:echo xmlns:ns=\"urn:wssgate:test\">hello</ns:echo>";
    /** Body payload that {@link #wrapBody(byte[])} substitutes for the signed one. */
    public static final String EVIL_BODY = "<ns:echo xmlns:ns=\"urn:wssgate:test\">evil</ns:echo>";
    public static final String SOAP11_NS = SoapXml.SOAP11_NS;
    public static final String SOAP12_NS = SoapXml.SOAP12_NS;
    /** Namespace of the {@code wrap:Wrapper} header element {@link #wrapBody(byte[])} creates. */
    public static final String WRAP_NS = Tampering.WRAP_NS;

    private TestMessages() {
    }

    public static MessageBuilder soap11() {
        return soap11(DEFAULT_BODY);
    }

    /** {@code bodyXml}: the Body's content, well-formed, with its own namespace declarations. */
    public static MessageBuilder soap11(String bodyXml) {
        return new MessageBuilder(SoapXml.SOAP11_NS, bodyXml);
    }

    public static MessageBuilder soap12() {
        return soap12(DEFAULT_BODY);
    }

    public static MessageBuilder soap12(String bodyXml) {
        return new MessageBuilder(SoapXml.SOAP12_NS, bodyXml);
    }

    /** Parses a message namespace-aware with DOCTYPEs refused (for assertions in tests). */
    public static Document parse(byte[] message) {
        return SoapXml.parse(message);
    }

    // ---- malicious variants -------------------------------------------------------------------

    /** Appends "-tampered" to the first non-blank text inside the Body (after signing). */
    public static byte[] tamperBody(byte[] message) {
        return Tampering.tamperBody(message);
    }

    /**
     * XML signature wrapping: the signed Body (with its wsu:Id) moves into a
     * {@code wrap:Wrapper} header element and a new Body without Id carrying {@link #EVIL_BODY}
     * takes its place. The signature still verifies; only the Body that is processed changed.
     */
    public static byte[] wrapBody(byte[] message) {
        return Tampering.wrapBody(message, EVIL_BODY);
    }

    public static byte[] wrapBody(byte[] message, String newBodyXml) {
        return Tampering.wrapBody(message, newBodyXml);
    }

    /** Adds a {@code dup:Decoy} header with the Body's wsu:Id and a copy of its content. */
    public static byte[] duplicateId(byte[] message) {
        return Tampering.duplicateId(message);
    }

    /** Removes the message signature(s) from the Security header; assertion signatures stay. */
    public static byte[] removeSignature(byte[] message) {
        return Tampering.removeSignature(message);
    }

    /** Prepends a billion-laughs internal-entity DOCTYPE and references the entity in the Body. */
    public static byte[] withDoctype(byte[] message) {
        return Tampering.withDoctype(message);
    }

    /** Prepends a DOCTYPE declaring an external entity at {@code systemId}, referenced in the Body. */
    public static byte[] withExternalEntity(byte[] message, String systemId) {
        return Tampering.withExternalEntity(message, systemId);
    }

    /** An unsecured, well-formed SOAP 1.1 envelope of exactly {@code bytes} bytes. */
    public static byte[] oversized(int bytes) {
        return Tampering.oversized(bytes);
    }

    /** An unsecured SOAP 1.1 envelope with {@code depth} nested elements inside the Body payload. */
    public static byte[] deeplyNested(int depth) {
        return Tampering.deeplyNested(depth);
    }
}
