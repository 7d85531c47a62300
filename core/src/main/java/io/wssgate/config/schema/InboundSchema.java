package io.wssgate.config.schema;

import static io.wssgate.config.schema.Define.CLASS_NAME;
import static io.wssgate.config.schema.Define.DURATION;
import static io.wssgate.config.schema.Define.FILE;
import static io.wssgate.config.schema.Define.HTTP_URL;
import static io.wssgate.config.schema.Define.MESSAGE_PART;
import static io.wssgate.config.schema.Define.POSITIVE_INTEGER;
import static io.wssgate.config.schema.Define.SIZE;
import static io.wssgate.config.schema.Define.TEXT;
import static io.wssgate.config.schema.Define.URI;
import static io.wssgate.config.schema.Define.choice;
import static io.wssgate.config.schema.Define.flag;
import static io.wssgate.config.schema.Define.key;
import static io.wssgate.config.schema.Define.listOf;
import static io.wssgate.config.schema.Define.oneOf;
import static io.wssgate.config.schema.Define.section;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.MessageLimits;
import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.Arrays;

/** The sections of a policy that say what an inbound message must carry and who may send it. */
final class InboundSchema {
    static final Section LIMITS = section("Limits", "Limits checked before and while parsing.",
            key("max-message-size", SIZE, "Larger messages are refused before parsing.").byDefault("10MiB"),
            key("max-depth", POSITIVE_INTEGER, "Deepest element nesting accepted.")
                    .byDefault(String.valueOf(MessageLimits.DEFAULT_MAX_DEPTH)),
            key("max-elements", POSITIVE_INTEGER, "Most elements in a message (a 10 MiB order batch has about 130,000).")
                    .byDefault(String.valueOf(MessageLimits.DEFAULT_MAX_ELEMENTS)));

    static final Section ATTACHMENTS = section("Attachments",
            "MIME packages (multipart/related: SOAP with Attachments, MTOM/XOP) and their bounds.",
            flag("enabled", false, "Whether a request may be a multipart/related package; otherwise it is refused."),
            key("max-parts", POSITIVE_INTEGER, "Most attachments (parts besides the root) in one request.")
                    .byDefault(String.valueOf(AttachmentPolicy.DEFAULT_MAX_PARTS)),
            key("max-part-size", SIZE, "Largest attachment (content bytes); the root part is bounded by limits.max-message-size.")
                    .byDefault("10MiB"),
            key("max-total-size", SIZE, "Largest whole multipart request body, every part and delimiter included.")
                    .byDefault("50MiB"),
            flag("require-signed", true, "Whether every attachment must be covered by a trusted signature."),
            flag("require-encrypted", false, "Whether every attachment must arrive encrypted (SwA EncryptedData or MTOM ciphertext)."),
            key("memory-budget", SIZE, "Bytes of received packages this policy holds in memory at once, shared by the requests in"
                    + " flight; a package that does not fit is spooled to a temporary file; 0 spools every package.")
                    .byDefault("16MiB"));

    static final Section TIMESTAMP = section("Timestamp", "Rules for the wsu:Timestamp.",
            flag("required", true, "Whether a message must carry a Timestamp."),
            key("max-age", DURATION, "How old the Timestamp's Created may be.").byDefault("5m"),
            key("future-skew", DURATION, "How far in the future Created may be.").byDefault("60s"),
            flag("expires-required", true, "Whether the Timestamp must carry Expires."),
            flag("replay-detection", true, "Whether a signed Timestamp with its signature is accepted only once."));

    static final Section ALGORITHMS = section("Algorithms",
            "Allowlists of signature algorithms and minimum key sizes; a list given replaces the default one.",
            key("signature", listOf(URI), "Signature algorithm URIs accepted.")
                    .byDefault(AlgorithmPolicy.RSA_SHA256, AlgorithmPolicy.RSA_SHA384, AlgorithmPolicy.RSA_SHA512,
                            AlgorithmPolicy.ECDSA_SHA256, AlgorithmPolicy.ECDSA_SHA384, AlgorithmPolicy.ECDSA_SHA512),
            key("digest", listOf(URI), "Digest algorithm URIs accepted.")
                    .byDefault(AlgorithmPolicy.SHA256, AlgorithmPolicy.SHA384, AlgorithmPolicy.SHA512),
            key("canonicalization", listOf(URI), "Canonicalization algorithm URIs accepted.")
                    .byDefault(AlgorithmPolicy.EXC_C14N),
            key("min-rsa-key-size", POSITIVE_INTEGER, "Smallest RSA key accepted, in bits.").byDefault("2048"),
            key("min-ec-key-size", POSITIVE_INTEGER, "Smallest EC key accepted, in bits.").byDefault("256"));

    static final Section SIGNATURE = section("Signature", "Rules for XML signatures.",
            flag("required", true, "Whether the parts must be signed."),
            key("parts", listOf(MESSAGE_PART),
                    "What must be signed: Body, Timestamp and/or headers as {namespace}LocalName; a list given replaces the default.")
                    .byDefault("Body", "Timestamp"),
            flag("x509-authentication", true, "Whether a bare X.509 signature authenticates its certificate's subject."),
            key("algorithms", ALGORITHMS, "Algorithms and key sizes accepted."));

    static final Section OCSP = section("Ocsp", "Online revocation checking (OCSP) of the signer's certificate and chain.",
            flag("enabled", false, "Whether certificates are checked with their OCSP responder."),
            key("responder-url", HTTP_URL, "The responder to ask instead of the one each certificate names.")
                    .defaultNote("the certificate's Authority Information Access extension"),
            flag("soft-fail", false, "Whether a message passes (logged) when the responder cannot answer."),
            key("cache-ttl", DURATION, "Longest time an answer is reused (never past its nextUpdate).").byDefault("1h"),
            key("timeout", DURATION, "How long to wait for the responder.").byDefault("5s"),
            flag("nonce", true, "Whether each request carries a nonce the answer must not contradict."));

    static final Section REVOCATION = section("Revocation", "How certificates are checked for revocation.",
            key("ocsp", OCSP, "OCSP checking."),
            key("crls", listOf(FILE), "CRL files (PEM or DER); revocation is checked when CRLs are given."),
            key("prefer", oneOf(choice("ocsp", "ask the OCSP responder first, the CRLs when it has no answer"),
                    choice("crl", "consult the CRLs first, the responder when no current CRL covers the issuer")),
                    "Which source is asked first when both are configured.").byDefault("ocsp"));

    static final Section TRUST = section("Trust", "Who may sign messages (X.509 and sender-vouches senders).",
            key("certificates", listOf(FILE), "PEM files of trusted certificates; each may hold several."),
            key("keystore", SharedSections.KEYSTORE, "A keystore of trusted certificates (a file: a token holds keys)."),
            key("revocation", REVOCATION, "Revocation checking: OCSP and/or CRLs."),
            key("crls", listOf(FILE), "CRL files; the same as revocation.crls (give one of them)."),
            key("subject-dn-patterns", new ListOf(Scalar.of(ValueKind.REGEX), false),
                    "The signer's subject DN must match one of these regular expressions (one flat value is one pattern)."));

    static final Section SAML_ISSUER = section("SamlIssuer", "A trusted SAML issuer.",
            key("name", TEXT, "The exact Issuer value.").defaultNote("required"),
            key("certificates", listOf(FILE), "PEM files of the certificates it signs with.").defaultNote("required"));

    static final Section STS_VALIDATION = section("StsValidation", "Validation of assertions through a WS-Trust STS.",
            key("endpoint", HTTP_URL, "The STS endpoint URL.").defaultNote("required"),
            key("authentication", SharedSections.STS_AUTHENTICATION, "How to authenticate to the STS."),
            key("timeout", DURATION, "How long to wait for the STS.").byDefault("10s"));

    static final Section SAML = section("Saml", "SAML 1.1 and 2.0 assertions accepted.",
            key("enabled", Define.BOOLEAN, "Whether assertions are accepted.").defaultNote("true when issuers are given"),
            key("issuers", listOf(SAML_ISSUER), "Trusted issuers: the exact Issuer name and its signing certificates."),
            key("audiences", listOf(TEXT), "Accepted audiences.").defaultNote("required when SAML is enabled"),
            key("clock-skew", DURATION, "Tolerance of every SAML time comparison, both ways.").byDefault("60s"),
            key("max-age", DURATION, "Oldest IssueInstant accepted (plus clock-skew), whatever the Conditions say.")
                    .byDefault("30m"),
            key("confirmation-methods", listOf(confirmationMethods()), "Subject confirmation methods accepted.")
                    .byDefault(ConfirmationMethod.HOLDER_OF_KEY.key(), ConfirmationMethod.SENDER_VOUCHES.key()),
            key("replay", oneOf(choice("one-time-use", "assertions marked OneTimeUse or DoNotCacheCondition"),
                    choice("bearer", "those and every bearer assertion"), choice("all", "every assertion")),
                    "Which assertion IDs are single-use.").byDefault("one-time-use"),
            key("sts-validation", STS_VALIDATION, "Also ask a WS-Trust STS (Validate) about each assertion."),
            key("recipients", listOf(HTTP_URL), "Endpoint URLs a SubjectConfirmationData Recipient may name.")
                    .defaultNote("the URL the request arrived at"),
            flag("check-address", false, "Whether a SubjectConfirmationData Address must be the sender's IP address."),
            flag("bearer-confirmation-window-required", true,
                    "Whether a SAML 2.0 bearer confirmation must carry its own NotOnOrAfter."),
            flag("encrypted-assertions", false,
                    "Also accept saml2:EncryptedAssertion, decrypted with decryption.key (which it requires)."));

    static final Section USERNAME_TOKEN = section("UsernameToken", "UsernameToken authentication.",
            flag("enabled", false, "Whether UsernameTokens are accepted."),
            key("passwords", FILE, "A properties file of user=password lines (values may use ${VAR})."),
            key("password-source", CLASS_NAME, "Or an io.wssgate.spi.PasswordSource class (public no-argument constructor)."),
            flag("allow-password-text", false, "Whether PasswordText is accepted besides PasswordDigest."),
            key("max-age", DURATION, "How old the token's Created may be.").byDefault("5m"),
            key("future-skew", DURATION, "How far in the future Created may be.").byDefault("60s"),
            flag("nonce-replay-detection", true, "Whether each Nonce is accepted only once."));

    static final Section DECRYPTION = section("Decryption", "Decryption of an encrypted Body or headers (off without a key).",
            key("key", SharedSections.KEY, "The private key the parts are encrypted for."),
            key("key-transport-algorithms", listOf(URI), "Key transport algorithm URIs accepted.")
                    .byDefault(DecryptionPolicy.RSA_OAEP, DecryptionPolicy.RSA_OAEP_11),
            key("data-algorithms", listOf(URI), "Data encryption algorithm URIs accepted.")
                    .byDefault(DecryptionPolicy.AES128_GCM, DecryptionPolicy.AES192_GCM, DecryptionPolicy.AES256_GCM),
            key("required-parts", listOf(MESSAGE_PART),
                    "What must arrive encrypted: Body and/or headers as {namespace}LocalName; needs key.")
                    .defaultNote("none"));

    static final Section CERTIFICATE_SUBJECT = section("CertificateSubject", "Roles of one certificate subject.",
            key("subject", Scalar.of(ValueKind.DISTINGUISHED_NAME), "The certificate's subject DN.").defaultNote("required"),
            key("roles", listOf(TEXT), "Its roles.").defaultNote("required"));

    static final Section ROLES = section("Roles", "Where the principal's roles come from.",
            key("saml-attributes", listOf(TEXT), "SAML attribute names whose values are roles."),
            key("certificate-subjects", listOf(CERTIFICATE_SUBJECT), "Roles by certificate subject."));

    static final Section SECURITY_HEADER = section("SecurityHeader",
            "Which wsse:Security header is this policy's, and the layout of its children.",
            key("actor", URI, "The SOAP 1.1 actor / SOAP 1.2 role URI (absolute) whose header this policy processes.")
                    .defaultNote("none: the header without actor/role"),
            flag("accept-next", true, "Whether a header addressed to next is this policy's too."),
            key("layout", oneOf(Arrays.stream(HeaderLayout.values()).map(l -> choice(l.key(), layoutMeaning(l)))
                    .toArray(Choice[]::new)), "The WS-SecurityPolicy layout the header's children must follow.")
                    .byDefault(HeaderLayout.LAX.key()));

    private InboundSchema() {
    }

    static Scalar confirmationMethods() {
        return oneOf(Arrays.stream(ConfirmationMethod.values()).map(m -> choice(m.key(), switch (m) {
            case HOLDER_OF_KEY -> "the sender proves the assertion's subject key by signing";
            case SENDER_VOUCHES -> "a trusted sender signs for the subject";
            case BEARER -> "whoever presents the assertion";
        })).toArray(Choice[]::new));
    }

    private static String layoutMeaning(HeaderLayout layout) {
        return switch (layout) {
            case LAX -> "any valid order";
            case STRICT -> "declare before use";
            case LAX_TIMESTAMP_FIRST -> "any order, the Timestamp first (needs timestamp.required)";
            case LAX_TIMESTAMP_LAST -> "any order, the Timestamp last (needs timestamp.required)";
        };
    }
}
