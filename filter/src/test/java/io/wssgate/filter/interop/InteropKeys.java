package io.wssgate.filter.interop;

import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * The key material of both sides, generated per test class: one CA issuing the client, the
 * sender-vouches sender, the SAML issuer and the server. WSS Gate gets PEM files; CXF gets what
 * a CXF user has, PKCS12 keystores described by WSS4J "Merlin" crypto properties.
 */
final class InteropKeys {
    static final String IDP = "https://idp.interop.test";
    static final String AUDIENCE = "urn:wssgate:test:interop";
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String SENDER_DN = "CN=sender,O=WSS Gate Test,C=DE";
    static final String SERVER_DN = "CN=server,O=WSS Gate Test,C=DE";
    static final String PASSWORD = "interop-secret";

    final TestKeys keys = TestKeys.create();
    final Identity client = keys.issue("client");
    final Identity sender = keys.issue("sender");
    final Identity idp = keys.issue("idp");
    final Identity server = keys.issue("server");

    final Path ca;
    final Path clientKey;
    final Path clientCert;
    final Path senderKey;
    final Path senderCert;
    final Path idpKey;
    final Path idpCert;
    final Path serverKey;
    final Path serverCert;
    /** CXF as a client: keys of client, sender and SAML issuer; trusts the CA; knows the server's certificate. */
    final Properties cxfClientCrypto;
    /** CXF as a service: the server's key; trusts the CA. */
    final Properties cxfServerCrypto;

    InteropKeys(Path dir) throws IOException, GeneralSecurityException {
        ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        clientCert = TestKeys.writePem(dir.resolve("client.pem"), client.certificate());
        senderKey = TestKeys.writePkcs8Pem(dir.resolve("sender-key.pem"), sender.privateKey());
        senderCert = TestKeys.writePem(dir.resolve("sender.pem"), sender.certificate());
        idpKey = TestKeys.writePkcs8Pem(dir.resolve("idp-key.pem"), idp.privateKey());
        idpCert = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        serverCert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        cxfClientCrypto = merlin(keyStore(dir.resolve("cxf-client.p12"), client, sender, idp));
        cxfServerCrypto = merlin(keyStore(dir.resolve("cxf-server.p12"), server));
    }

    /** What a CXF user registers as {@code passwordCallbackRef}: the key password for every alias. */
    static CallbackHandler keyPasswords() {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback password) {
                    password.setPassword(PASSWORD);
                }
            }
        };
    }

    /** A PKCS12 keystore with the identities' keys (alias = common name), the CA and the server's certificate. */
    private Path keyStore(Path file, Identity... identities) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Identity identity : identities) {
            store.setKeyEntry(identity.name(), identity.privateKey(), PASSWORD.toCharArray(), identity.chainArray());
        }
        store.setCertificateEntry("ca", keys.ca().certificate());
        if (!store.containsAlias("server")) {
            store.setCertificateEntry("server", server.certificate());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** WSS4J's Merlin crypto over one PKCS12 file used as key and trust store, as in a CXF crypto.properties. */
    private static Properties merlin(Path store) {
        Properties properties = new Properties();
        properties.setProperty("org.apache.wss4j.crypto.provider", "org.apache.wss4j.common.crypto.Merlin");
        for (String kind : new String[] {"keystore", "truststore"}) {
            properties.setProperty("org.apache.wss4j.crypto.merlin." + kind + ".type", "PKCS12");
            properties.setProperty("org.apache.wss4j.crypto.merlin." + kind + ".password", PASSWORD);
            properties.setProperty("org.apache.wss4j.crypto.merlin." + kind + ".file", store.toString());
        }
        return properties;
    }
}
