package io.wssgate.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.benchmarks.BenchKeys;
import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each secured server of the end-to-end benchmark in a JVM of its own, as the benchmark starts
 * it: each distinct signed message is answered with the acknowledgement naming its caller, the
 * same message again is refused with a fault (replay detection is on in every one, CXF's at its
 * defaults, so the benchmark must send distinct messages), and {@code /stats} answers outside
 * the security mappings. The JVM is stopped at the end.
 */
class E2eServerTest {

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"FILTER", "METRO_GATE", "CXF"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSecuredServerAcceptsEachSignedMessageOnceAndRefusesItsReplay(Variant variant, @TempDir Path dir)
            throws Exception {
        BenchKeys keys = BenchKeys.get();
        E2eConfig.write(keys);
        String path = E2eServer.CONTEXT + "/" + E2eServer.path(Scenario.X509);
        Instant now = Instant.now();
        byte[] first = Messages.signed(Scenario.X509, MessageSize.KB_1, now);
        byte[] second = Messages.signed(Scenario.X509, MessageSize.KB_1, now.minusMillis(1));

        // not pinned: this is about the server's behaviour, and a build machine may lack taskset
        try (PinnedJvm server = PinnedJvm.start(List.of(), List.of("-Xmx256m"), E2eServer.class,
                List.of(variant.id(), keys.dir.toString()), dir.resolve("server.log"));
             HttpConnection connection = new HttpConnection(port(server))) {
            HttpConnection.Response accepted = connection.post(path, ByteBuffer.wrap(first));
            HttpConnection.Response other = connection.post(path, ByteBuffer.wrap(second));
            HttpConnection.Response replayed = connection.post(path, ByteBuffer.wrap(first));
            HttpConnection.Response stats = connection.get(E2eServer.CONTEXT + "/stats");

            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.text()).contains("accepted</").contains("CN=client");
            assertThat(other.status()).isEqualTo(200);
            assertThat(replayed.status()).isEqualTo(500);
            assertThat(replayed.text()).contains(":Fault>").doesNotContain("accepted</");
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.text()).containsPattern("\"cpuNanos\":[1-9]");
        }
    }

    private static int port(PinnedJvm server) throws Exception {
        String line = server.firstLine();
        assertThat(line).startsWith("PORT ");
        return Integer.parseInt(line.substring(5).trim());
    }
}
