package io.wssgate.filter.interop;

import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Key material of the Node peer tests, generated per test class and written as PEM files: the
 * Node client's key and certificate (handed to node-soap), the CA both sides trust, WSS Gate's
 * response-signing key, a signer from a CA nobody trusts, and the SAML issuer's key (the Node peer
 * signs its assertions with it, as an IdP would).
 */
final class NodeKeys {
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String SERVER_DN = "CN=server,O=WSS Gate Test,C=DE";
    static final String USER = "bob";
    static final String USER_PASSWORD = "bobs-secret";
    static final String IDP = "https://idp.node.test";
    static final String AUDIENCE = "urn:wssgate:test:node";

    final TestKeys keys = TestKeys.create();
    final Identity client = keys.issue("client");
    final Identity server = keys.issue("server");
    final Identity foreign = keys.issueByOtherCa("server");
    final Identity idp = keys.issue("idp");

    final Path ca;
    final Path clientKey;
    final Path clientCert;
    final Path serverKey;
    final Path serverCert;
    final Path foreignKey;
    final Path foreignCert;
    final Path idpKey;
    final Path idpCert;
    final Path users;

    NodeKeys(Path dir) throws IOException {
        Path keyDir = Files.createDirectories(dir.resolve("keys"));
        ca = TestKeys.writePem(keyDir.resolve("ca.pem"), keys.ca().certificate());
        clientKey = TestKeys.writePkcs8Pem(keyDir.resolve("client-key.pem"), client.privateKey());
        clientCert = TestKeys.writePem(keyDir.resolve("client.pem"), client.certificate());
        serverKey = TestKeys.writePkcs8Pem(keyDir.resolve("server-key.pem"), server.privateKey());
        serverCert = TestKeys.writePem(keyDir.resolve("server.pem"), server.certificate());
        foreignKey = TestKeys.writePkcs8Pem(keyDir.resolve("foreign-key.pem"), foreign.privateKey());
        foreignCert = TestKeys.writePem(keyDir.resolve("foreign.pem"), foreign.certificate());
        idpKey = TestKeys.writePkcs8Pem(keyDir.resolve("idp-key.pem"), idp.privateKey());
        idpCert = TestKeys.writePem(keyDir.resolve("idp.pem"), idp.certificate());
        users = Files.writeString(keyDir.resolve("users.properties"), USER + "=" + USER_PASSWORD + "\n");
    }
}
