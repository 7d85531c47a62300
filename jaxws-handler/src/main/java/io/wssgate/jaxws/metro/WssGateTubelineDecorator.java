package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.assembler.dev.ServerTubelineAssemblyContext;
import com.sun.xml.ws.assembler.dev.TubelineAssemblyDecorator;
import io.wssgate.GatePolicy;
import io.wssgate.config.ConfigurationException;
import io.wssgate.jaxws.GateRegistry;
import io.wssgate.jaxws.WssGateEndpoint;
import io.wssgate.jaxws.WssGateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metro's hook for {@link WssGateEndpoint}: Metro finds this class through
 * META-INF/services and calls it while it assembles each endpoint's tubeline.
 *
 * <p>The handler goes in at {@link #decorateServerTail}: MetroTubelineAssembler.createServer
 * builds the tubeline from the endpoint outwards and calls decorateServerTail once, right after
 * the first (terminal) tube and before HandlerTubeFactory builds the handler tubes, which take
 * their handlers from the endpoint's binding. The binding already holds any
 * {@code @HandlerChain} or sun-jaxws.xml handlers by then (EndpointFactory sets them before
 * the endpoint assembles its tubeline), so the WSS Gate handler is appended after them,
 * next to the wire. {@link #decorateServerHead} runs last and wraps the finished tubeline
 * with {@link CallerContextTube}.
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
            GatePolicy policy = policyFor(implementation, annotation);
            new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT).installOn(endpoint.getBinding());
            LOG.info("WSS Gate secures endpoint {} ({}) with policy '{}'", endpoint.getPortName(),
                    implementation.getName(), policy.name());
        }
        return tube;
    }

    /** Any endpoint with a WSS Gate handler, annotated or declared with @HandlerChain, gets the caller delegate. */
    @Override
    public Tube decorateServerHead(Tube tube, ServerTubelineAssemblyContext context) {
        boolean secured = context.getEndpoint().getBinding().getHandlerChain().stream()
                .anyMatch(WssGateHandler.class::isInstance);
        return secured ? new CallerContextTube(tube) : tube;
    }

    /** Throwing here makes Metro refuse to deploy the endpoint, which is the point: no unprotected endpoint. */
    private static GatePolicy policyFor(Class<?> implementation, WssGateEndpoint annotation) {
        try {
            return GateRegistry.policy(annotation.config(), annotation.policy(), implementation.getClassLoader());
        } catch (ConfigurationException e) {
            LOG.error("WSS Gate refuses to deploy endpoint {}. {}", implementation.getName(), e.getMessage());
            throw e;
        }
    }
}
