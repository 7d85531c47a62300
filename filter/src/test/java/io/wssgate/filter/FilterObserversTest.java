package io.wssgate.filter;

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
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observers without code: a web application names them in
 * WEB-INF/classes/META-INF/services/io.wssgate.GateObserver and the filter declared in web.xml
 * uses them (the ready-made JMX view and Micrometer observer, and one of the application's own).
 * (The SLF4J MDC of each message is tested in the Spring Boot module, whose logging backend has
 * one: slf4j-simple, used here, ignores the MDC.)
 */
class FilterObserversTest {
    static final TestKeys KEYS = TestKeys.create();
    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    @Test
    void observersNamedInMetaInfServicesCountEveryDecision(@TempDir Path dir) throws Exception {
        declareObservers(dir, JmxGateObserver.class.getName(), MicrometerGateObserver.class.getName(),
                RecordingObserver.class.getName());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        ObjectName view;
        try (JettyWebApp app = JettyWebApp.start(dir, guarding("observed", dir))) {
            assertThat(app.post("/services/x", signed(), SecuredApp.SOAP11).statusCode()).isEqualTo(200);
            assertThat(app.post("/services/x", TestMessages.soap11().build(), SecuredApp.SOAP11).statusCode())
                    .isEqualTo(500);

            view = viewOf("observed");
            assertThat(MBEANS.getAttribute(view, "Accepted")).isEqualTo(1L);
            assertThat(MBEANS.getAttribute(view, "Rejected")).isEqualTo(1L);
            assertThat(tabular(MBEANS.getAttribute(view, "Messages")))
                    .containsEntry("observed/accepted/none", 1L)
                    .containsEntry("observed/rejected/InvalidSecurity", 1L);
            assertThat(tabular(MBEANS.getAttribute(view, "CertificateExpiry")))
                    .containsKey("observed/trust/" + KEYS.ca().certificate().getSubjectX500Principal().getName());
            assertThat((Long) MBEANS.getAttribute(view, "DaysUntilFirstCertificateExpiry")).isPositive();

            assertThat(registry.get(MicrometerGateObserver.MESSAGES).tags("policy", "observed", "outcome", "rejected",
                    "fault", "InvalidSecurity").counter().count()).isEqualTo(1.0);
            assertThat(registry.get(MicrometerGateObserver.CERTIFICATE_EXPIRY).tag("policy", "observed")
                    .gauge().value()).isGreaterThan(Duration.ofDays(1).toSeconds());
            assertThat(RecordingObserver.of("observed").orElseThrow().decisions).hasSize(2);
        } finally {
            Metrics.removeRegistry(registry);
        }
        assertThat(MBEANS.isRegistered(view)).as("the view leaves with the web application").isFalse();
        assertThat(RecordingObserver.of("observed").orElseThrow().closed).isTrue();
    }

    private static byte[] signed() throws Exception {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(1)).signWith(KEYS.issue("client"), KeyIdType.BST)
                .build();
    }

    private static Map<String, String> guarding(String policy, Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        return Map.of("policies." + policy + ".paths", "/services/*",
                "policies." + policy + ".trust.certificates", ca.toString());
    }

    private static void declareObservers(Path dir, String... classNames) throws Exception {
        Path services = Files.createDirectories(dir.resolve("webapp/WEB-INF/classes/META-INF/services"));
        Files.writeString(services.resolve("io.wssgate.GateObserver"), String.join("\n", classNames) + "\n");
    }

    private static ObjectName viewOf(String policy) throws Exception {
        Set<ObjectName> names = MBEANS.queryNames(new ObjectName(JmxGateObserver.DOMAIN + ":type=WssGate,*"), null);
        for (ObjectName name : names) {
            if (((java.util.List<?>) java.util.Arrays.asList((String[]) MBEANS.getAttribute(name, "Policies")))
                    .contains(policy)) {
                return name;
            }
        }
        throw new AssertionError("no JMX view of policy " + policy + " among " + names);
    }

    private static Map<String, Object> tabular(Object value) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (Object row : ((TabularData) value).values()) {
            CompositeData entry = (CompositeData) row;
            out.put((String) entry.get("key"), entry.get("value"));
        }
        return out;
    }
}
