package io.wssgate.examples.jaxws;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;

/**
 * Requests to the example endpoint built independently of its own client, from the example keys:
 * what a partner's client would send.
 */
final class ExampleRequests {
    static final String WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\"/>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Identity client;
    private final X509Certificate server;

    ExampleRequests(ExampleKeys keys) throws Exception {
        this.client = identity(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        this.server = identity(keys, ExampleKeys.SERVER_KEYSTORE, ExampleKeys.SERVER_ALIAS).certificate();
    }

    /** Signed by the example client (certificate in a BinarySecurityToken), Body and Timestamp. */
    byte[] x509() {
        return TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
    }

    /** As {@link #x509()}, the Body then encrypted for the server's certificate. */
    byte[] x509EncryptedForTheServer() {
        return TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST)
                .encryptBodyFor(server).build();
    }

    static HttpResponse<String> post(URI endpoint, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Identity identity(ExampleKeys keys, String keystore, String alias) throws Exception {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(keystore, alias);
        X509Certificate[] chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        return new Identity(alias, entry.getPrivateKey(), chain[0], Arrays.asList(chain));
    }
}
