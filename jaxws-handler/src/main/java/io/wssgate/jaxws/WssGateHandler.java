package io.wssgate.jaxws;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.soap.Namespaces;
import jakarta.xml.ws.Binding;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * WS-Security for JAX-WS, as a standard SOAP handler; one class for both sides.
 *
 * <p>As an {@link Role#ENDPOINT endpoint} handler it validates every request with its policy
 * before the endpoint runs. On Metro the request's bytes are validated as they came over HTTP,
 * before Metro parses them, by the endpoint's WSS Gate codec (installed with the handler), and
 * the handler applies that decision ({@link WireOutcome}); on other runtimes it validates the
 * runtime's parsed message. A rejected request is answered with the WS-Security fault (HTTP
 * 500) and never reaches the endpoint. An accepted one reaches it with the caller in the
 * {@link MessageContext} (the accepted request, see {@link #accepted(MessageContext)}) and in
 * {@link io.wssgate.identity.CurrentCaller} while it runs; its response (or fault) is secured
 * per the policy's {@code outbound} section, if it has one.
 *
 * <p>As a {@link Role#CLIENT client} handler it secures every request per the policy's
 * {@code outbound} section and validates every response (faults included) with its inbound rules; a failure on either way throws a
 * {@link jakarta.xml.ws.WebServiceException} from the port's method.
 *
 * <p>How to install it:
 * <ul>
 * <li>Metro endpoints: annotate the endpoint class with {@link WssGateEndpoint}; nothing else
 * (Metro also answers {@code WebServiceContext.getUserPrincipal()} from the validated caller);</li>
 * <li>clients on any runtime: {@link WssGateClient#secure(Object, String)};</li>
 * <li>endpoints on other runtimes (CXF, ...): declare it with {@code @HandlerChain}. The
 * runtime then creates it through a no-argument constructor, so declare a subclass such as
 * {@code public class OrdersSecurity extends WssGateHandler { public OrdersSecurity() {
 * super("orders", Role.ENDPOINT); } }}. The caller is then in the MessageContext and
 * CurrentCaller, but {@code WebServiceContext.getUserPrincipal()} is the runtime's own.</li>
 * </ul>
 *
 * <p>Wherever it is declared, it must be the last handler of the chain: JAX-WS runs inbound
 * messages through the chain from its end, so the last handler is the one next to the wire,
 * which sees requests before any other handler and secures messages after every other handler
 * has changed them. {@link #installOn(Binding)} puts it there.
 *
 * <p>Thread-safe: one instance serves all exchanges; per-exchange state lives in the context.
 */
public class WssGateHandler implements SOAPHandler<SOAPMessageContext> {
    /** The header this handler processes, so a {@code mustUnderstand="1"} Security header is understood. */
    public static final QName SECURITY_HEADER = Namespaces.SECURITY_HEADER;
    /**
     * A WSS 1.1 encrypted header block, which WSS4J-based senders always mark
     * {@code mustUnderstand="1"}: WSS Gate decrypts it (replacing it by the header it holds) or
     * refuses the message, so one addressed to this endpoint is never left not understood.
     */
    public static final QName ENCRYPTED_HEADER = Namespaces.ENCRYPTED_HEADER;

    /**
     * The message WSS Gate accepted, from a MessageContext (application scope): on an endpoint
     * the request (its caller, principal, policy), in a client port's response context the
     * validated response (who answered). One typed property, {@link InboundOutcome.Accepted#KEY}.
     */
    public static Optional<InboundOutcome.Accepted> accepted(MessageContext context) {
        return context.get(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted accepted
                ? Optional.of(accepted) : Optional.empty();
    }

    /** Which side of the exchange the handler guards. */
    public enum Role { ENDPOINT, CLIENT }

    private final PolicyRuntime policy;
    private final Role role;
    private final EndpointSide endpoint;
    private final ClientSide client;

    public WssGateHandler(PolicyRuntime policy, Role role) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.role = Objects.requireNonNull(role, "role");
        this.endpoint = new EndpointSide(policy);
        this.client = new ClientSide(policy);
    }

    /**
     * The named policy of the configuration found the default way ({@link GateRegistry}); for
     * subclasses with a no-argument constructor, as {@code @HandlerChain} needs.
     *
     * @throws io.wssgate.config.ConfigurationException if there is no usable configuration or no such policy
     */
    protected WssGateHandler(String policyName, Role role) {
        this(GateRegistry.policy("", policyName, Thread.currentThread().getContextClassLoader()), role);
    }

    public PolicyRuntime policy() {
        return policy;
    }

    public Role role() {
        return role;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        boolean outbound = Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY));
        if (role == Role.ENDPOINT) {
            if (outbound) {
                endpoint.secureResponse(context);
            } else {
                endpoint.validateRequest(context);
            }
        } else if (outbound) {
            client.secureRequest(context);
        } else {
            client.validateResponse(context);
        }
        return true;
    }

    /** Faults are messages like any other: an endpoint's fault is secured, a server's fault validated. */
    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return handleMessage(context);
    }

    @Override
    public void close(MessageContext context) {
        if (role == Role.ENDPOINT) {
            endpoint.endCallerScope(context);
        }
    }

    /**
     * The headers WSS Gate processes: the Security header and the encrypted headers it decrypts.
     * The runtime checks mustUnderstand against these before any handler runs; a decrypted
     * header becomes an ordinary header of the message the endpoint receives.
     */
    @Override
    public Set<QName> getHeaders() {
        return Set.of(SECURITY_HEADER, ENCRYPTED_HEADER);
    }

    /**
     * Makes this handler the last of the binding's chain (next to the wire), replacing any
     * WssGateHandler already there so a message is never secured or validated twice.
     */
    @SuppressWarnings("rawtypes") // the JAX-WS API's own type
    public void installOn(Binding binding) {
        List<Handler> chain = new ArrayList<>(binding.getHandlerChain());
        chain.removeIf(WssGateHandler.class::isInstance);
        chain.add(this);
        binding.setHandlerChain(chain);
    }

    @Override
    public String toString() {
        return "WssGateHandler[" + role + ", policy=" + policy.name() + "]";
    }
}
