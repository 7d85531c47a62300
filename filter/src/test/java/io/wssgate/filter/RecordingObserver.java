package io.wssgate.filter;

import io.wssgate.GateObserver;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.MDC;

/**
 * A GateObserver an application would name in META-INF/services: records what it is told, with
 * the SLF4J MDC as it was at that moment. Instances register themselves so a test can find the
 * one its engine created.
 */
public class RecordingObserver implements GateObserver {
    static final List<RecordingObserver> INSTANCES = new CopyOnWriteArrayList<>();

    final List<Map<String, String>> decisions = new CopyOnWriteArrayList<>();
    volatile WssGate started;
    volatile boolean closed;

    public RecordingObserver() {
        INSTANCES.add(this);
    }

    /** The instance whose engine has a policy named {@code policy}. */
    static Optional<RecordingObserver> of(String policy) {
        return INSTANCES.stream().filter(o -> o.started != null
                && o.started.policies().stream().map(PolicyRuntime::name).anyMatch(policy::equals)).findFirst();
    }

    @Override
    public void started(WssGate gate) {
        started = gate;
    }

    @Override
    public void closed(WssGate gate) {
        closed = true;
    }

    @Override
    public void accepted(String policy, WssPrincipal principal, Duration validationTime) {
        record("accepted", policy, "none");
    }

    @Override
    public void rejected(String policy, FaultCode code, Duration validationTime) {
        record("rejected", policy, code.localName());
    }

    private void record(String decision, String policy, String fault) {
        Map<String, String> seen = new HashMap<>(Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of()));
        seen.put("decision", decision);
        seen.put("policy", policy);
        seen.put("fault", fault);
        decisions.add(seen);
    }
}
