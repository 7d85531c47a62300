package io.wssgate.benchmarks;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /**
     * A directory where another JVM left signed requests ({@link #prepare}): a request found
     * there is read rather than signed again (with {@link BenchKeys#DIR_PROPERTY} naming its keys).
     */
    public static final String PREPARED_PROPERTY = "wssgate.bench.messages";

    /** A signed request of the scenario, with a Body of the given size. */
    public static byte[] signed(Scenario scenario, MessageSize size) {
        String prepared = System.getProperty(PREPARED_PROPERTY);
        if (prepared != null && Files.exists(Path.of(prepared, fileName(scenario, size)))) {
            try {
                return Files.readAllBytes(Path.of(prepared, fileName(scenario, size)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    /**
     * Signs the requests of every scenario at {@code size} here and writes them to {@code dir},
     * returning the JVM flags under which another JVM reads them (and this JVM's keys) back.
     */
    public static List<String> prepare(MessageSize size, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Scenario scenario : Scenario.values()) {
            Files.write(dir.resolve(fileName(scenario, size)), signed(scenario, size));
        }
        return List.of("-D" + PREPARED_PROPERTY + "=" + dir, "-D" + BenchKeys.DIR_PROPERTY + "=" + BenchKeys.get().dir);
    }

    private static String fileName(Scenario scenario, MessageSize size) {
        return scenario + "-" + size.label() + ".xml";
    }

    /** The same envelope before any security is added: what outbound systems start from. */
    public static byte[] unsecured(MessageSize size) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + TestMessages.SOAP11_NS
                + "\"><soap:Header/><soap:Body>" + BodyGenerator.ofSize(size.bodyBytes())
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }
}
