package io.wssgate.filter.interop;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our Metro endpoints for the Node peer, one class per service policy of {@link NodeGateApp}:
 * nothing but {@link WssGateEndpoint} secures them.
 */
public final class NodeEndpoints {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    private NodeEndpoints() {
    }

    /** What every endpoint does; subclasses only choose the policy. */
    public abstract static class Reporting implements InteropService {
        @Resource
        private WebServiceContext context;

        @Override
        public String whoami() {
            INVOCATIONS.incrementAndGet();
            return CallerView.describe(context.getUserPrincipal(), context::isUserInRole);
        }

        @Override
        public String echo(String text) {
            INVOCATIONS.incrementAndGet();
            return text;
        }
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-x509")
    public static class X509 extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-username-token")
    public static class UsernameToken extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-username-token-signed")
    public static class SignedUsernameToken extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-saml")
    public static class Saml extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-saml-bearer")
    public static class SamlBearer extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "node-signed-responses")
    public static class SignedResponses extends Reporting {
    }
}
