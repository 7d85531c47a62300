package io.wssgate.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys WSS Gate sets while it handles a message, so every log line written
 * meanwhile (WSS4J's, Santuario's, the application's while it runs for an accepted request)
 * carries them: {@value #CORRELATION_ID} (the id a fault and the rejection line carry),
 * {@value #POLICY}, and once decided {@value #OUTCOME} ({@code accepted} or {@code rejected})
 * with {@value #FAULT} for a rejection. A scope restores the values it found when it closes, so
 * a client call made while a request is handled gets its own id and then gives the request's
 * back. Closed on the thread that opened it, as the MDC is per thread.
 */
public final class GateMdc {
    public static final String CORRELATION_ID = "wssgate.correlationId";
    public static final String POLICY = "wssgate.policy";
    public static final String OUTCOME = "wssgate.outcome";
    public static final String FAULT = "wssgate.fault";

    private GateMdc() {
    }

    /** Opens a scope for the message {@code correlationId} under {@code policy}, outcome not yet known. */
    public static Scope open(String correlationId, String policy) {
        Scope scope = new Scope();
        scope.put(CORRELATION_ID, correlationId);
        scope.put(POLICY, policy);
        scope.put(OUTCOME, null);
        scope.put(FAULT, null);
        return scope;
    }

    /** Opens a scope for an accepted message, e.g. while the application runs for it. */
    public static Scope accepted(String correlationId, String policy) {
        Scope scope = open(correlationId, policy);
        scope.accepted();
        return scope;
    }

    /** The keys set for one message; {@link #close()} puts back what was there before. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, String> previous = new LinkedHashMap<>();

        private Scope() {
        }

        private void put(String key, String value) {
            if (!previous.containsKey(key)) {
                previous.put(key, MDC.get(key));
            }
            set(key, value);
        }

        public void accepted() {
            put(OUTCOME, "accepted");
        }

        public void rejected(String faultCode) {
            put(OUTCOME, "rejected");
            put(FAULT, faultCode);
        }

        @Override
        public void close() {
            previous.forEach(GateMdc::set);
            previous.clear();
        }
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
