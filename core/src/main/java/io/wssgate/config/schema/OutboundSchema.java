package io.wssgate.config.schema;

import static io.wssgate.config.schema.Define.CLASS_NAME;
import static io.wssgate.config.schema.Define.DURATION;
import static io.wssgate.config.schema.Define.FILE;
import static io.wssgate.config.schema.Define.HTTP_URL;
import static io.wssgate.config.schema.Define.MESSAGE_PART;
import static io.wssgate.config.schema.Define.TEXT;
import static io.wssgate.config.schema.Define.URI;
import static io.wssgate.config.schema.Define.choice;
import static io.wssgate.config.schema.Define.flag;
import static io.wssgate.config.schema.Define.key;
import static io.wssgate.config.schema.Define.listOf;
import static io.wssgate.config.schema.Define.mapOf;
import static io.wssgate.config.schema.Define.oneOf;
import static io.wssgate.config.schema.Define.section;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.SamlIssuance;
import io.wssgate.config.schema.KeyType.Choice;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.Arrays;

/** The {@code outbound} section of a policy: what this side adds to the messages it sends. */
final class OutboundSchema {
    static final Section TIMESTAMP = section("OutboundTimestamp", "The Timestamp added to sent messages.",
            flag("enabled", true, "Whether a Timestamp is added."),
            key("ttl", DURATION, "Its lifetime (Expires - Created).").byDefault("5m"));

    static final Section SAML_ISSUANCE = section("SamlIssuance", "A SAML assertion this side issues and signs itself.",
            key("version", oneOf(choice("2.0", "SAML 2.0"), choice("1.1", "SAML 1.1")), "The SAML version.")
                    .byDefault("2.0"),
            key("issuer", TEXT, "The Issuer name.").defaultNote("required"),
            key("issuer-key", SharedSections.KEY, "The key that signs the assertion.").defaultNote("required"),
            key("confirmation-method", InboundSchema.confirmationMethods(), "The subject confirmation method.")
                    .byDefault(ConfirmationMethod.HOLDER_OF_KEY.key()),
            key("subject", TEXT, "The subject's name.").defaultNote("the caller whose request is being served"),
            key("name-format", URI, "The NameID format URI.").byDefault(SamlIssuance.UNSPECIFIED_NAME_FORMAT),
            key("attributes", mapOf(listOf(TEXT)), "Attributes, name to values."),
            key("audiences", listOf(TEXT), "The audience restriction."),
            key("lifetime", DURATION, "How long the assertion is valid.").byDefault("5m"));

    static final Section STS = section("Sts", "Tokens from a WS-Trust STS (Issue), cached until near expiry.",
            key("endpoint", HTTP_URL, "The STS endpoint URL.").defaultNote("required"),
            key("version", oneOf(choice("1.3", "WS-Trust 1.3"), choice("1.4", "WS-Trust 1.4 (needed for act-as)")),
                    "The WS-Trust version.").byDefault("1.3"),
            key("applies-to", TEXT, "AppliesTo: the provider's audience.").defaultNote("required"),
            key("token-type", oneOf(choice("saml2", "SAML 2.0 (or its token type URI)"),
                    choice("saml11", "SAML 1.1 (or its token type URI)")), "The token type requested.").byDefault("saml2"),
            key("key-type", oneOf(choice("bearer", "a bearer token"),
                    choice("public-key", "holder-of-key: outbound.signature.key is the proof key")),
                    "The key type requested.").byDefault("bearer"),
            key("lifetime", DURATION, "The wst:Lifetime requested.").defaultNote("none: the STS decides"),
            key("claims", listOf(URI), "Identity claim URIs requested."),
            key("authentication", SharedSections.STS_AUTHENTICATION, "How to authenticate to the STS.")
                    .defaultNote("required"),
            key("delegation", oneOf(choice("none", "a token for this side itself"),
                    choice("on-behalf-of", "exchange the caller's assertion (OnBehalfOf)"),
                    choice("act-as", "exchange the caller's assertion (ActAs, WS-Trust 1.4)")),
                    "Whether the token is for the caller whose request is being served.").byDefault("none"),
            key("timeout", DURATION, "How long to wait for the STS.").byDefault("10s"),
            key("refresh-before", DURATION, "Fetch a new token this long before the cached one expires.")
                    .byDefault("60s"));

    static final Section TOKEN = section("OutboundToken", "The token added to sent messages.",
            key("source", oneOf(choice("self-issued", "an assertion issued here (saml)"),
                    choice("propagated", "the assertion of the caller whose request is being served"),
                    choice("sts", "from a WS-Trust STS (sts)"),
                    choice("custom", "from an application class (class)")), "Where the token comes from.")
                    .defaultNote("required"),
            key("class", CLASS_NAME, "For custom: an io.wssgate.spi.TokenSupplier class."),
            key("saml", SAML_ISSUANCE, "For self-issued: the assertion to issue."),
            key("sts", STS, "For sts: the STS to get tokens from."));

    static final Section SIGNATURE = section("OutboundSignature", "The signature over sent messages.",
            key("key", SharedSections.KEY, "The signing key.").defaultNote("required"),
            key("key-identifier", keyIdentifiers(), "How the signature names its certificate.")
                    .byDefault(KeyIdentifier.BST.key()),
            key("algorithm", URI, "The signature algorithm URI.").defaultNote("RSA-SHA256, or ECDSA-SHA256 for an EC key"),
            key("digest", URI, "The digest algorithm URI.").byDefault(AlgorithmPolicy.SHA256),
            key("canonicalization", URI, "The canonicalization algorithm URI.").byDefault(AlgorithmPolicy.EXC_C14N),
            key("parts", listOf(MESSAGE_PART),
                    "What is signed: Body, Timestamp, Token, Attachments (every SwA attachment sent) and/or headers as {namespace}LocalName.")
                    .byDefault("Body", "Timestamp"));

    static final Section ENCRYPTION = section("OutboundEncryption", "Encryption of parts of sent messages.",
            key("recipient-certificate", FILE, "PEM certificate of the recipient.").defaultNote("required"),
            key("key-identifier", keyIdentifiers(), "How the EncryptedKey names the recipient's certificate.")
                    .byDefault(KeyIdentifier.ISSUER_SERIAL.key()),
            key("data-algorithm", URI, "The data encryption algorithm URI.").byDefault(DecryptionPolicy.AES256_GCM),
            key("key-transport", URI,
                    "The key transport algorithm URI; xenc11 rsa-oaep is sent with SHA-256 and MGF1-SHA256.")
                    .defaultNote(DecryptionPolicy.RSA_OAEP + " (FIPS mode: " + DecryptionPolicy.RSA_OAEP_11 + ")"),
            key("parts", listOf(MESSAGE_PART),
                    "What is encrypted: Body, Attachments (every SwA attachment sent, Attachment-Content-Only) and/or headers as {namespace}LocalName.")
                    .byDefault("Body"),
            flag("assertion", false, "Send the token's SAML 2.0 assertion as saml2:EncryptedAssertion."));

    static final Section OUTBOUND = section("Outbound", "What this side adds to the messages it sends (responses, client requests).",
            key("timestamp", TIMESTAMP, "The Timestamp added."),
            key("token", TOKEN, "The token added."),
            key("signature", SIGNATURE, "The signature added."),
            key("encryption", ENCRYPTION, "The encryption applied."),
            key("addressing", OperationSchema.OUTBOUND_ADDRESSING, "WS-Addressing headers a client adds to its requests."),
            flag("signature-confirmation", false,
                    "WSS 1.1 SignatureConfirmation: a server confirms request signatures; a client then requires it."));

    private OutboundSchema() {
    }

    private static Scalar keyIdentifiers() {
        return oneOf(Arrays.stream(KeyIdentifier.values()).map(k -> choice(k.key(), switch (k) {
            case BST -> "the certificate itself, in a BinarySecurityToken";
            case ISSUER_SERIAL -> "issuer name and serial number";
            case SKI -> "subject key identifier";
            case THUMBPRINT -> "SHA-1 thumbprint";
        })).toArray(Choice[]::new));
    }
}
