package io.wssgate.filter.interop;

import static io.wssgate.filter.interop.InteropKeys.CLIENT_DN;

/** The WS-Security profiles both directions are tested with; each is one named test case. */
enum Profile {
    X509_TIMESTAMP_SIGNATURE(null, null, false),
    SAML11_HOLDER_OF_KEY("1.1", Confirmation.HOLDER_OF_KEY, false),
    SAML11_SENDER_VOUCHES("1.1", Confirmation.SENDER_VOUCHES, false),
    SAML11_BEARER("1.1", Confirmation.BEARER, false),
    SAML20_HOLDER_OF_KEY("2.0", Confirmation.HOLDER_OF_KEY, false),
    SAML20_SENDER_VOUCHES("2.0", Confirmation.SENDER_VOUCHES, false),
    SAML20_BEARER("2.0", Confirmation.BEARER, false),
    SIGNATURE_AND_AES256_GCM_BODY(null, null, true),
    /** SAML 2.0 holder-of-key whose assertion travels as a saml2:EncryptedAssertion for the server. */
    SAML20_HOLDER_OF_KEY_ENCRYPTED_ASSERTION("2.0", Confirmation.HOLDER_OF_KEY, false, true);

    /** SAML subject confirmation methods, with the names our configuration uses. */
    enum Confirmation {
        HOLDER_OF_KEY("holder-of-key"), SENDER_VOUCHES("sender-vouches"), BEARER("bearer");

        final String key;

        Confirmation(String key) {
            this.key = key;
        }
    }

    static final String SAML_SUBJECT = "alice";

    /** "1.1", "2.0", or null for no assertion. */
    final String samlVersion;
    final Confirmation confirmation;
    final boolean encryptsBody;
    final boolean encryptsAssertion;

    Profile(String samlVersion, Confirmation confirmation, boolean encryptsBody) {
        this(samlVersion, confirmation, encryptsBody, false);
    }

    Profile(String samlVersion, Confirmation confirmation, boolean encryptsBody, boolean encryptsAssertion) {
        this.samlVersion = samlVersion;
        this.confirmation = confirmation;
        this.encryptsBody = encryptsBody;
        this.encryptsAssertion = encryptsAssertion;
    }

    boolean saml() {
        return samlVersion != null;
    }

    /** Whether the message carries a signature made by the sender (everything but bearer). */
    boolean signed() {
        return confirmation != Confirmation.BEARER;
    }

    /** The principal a service must see. */
    String principal() {
        return saml() ? SAML_SUBJECT : CLIENT_DN;
    }

    /** Roles as {@link CallerView} lists them: from the assertion's role attribute, or configured for the client's DN. */
    String roles() {
        return saml() ? "admin,clerk" : "admin,user";
    }

    /** Path segment shared by our filter's paths, Metro's endpoints and CXF's endpoints. */
    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
