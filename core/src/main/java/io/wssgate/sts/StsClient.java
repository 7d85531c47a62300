package io.wssgate.sts;

import io.wssgate.config.StsAuthentication;
import io.wssgate.keys.KeyCrypto;
import io.wssgate.spi.LoadedKey;
import io.wssgate.soap.Documents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.w3c.dom.Document;

/**
 * Talks WS-Trust to one STS over HTTP: authenticates each request (UsernameToken or X.509
 * signature, with a Timestamp), sends it with the configured timeout, and turns every way it
 * can go wrong (unreachable, timeout, HTTP error, SOAP fault, unexpected token) into an
 * {@link StsException} naming the STS and the reason. Thread-safe.
 */
public final class StsClient {
    private static final Duration REQUEST_TIMESTAMP_TTL = Duration.ofMinutes(5);

    private final URI endpoint;
    private final StsAuthentication authentication;
    private final Optional<KeyCrypto> signingKey;
    private final Duration timeout;
    private final HttpClient http;

    /** @param authenticationKey the loaded key when {@code authentication} is a signature */
    public StsClient(URI endpoint, StsAuthentication authentication, Optional<LoadedKey> authenticationKey,
                     Duration timeout) {
        this.endpoint = endpoint;
        this.authentication = authentication;
        this.signingKey = authenticationKey.map(KeyCrypto::new);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Sends an RST and returns the raw response of a successful exchange. */
    byte[] exchange(Document request, String soapAction) throws StsException {
        authenticate(request);
        HttpRequest post = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Documents.serialize(request))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new StsException(endpoint, "no answer within " + timeout, e);
        } catch (IOException e) {
            throw new StsException(endpoint, "unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StsException(endpoint, "interrupted", e);
        }
        if (response.statusCode() != 200 && response.statusCode() != 500) {
            throw new StsException(endpoint, "HTTP " + response.statusCode());
        }
        return response.body();
    }

    private void authenticate(Document request) throws StsException {
        try {
            WSSecHeader header = new WSSecHeader(request);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive((int) REQUEST_TIMESTAMP_TTL.toSeconds());
            timestamp.build();
            if (authentication instanceof StsAuthentication.Username username) {
                WSSecUsernameToken token = new WSSecUsernameToken(header);
                token.setUserInfo(username.username(), username.password().asString());
                token.setPasswordType(username.passwordText() ? WSConstants.PASSWORD_TEXT : WSConstants.PASSWORD_DIGEST);
                token.addNonce();
                token.addCreated();
                token.build();
            } else {
                KeyCrypto key = signingKey.orElseThrow();
                WSSecSignature signature = new WSSecSignature(header);
                signature.setUserInfo(KeyCrypto.ALIAS, key.password());
                signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
                signature.setSignatureAlgorithm(key.defaultSignatureAlgorithm());
                signature.setDigestAlgo(WSConstants.SHA256);
                signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
                signature.getParts().add(new WSEncryptionPart(WSConstants.ELEM_BODY, WsTrust.SOAP11, "Element"));
                signature.getParts().add(new WSEncryptionPart(WSConstants.TIMESTAMP_TOKEN_LN, WSConstants.WSU_NS, "Element"));
                signature.build(key.crypto());
            }
        } catch (WSSecurityException e) {
            throw new StsException(endpoint, "cannot authenticate the request: " + e.getMessage(), e);
        }
    }
}
