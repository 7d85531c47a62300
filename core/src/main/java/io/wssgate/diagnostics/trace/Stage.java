package io.wssgate.diagnostics.trace;

/**
 * The stages of the inbound pipeline, in the order {@link io.wssgate.inbound.InboundValidator} runs them. A message
 * is refused by the first stage that fails; {@link PipelineTrace} hears each stage as it runs.
 */
public enum Stage {
    /** The HTTP Content-Type's charset agrees with the document's own encoding (HTTP requests only). */
    TRANSPORT("transport", "HTTP charset agrees with the document"),
    /** One DOM, no DTD, bounded size, depth and element count; a SOAP envelope of the right shape. */
    PARSE("parse", "hardened parse"),
    /** The wsse:Security header addressed to this receiver (security-header.actor, accept-next). */
    SECURITY_HEADER("security-header", "Security header for this receiver"),
    /**
     * What is refused before WSS4J sees the header: tokens and algorithms never accepted, duplicate
     * IDs, references outside the header; an EncryptedAssertion is decrypted here.
     */
    PRECHECKS("prechecks", "structural prechecks"),
    /** WSS4J processes the header: signatures, certificate paths, Timestamp freshness, tokens, decryption. */
    HEADER_PROCESSING("header-processing", "WS-Security header processing"),
    /** The header's layout, when the policy enforces a WS-SecurityPolicy layout. */
    LAYOUT("layout", "header layout"),
    /** One Timestamp with Created, Expires after it, present when required. */
    TIMESTAMP("timestamp", "Timestamp rules"),
    /**
     * The WS-Addressing headers (requests only): present, signed and pointing at this endpoint when
     * the policy requires them, a MessageID not seen before.
     */
    ADDRESSING("addressing", "WS-Addressing"),
    /**
     * Which rules apply: the operation the request names (Body element, SOAPAction, wsa:Action, all
     * agreeing) and its rules, or the policy's own.
     */
    OPERATION("operation", "operation"),
    /**
     * The Body, Timestamp and signed headers are the very nodes a trusted signature covers; the
     * required headers appear once.
     */
    COVERAGE("coverage", "signature coverage"),
    /** The parts the policy requires encrypted arrived encrypted; no mandatory header left undecrypted. */
    ENCRYPTION("encryption", "encryption requirements"),
    /** A response confirms exactly the signatures its request carried (client side only). */
    SIGNATURE_CONFIRMATION("signature-confirmation", "signature confirmation"),
    /** The SAML processing rules: issuer signature, times, audience, subject confirmation, STS validation. */
    SAML("saml", "SAML rules"),
    /** Who the caller is: the assertion's subject, the UsernameToken or the signing certificate. */
    IDENTITY("identity", "identity"),
    /** The caller's token type and roles satisfy the policy's and the operation's {@code require} (requests only). */
    AUTHORIZATION("authorization", "authorization"),
    /** Timestamp, nonce and single-use assertion not seen before; recorded once everything passed. */
    REPLAY("replay", "replay detection");

    private final String key;
    private final String title;

    Stage(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** A stable lower-case name, e.g. {@code header-processing} (for machine-readable output). */
    public String key() {
        return key;
    }

    /** What the stage checks, in a few words. */
    public String title() {
        return title;
    }
}
