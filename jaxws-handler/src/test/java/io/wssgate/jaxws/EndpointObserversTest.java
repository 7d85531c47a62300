package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wssgate.observe.JmxGateObserver;
import io.wssgate.observe.MicrometerGateObserver;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observers without code on the JAX-WS side: a Metro web application names the ready-made JMX
 * view and Micrometer observer in WEB-INF/classes/META-INF/services/io.wssgate.GateObserver, and
 * the engine behind its {@code @WssGateEndpoint} reports every decision to them.
 */
class EndpointObserversTest {
    static final TestKeys KEYS = TestKeys.create();
    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
        System.clearProperty(ObservedEndpoint.CONFIG_PROPERTY);
    }

    @Test
    void observersNamedInMetaInfServicesSeeEveryDecisionOfTheEndpoint(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path config = Files.writeString(dir.resolve("observed.yaml"), """
                policies:
                  observed:
                    trust:
                      certificates: [%s]
                """.formatted(ca));
        System.setProperty(ObservedEndpoint.CONFIG_PROPERTY, config.toString());
        Path services = Files.createDirectories(dir.resolve("webapp/WEB-INF/classes/META-INF/services"));
        Files.writeString(services.resolve("io.wssgate.GateObserver"),
                JmxGateObserver.class.getName() + "\n" + MicrometerGateObserver.class.getName() + "\n");
        Metrics.addRegistry(registry);

        try (MetroWebApp app = MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/observed", ObservedEndpoint.class)))) {
            byte[] valid = TestMessages.soap11(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(1))
                    .signWith(KEYS.issue("client"), KeyIdType.BST).build();
            assertThat(app.post("/observed", valid, SecuredEndpoints.SOAP11).statusCode()).isEqualTo(200);
            assertThat(app.post("/observed", SoapBodies.unsecured(SoapBodies.WHOAMI), SecuredEndpoints.SOAP11)
                    .statusCode()).isEqualTo(500);

            ObjectName view = viewOf("observed");
            assertThat(MBEANS.getAttribute(view, "Accepted")).isEqualTo(1L);
            assertThat(MBEANS.getAttribute(view, "Rejected")).isEqualTo(1L);
            assertThat(messages(view)).contains("observed/accepted/none=1", "observed/rejected/InvalidSecurity=1");
            assertThat(registry.get(MicrometerGateObserver.MESSAGES).tags("policy", "observed", "outcome", "accepted")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get(MicrometerGateObserver.MESSAGES).tags("policy", "observed", "outcome", "rejected",
                    "fault", "InvalidSecurity").counter().count()).isEqualTo(1.0);
        }
    }

    /**
     * What an operator reads on the JAX-WS side: a refusal is logged with the id its fault carries
     * and how the request arrived (method, path, remote address). (The MDC while the endpoint runs
     * is asserted by EndpointMdcTest, which runs with Logback; slf4j-simple, used here, has none.)
     */
    @Test
    void aRefusalIsLoggedWithTheRequestItRefused(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        System.setProperty(ObservedEndpoint.CONFIG_PROPERTY, Files.writeString(dir.resolve("logged.yaml"), """
                policies:
                  observed:
                    trust:
                      certificates: [%s]
                """.formatted(ca)).toString());

        try (MetroWebApp app = MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/logged", ObservedEndpoint.class)))) {
            java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
            java.io.PrintStream original = System.err;
            java.net.http.HttpResponse<byte[]> refused;
            System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                refused = app.post("/logged", SoapBodies.unsecured(SoapBodies.echo("x")), SecuredEndpoints.SOAP11);
            } finally {
                System.setErr(original);
            }
            SoapBodies.assertFault(refused, io.wssgate.fault.FaultCode.INVALID_SECURITY);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}")
                    .matcher(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(id.find()).isTrue();
            assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).containsPattern(
                    "WS-Security rejected message \\[" + id.group() + "\\] policy=observed method=POST "
                            + "path=" + MetroWebApp.CONTEXT + "/logged remote=\\S+ fault=InvalidSecurity: \\S+");
        }
    }

    private static ObjectName viewOf(String policy) throws Exception {
        for (ObjectName name : MBEANS.queryNames(new ObjectName(JmxGateObserver.DOMAIN + ":type=WssGate,*"), null)) {
            if (Arrays.asList((String[]) MBEANS.getAttribute(name, "Policies")).contains(policy)) {
                return name;
            }
        }
        throw new AssertionError("no JMX view of policy " + policy);
    }

    private static List<String> messages(ObjectName view) throws Exception {
        return ((TabularData) MBEANS.getAttribute(view, "Messages")).values().stream()
                .map(row -> ((CompositeData) row).get("key") + "=" + ((CompositeData) row).get("value")).toList();
    }
}
