package io.wssgate.benchmarks;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The message bytes every system is measured on. Signed messages come from the project's WSS4J
 * fixtures (RSA-SHA256, SHA-256 digests, exclusive C14N); lifetimes are an hour so that no
 * benchmark fork outlives the Timestamp or the assertion it validates.
 */
public final class Messages {
    public static final String AUDIENCE = "urn:wssgate:bench:service";
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    static final Duration LIFETIME = Duration.ofHours(1);

    private Messages() {
    }

    /** A signed request of the scenario, with a Body of the given size. */
    public static byte[] signed(Scenario scenario, MessageSize size) {
        return signed(scenario, size, Instant.now());
    }

    /**
     * The same with a Timestamp created at {@code created} (an hour's lifetime): messages with
     * distinct Created values are distinct messages to a server's replay detection.
     */
    public static byte[] signed(Scenario scenario, MessageSize size, Instant created) {
        BenchKeys keys = BenchKeys.get();
        MessageBuilder message = TestMessages.soap11(BodyGenerator.ofSize(size.bodyBytes())).timestamp(created, LIFETIME);
        return switch (scenario) {
            case X509 -> message.signWith(keys.client, KeyIdType.BST).build();
            case SAML_HOK -> message.saml(SamlSpec.saml2().signedBy(keys.idp).holderOfKey(keys.alice)
                    .audienceRestriction(AUDIENCE)
                    .validity(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(LIFETIME))).build();
        };
    }

    /** The same envelope before any security is added: what outbound systems start from. */
    public static byte[] unsecured(MessageSize size) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + TestMessages.SOAP11_NS
                + "\"><soap:Header/><soap:Body>" + BodyGenerator.ofSize(size.bodyBytes())
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }
}
