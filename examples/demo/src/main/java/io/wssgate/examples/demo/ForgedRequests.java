package io.wssgate.examples.demo;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import io.wssgate.soap.Documents;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The attacks. No well-behaved client produces them, so they are forged here with the
 * project's test fixtures (core test-jar); this is the harness part of the demo.
 */
final class ForgedRequests {
    /** What an attacker would rather have the service process. */
    static final String EVIL_WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\" as=\"admin\"/>";

    private final Identity client;
    private final Identity idp;

    ForgedRequests(ExampleKeys keys) throws IOException, GeneralSecurityException {
        this.client = identity(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        this.idp = identity(keys, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS);
    }

    /** The signed request with an attribute added to its Body after signing, as a man in the middle would. */
    static byte[] tampered(byte[] signed) throws IOException {
        Document document = Documents.parse(signed);
        Element whoami = (Element) document.getElementsByTagNameNS("urn:wssgate:example", "whoami").item(0);
        whoami.setAttribute("as", "admin");
        return Documents.serialize(document);
    }

    /** XML signature wrapping: the signed Body moves into a header, an unsigned Body takes its place. */
    static byte[] wrappedBody(byte[] signed) {
        return TestMessages.wrapBody(signed, EVIL_WHOAMI);
    }

    /**
     * A correctly signed holder-of-key request whose assertion expired five minutes ago, with a
     * fresh Timestamp: only the assertion's own validity can catch it.
     */
    byte[] expiredAssertion() {
        SamlSpec assertion = SamlSpec.saml2()
                .issuer(ExampleKeys.variable(ExampleKeys.IDP_NAME_VARIABLE).orElse(ExampleKeys.DEFAULT_IDP_NAME))
                .signedBy(idp).subject("alice").attribute("role", "buyer")
                .audienceRestriction(ExampleKeys.variable(ExampleKeys.AUDIENCE_VARIABLE).orElse(ExampleKeys.DEFAULT_AUDIENCE))
                .holderOfKey(client).expired();
        return TestMessages.soap11(SecuredRequests.WHOAMI).timestamp(Duration.ofMinutes(5)).saml(assertion).build();
    }

    private static Identity identity(ExampleKeys keys, String keystore, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(keystore, alias);
        X509Certificate[] chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        return new Identity(alias, entry.getPrivateKey(), chain[0], Arrays.asList(chain));
    }
}
