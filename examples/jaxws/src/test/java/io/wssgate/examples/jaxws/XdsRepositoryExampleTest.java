package io.wssgate.examples.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.examples.jaxws.xds.Xds;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import io.wssgate.WssGate;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.exchange.ClientCall;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.LoadedKey;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.TokenSupplier;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.SwaMessages;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The IHE XDS.b-style repository of the JAX-WS example, called as a partner's document source
 * calls it: Provide and Register Document Set-b with two documents as MTOM attachments, under a
 * SAML 2.0 holder-of-key assertion from the example IdP (IHE XUA), the Body (and so the XOP
 * content) signed with the subject key. The repository sees alice and the very documents; a
 * document changed in transit or a part smuggled next to them never reaches it.
 */
class XdsRepositoryExampleTest {
    static final Path keysDir = Path.of(ExampleKeys.DEFAULT_KEYS_DIR).toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] CDA = ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>Discharge summary</title>"
            + "</ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
    static final byte[] SCAN = new byte[1_500_000];
    static WhoAmIServer server;
    static Identity client;
    static Identity idp;

    @BeforeAll
    static void start() throws Exception {
        new Random(11).nextBytes(SCAN);
        ExampleKeys keys = ExampleKeys.ensure(keysDir);
        System.setProperty(ExampleKeys.KEYS_DIR_VARIABLE, keysDir.toString());
        client = identity(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        idp = identity(keys, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS);
        server = WhoAmIServer.start("localhost", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        System.clearProperty(ExampleKeys.KEYS_DIR_VARIABLE);
    }

    /** The request as a document source sends it: signed under the assertion, then optimized (XOP). */
    static SwaMessages.Package submission() {
        String body = "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"" + Xds.XDSB + "\">"
                + "<xdsb:Document id=\"Document01\">" + Base64.getEncoder().encodeToString(CDA) + "</xdsb:Document>"
                + "<xdsb:Document id=\"Document02\">" + Base64.getEncoder().encodeToString(SCAN) + "</xdsb:Document>"
                + "</xdsb:ProvideAndRegisterDocumentSetRequest>";
        SamlSpec xua = SamlSpec.saml2().issuer(ExampleKeys.DEFAULT_IDP_NAME).signedBy(idp)
                .audienceRestriction(ExampleKeys.DEFAULT_AUDIENCE).attribute("role", "clinician").holderOfKey(client);
        byte[] signed = TestMessages.soap11(body).timestamp(Duration.ofMinutes(5)).saml(xua).build();
        return MtomMessages.optimize(signed, Xds.XDSB, "Document", List.of("doc01@source.example", "doc02@source.example"));
    }

    static HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        URI repository = server.endpoint().resolve("/xds/repository");
        return HTTP.send(HttpRequest.newBuilder(repository).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType + "; action=\"" + Xds.ACTION + "\"")
                .header("SOAPAction", "\"" + Xds.ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRepositoryStoresTheSignedDocumentsForAlice() throws Exception {
        SwaMessages.Package request = submission();
        assertThat(request.envelopeText()).contains("xop:Include").contains("saml2:Assertion");

        HttpResponse<String> response = post(request.body(), request.contentType());

        assertStoredForAlice(response);
    }

    @Test
    void aDocumentChangedInTransitIsRefused() throws Exception {
        SwaMessages.Package request = submission();
        String wire = new String(request.body(), StandardCharsets.ISO_8859_1);
        byte[] forged = wire.replace("Discharge summary", "Discharge summarY").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(forged).isNotEqualTo(request.body());

        HttpResponse<String> response = post(forged, request.contentType());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").doesNotContain("RegistryResponse");
    }

    /**
     * WSS Gate's own client as the document source: ClientCall secures the envelope with its
     * xop:Include elements in place under the XUA assertion (holder-of-key, signed with the
     * subject key), the documents streamed into the Body's digest and sent as MTOM parts.
     */
    static Multipart clientCallSubmission(byte[] scan) throws Exception {
        String body = "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"" + Xds.XDSB + "\">"
                + document("Document01", "doc01@source.example") + document("Document02", "doc02@source.example")
                + "</xdsb:ProvideAndRegisterDocumentSetRequest>";
        TokenSupplier xua = context -> {
            try {
                Element assertion = SamlSpec.saml2().issuer(ExampleKeys.DEFAULT_IDP_NAME).signedBy(idp)
                        .audienceRestriction(ExampleKeys.DEFAULT_AUDIENCE).attribute("role", "clinician")
                        .holderOfKey(client).toAssertion().toDOM(null);
                return new IssuedToken(assertion, Optional.of(new LoadedKey(client.privateKey(), client.certificate())));
            } catch (WSSecurityException e) {
                throw new OutboundSecurityException("the test assertion", e);
            }
        };
        PolicyConfig source = PolicyConfig.builder("document-source").path("/unused").outbound(new OutboundPolicy(
                Optional.of(Duration.ofMinutes(5)), Optional.of(new OutboundToken.Supplied(xua)), Optional.empty(),
                Optional.empty(), false)).build();
        try (WssGate gate = WssGate.create(WssGateConfig.of(source))) {
            byte[] envelope = new ClientCall(gate.policy("document-source").orElseThrow()).secureRequest(
                    TestMessages.soap11(body).build(), List.of(
                            part("doc01@source.example", "text/xml", CDA),
                            part("doc02@source.example", "application/octet-stream", SCAN)));
            return new Multipart().xopRoot(envelope, "text/xml")
                    .attachment("doc01@source.example", "text/xml", CDA)
                    .attachment("doc02@source.example", "application/octet-stream", scan).close();
        }
    }

    private static String document(String id, String contentId) {
        return "<xdsb:Document id=\"" + id + "\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                + " href=\"cid:" + contentId + "\"/></xdsb:Document>";
    }

    private static OutboundAttachment part(String contentId, String type, byte[] content) {
        return new OutboundAttachment(contentId, type, () -> new ByteArrayInputStream(content));
    }

    @Test
    void wssGatesOwnClientSendsTheDocumentsAsMtomUnderTheHolderOfKeyAssertion() throws Exception {
        Multipart request = clientCallSubmission(SCAN);
        String wire = new String(request.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(wire).as("optimised: the documents travel as parts, not inlined")
                .contains("application/xop+xml").contains("xop:Include").contains("saml2:Assertion")
                .doesNotContain(Base64.getEncoder().encodeToString(CDA));

        HttpResponse<String> response = post(request.bytes(), request.contentType());

        assertStoredForAlice(response);
    }

    @Test
    void aDocumentSwappedAfterWssGatesClientSignedItIsRefused() throws Exception {
        byte[] other = SCAN.clone();
        other[SCAN.length / 2] ^= 1;
        Multipart request = clientCallSubmission(other);

        HttpResponse<String> response = post(request.bytes(), request.contentType());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").doesNotContain("RegistryResponse");
    }

    /** The repository answered Success for alice, with the very documents (length and SHA-256). */
    private static void assertStoredForAlice(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("status=\"" + Xds.SUCCESS + "\"").contains("submitter=\"alice\"")
                .contains("Document01:" + CDA.length + ":" + sha256(CDA))
                .contains("Document02:" + SCAN.length + ":" + sha256(SCAN));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Identity identity(ExampleKeys keys, String keystore, String alias) throws Exception {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(keystore, alias);
        X509Certificate[] chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        return new Identity(alias, entry.getPrivateKey(), chain[0], Arrays.asList(chain));
    }
}
