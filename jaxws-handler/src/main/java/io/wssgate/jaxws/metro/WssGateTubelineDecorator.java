package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.assembler.dev.ClientTubelineAssemblyContext;
import com.sun.xml.ws.assembler.dev.ServerTubelineAssemblyContext;
import jakarta.xml.ws.soap.MTOMFeature;
import com.sun.xml.ws.assembler.dev.TubelineAssemblyDecorator;
import io.wssgate.PolicyRuntime;
import io.wssgate.config.ConfigurationException;
import io.wssgate.jaxws.GateRegistry;
import io.wssgate.jaxws.WssGateEndpoint;
import io.wssgate.jaxws.WssGateHandler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metro's hook for {@link WssGateEndpoint}: Metro finds this class through
 * META-INF/services and calls it while it assembles each endpoint's tubeline (and each client
 * port's, where an MTOM port gets the request codec: {@link #decorateClient}).
 *
 * <p>The handler goes in at {@link #decorateServerTail}: MetroTubelineAssembler.createServer
 * builds the tubeline from the endpoint outwards and calls decorateServerTail once, right after
 * the first (terminal) tube and before HandlerTubeFactory builds the handler tubes, which take
 * their handlers from the endpoint's binding. The binding already holds any
 * {@code @HandlerChain} or sun-jaxws.xml handlers by then (EndpointFactory sets them before
 * the endpoint assembles its tubeline), so the WSS Gate handler is appended after them,
 * next to the wire. {@link #decorateServerHead} runs last and wraps the finished tubeline
 * with {@link WireResponseTube}, which secures the responses the handler hands it, and
 * {@link RequestPreparingTube#callerContext}.
 *
 * <p>This class, and the whole package, is only loaded by Metro; other runtimes never see it.
 */
public class WssGateTubelineDecorator extends TubelineAssemblyDecorator {
    private static final Logger LOG = LoggerFactory.getLogger(WssGateTubelineDecorator.class);

    /** For Metro's service loader. */
    public WssGateTubelineDecorator() {
    }

    @Override
    public Tube decorateServerTail(Tube tube, ServerTubelineAssemblyContext context) {
        WSEndpoint<?> endpoint = context.getEndpoint();
        Class<?> implementation = endpoint.getImplementationClass();
        WssGateEndpoint annotation = implementation.getAnnotation(WssGateEndpoint.class);
        if (annotation != null) {
            PolicyRuntime policy = policyFor(implementation, annotation);
            new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT).installOn(endpoint.getBinding());
            LOG.info("WSS Gate secures endpoint {} ({}) with policy '{}'", endpoint.getPortName(),
                    implementation.getName(), policy.name());
        }
        return tube;
    }

    /**
     * Any endpoint with a WSS Gate endpoint handler, annotated or declared with @HandlerChain,
     * gets the caller delegate and a codec that validates the request bytes as they came over the
     * wire, with that handler's policy, before Metro parses them ({@link WireValidatingCodec}).
     * Metro takes the endpoint's codec from the assembly context after the whole tubeline is
     * built, so setting it here, last, holds.
     */
    @Override
    public Tube decorateServerHead(Tube tube, ServerTubelineAssemblyContext context) {
        WSEndpoint<?> endpoint = context.getEndpoint();
        Optional<WssGateHandler> handler = endpoint.getBinding().getHandlerChain().stream()
                .filter(WssGateHandler.class::isInstance).map(WssGateHandler.class::cast)
                .filter(h -> h.role() == WssGateHandler.Role.ENDPOINT).findFirst();
        if (handler.isEmpty()) {
            return tube;
        }
        context.setCodec(new WireValidatingCodec(context.getCodec(), handler.get().policy(),
                endpoint.getBinding().getSOAPVersion()));
        if (handler.get().policy().config().wsdl().publishPolicy() && endpoint.getServiceDefinition() != null) {
            // ?wsdl answers carry the policy's WS-SecurityPolicy (wsdl.publish-policy)
            endpoint.getServiceDefinition().addFilter(new PolicyWsdlFilter(handler.get().policy().config()));
        }
        // the response is secured outside every other tube, as the last change before the codec writes it
        return RequestPreparingTube.callerContext(new WireResponseTube(tube, handler.get().policy(),
                endpoint.getBinding().getSOAPVersion()));
    }

    /**
     * On a client port with MTOM enabled the transport gets {@link SecuringRequestCodec} in front
     * of Metro's codec, so a WSS Gate client handler's request goes out as the MTOM package, secured.
     * Metro creates the transport tube first (with the context's codec at that moment) and
     * decorates it right after, while no other tube exists yet: that is when it is replaced by one
     * built with the codec. (Where a tube is already there before it, e.g. with Metro's message
     * dumping on, nothing is changed: the handler then secures requests inline.) Ports may get a
     * WSS Gate handler only after this runs ({@code WssGateClient.secure}), so every MTOM port gets it;
     * without the handler's {@link io.wssgate.jaxws.OptimisedRequest} it passes everything on.
     */
    @Override
    public Tube decorateClient(Tube tube, ClientTubelineAssemblyContext context) {
        if (context.getTubelineHead() == null && !(context.getCodec() instanceof SecuringRequestCodec)
                && context.getBinding().isFeatureEnabled(MTOMFeature.class)) {
            context.setCodec(new SecuringRequestCodec(context.getCodec()));
            return context.getWrappedContext().createTransportTube();
        }
        return tube;
    }

    /** Marks the requests of a port whose transport has the securing codec (see {@link #decorateClient}). */
    @Override
    public Tube decorateClientHead(Tube tube, ClientTubelineAssemblyContext context) {
        return context.getCodec() instanceof SecuringRequestCodec ? RequestPreparingTube.requestCodecMark(tube) : tube;
    }

    /** Throwing here makes Metro refuse to deploy the endpoint, which is the point: no unprotected endpoint. */
    private static PolicyRuntime policyFor(Class<?> implementation, WssGateEndpoint annotation) {
        try {
            return GateRegistry.policy(annotation.config(), annotation.policy(), implementation.getClassLoader());
        } catch (ConfigurationException e) {
            LOG.error("WSS Gate refuses to deploy endpoint {}. {}", implementation.getName(), e.getMessage());
            throw e;
        }
    }
}
