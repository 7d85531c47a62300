package io.wssgate.jaxws;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.Reply;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.SoapVersion;
import java.util.Map;
import java.util.Optional;

/**
 * Securing an endpoint's response where it is written to the wire instead of in the handler:
 * the runtime integration that writes the response (on Metro, the head of the endpoint's
 * tubeline) {@link #offer offers} it for each request; the endpoint's {@link WssGateHandler}
 * then decides as always whether and for which request the response is secured, and hands that
 * decision over ({@link Pending}) instead of securing the runtime's SAAJ view of the message.
 *
 * <p>Why: a handler only sees the response as a SAAJ message, so securing it there costs a
 * conversion to SAAJ, a serialization for the core, and a parse of the secured bytes back into
 * SAAJ, which the runtime serializes once more. The integration serializes the runtime's own
 * message once and writes the secured bytes as they are, and the response is secured after
 * everything in the runtime that still changes it.
 *
 * <p>For runtime integrations, not applications: the properties live in the exchange's
 * properties (on Metro, the packet's invocation properties, which its MessageContext reads).
 */
public final class WireResponse {
    /** Exchange property: the runtime integration secures this exchange's response at the wire. */
    static final String OFFERED = "io.wssgate.jaxws.wireResponse.offered";
    /** Exchange property holding the {@link Pending} securing, from the handler to the integration. */
    static final String PENDING = "io.wssgate.jaxws.wireResponse.pending";

    private WireResponse() {
    }

    /** Called by the integration for every request whose response it writes (and can secure). */
    public static void offer(Map<String, Object> exchangeProperties) {
        exchangeProperties.put(OFFERED, Boolean.TRUE);
    }

    /** Whether the integration takes over securing this exchange's response. */
    static boolean offered(Map<String, Object> exchangeProperties) {
        return Boolean.TRUE.equals(exchangeProperties.get(OFFERED));
    }

    /** The handler's decision: secure the response for {@code request} (empty: the handler accepted none). */
    static void defer(Map<String, Object> exchangeProperties, Optional<InboundOutcome.Accepted> request) {
        exchangeProperties.put(PENDING, new Pending(request));
    }

    /**
     * The securing the handler handed over, removed so it is done once; empty when the handler
     * secures nothing for this response (the policy has no outbound section, or the request was refused).
     */
    public static Optional<Pending> take(Map<String, Object> exchangeProperties) {
        exchangeProperties.remove(OFFERED);
        return exchangeProperties.remove(PENDING) instanceof Pending pending ? Optional.of(pending) : Optional.empty();
    }

    /**
     * Puts the correlation id of a response replaced by a fault into the HTTP response headers
     * the runtime exposes in the exchange's properties, as the Servlet filter sends it.
     */
    public static void correlationHeader(Map<String, Object> exchangeProperties, String correlationId) {
        EndpointFaults.correlationHeader(exchangeProperties, correlationId);
    }

    /** What the handler decided for a response: which request it answers. */
    public record Pending(Optional<InboundOutcome.Accepted> request) {

        /**
         * The response secured for its request, or the generic server fault when it cannot be:
         * the client must never receive a half-secured message, nor learn why.
         *
         * @param version the SOAP version the response is written in
         * @param response reads the response as the bytes the core secures
         */
        public Reply secure(ServerExchange exchange, SoapVersion version, ResponseBytes response) {
            if (request.isEmpty()) {
                // only a request this handler accepted can have a response to secure
                return exchange.serverFault(version, "no validated request for this response");
            }
            byte[] bytes;
            try {
                bytes = response.read();
            } catch (Exception e) {
                return exchange.serverFault(version, "cannot read the response: " + e.getMessage());
            }
            // the request's correlation id and policy are in the MDC while its response is secured
            try (var log = ServerExchange.logContext(request.get())) {
                return exchange.reply(request.get(), bytes);
            }
        }
    }

    /** The response as the serialized envelope the core secures. */
    @FunctionalInterface
    public interface ResponseBytes {
        byte[] read() throws Exception;
    }
}
