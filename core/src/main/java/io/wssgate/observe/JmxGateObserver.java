package io.wssgate.observe;

import io.wssgate.CertificateInUse;
import io.wssgate.GateObserver;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.log.GateLog;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A JMX view of an engine, for servers without Micrometer: registered as
 * {@code io.wssgate:type=WssGate,name=<policies>#<n>} in the platform MBean server when the engine
 * starts, removed when it closes (see {@link WssGateMXBean} for what it shows). Counts only
 * bounded keys (policy names, two outcomes, the eight fault codes), never callers. Enable it
 * without code with a line {@code io.wssgate.observe.JmxGateObserver} in
 * {@code META-INF/services/io.wssgate.GateObserver}; each engine gets its own instance.
 */
public final class JmxGateObserver implements GateObserver, WssGateMXBean {
    // registered through a StandardMBean of WssGateMXBean: only that interface is exposed
    public static final String DOMAIN = "io.wssgate";
    private static final GateLog LOG = GateLog.of(JmxGateObserver.class);
    /** Tells apart engines with the same policies in one JVM (two web applications, redeploys). */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MBeanServer server;
    private final Clock clock;
    private final Map<String, LongAdder> messages = new ConcurrentHashMap<>();
    private volatile WssGate gate;
    private volatile ObjectName name;

    public JmxGateObserver() {
        this(ManagementFactory.getPlatformMBeanServer(), Clock.systemUTC());
    }

    JmxGateObserver(MBeanServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** The name it is registered under while its engine runs; null before and after. */
    public ObjectName objectName() {
        return name;
    }

    @Override
    public void started(WssGate started) {
        this.gate = started;
        String policies = String.join(",", started.policies().stream().map(PolicyRuntime::name).toList());
        try {
            ObjectName candidate = new ObjectName(DOMAIN + ":type=WssGate,name="
                    + ObjectName.quote(policies + "#" + SEQUENCE.incrementAndGet()));
            server.registerMBean(new StandardMBean(this, WssGateMXBean.class, true), candidate);
            name = candidate;
        } catch (JMException | RuntimeException e) {
            LOG.warn("WSS Gate: the JMX view could not be registered: {}", e.toString());
        }
    }

    @Override
    public void closed(WssGate stopped) {
        ObjectName registered = name;
        name = null;
        if (registered != null) {
            try {
                server.unregisterMBean(registered);
            } catch (JMException e) {
                LOG.warn("WSS Gate: the JMX view could not be removed: {}", e.toString());
            }
        }
    }

    @Override
    public void accepted(String policy, WssPrincipal principal, Duration validationTime) {
        count(policy + "/accepted/none");
    }

    @Override
    public void rejected(String policy, FaultCode code, Duration validationTime) {
        count(policy + "/rejected/" + code.localName());
    }

    private void count(String key) {
        messages.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public List<String> getPolicies() {
        WssGate current = gate;
        return current == null ? List.of() : current.policies().stream().map(PolicyRuntime::name).toList();
    }

    @Override
    public long getAccepted() {
        return total("/accepted/");
    }

    @Override
    public long getRejected() {
        return total("/rejected/");
    }

    private long total(String outcome) {
        return messages.entrySet().stream().filter(e -> e.getKey().contains(outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    @Override
    public Map<String, Long> getMessages() {
        Map<String, Long> out = new TreeMap<>();
        messages.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public Map<String, String> getCertificateExpiry() {
        Map<String, String> out = new TreeMap<>();
        for (CertificateInUse c : certificates()) {
            out.put(c.policy() + "/" + c.use() + "/" + c.certificate().getSubjectX500Principal().getName(),
                    c.certificate().getNotAfter().toInstant().toString());
        }
        return out;
    }

    @Override
    public long getDaysUntilFirstCertificateExpiry() {
        Instant now = clock.instant();
        return certificates().stream().map(c -> c.certificate().getNotAfter().toInstant())
                .mapToLong(notAfter -> Duration.between(now, notAfter).toDays()).min().orElse(Long.MAX_VALUE);
    }

    private List<CertificateInUse> certificates() {
        WssGate current = gate;
        return current == null ? List.of() : current.certificates();
    }

    @Override
    public String toString() {
        return "JmxGateObserver[" + (name == null ? "not registered" : name) + "]";
    }
}
