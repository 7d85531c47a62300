package io.wssgate.jaxws;

import io.wssgate.InboundOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * The decision WSS Gate took on a request's bytes as they came over the wire, handed from the
 * runtime integration that saw those bytes (on Metro, the endpoint's codec) to the endpoint's
 * {@link WssGateHandler}, which then only applies it: the caller for an accepted request, the
 * fault for a rejected one.
 *
 * <p>Why not let the handler validate: a JAX-WS handler only ever sees the runtime's parsed
 * view of a message, re-serialized on demand, and that view is not the wire message (Metro
 * silently drops a second Body after the first, re-encodes the charset and unpacks MIME
 * packages), so the handler would vouch for a message nobody sent. Validating the wire bytes
 * gives the endpoint exactly the answer the Servlet filter gives, and the runtime parses only
 * the bytes the gate accepted (or decrypted).
 *
 * <p>For runtime integrations, not applications: the property lives in the exchange's
 * properties (on Metro, the packet's invocation properties, which its MessageContext reads).
 */
public final class WireOutcome {
    /** Handler-scoped exchange property holding the {@link InboundOutcome}. */
    static final String PROPERTY = "io.wssgate.jaxws.wireOutcome";

    private WireOutcome() {
    }

    /** Records the decision on a request's wire bytes in its exchange properties. */
    public static void attach(Map<String, Object> exchangeProperties, InboundOutcome outcome) {
        exchangeProperties.put(PROPERTY, outcome);
    }

    /** The recorded decision, removed so that nothing after the handler can see or reuse it. */
    static Optional<InboundOutcome> take(Map<String, Object> exchangeProperties) {
        return exchangeProperties.remove(PROPERTY) instanceof InboundOutcome outcome
                ? Optional.of(outcome) : Optional.empty();
    }
}
