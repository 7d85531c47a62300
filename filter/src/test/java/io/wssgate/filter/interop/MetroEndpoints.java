package io.wssgate.filter.interop;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our JAX-WS endpoints on Metro, one class per service policy of {@link GateConfig}: nothing
 * but {@link WssGateEndpoint} secures them. They report the caller through the standard
 * {@link WebServiceContext}.
 */
public final class MetroEndpoints {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    private MetroEndpoints() {
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
    @WssGateEndpoint(policy = "cxf-x509")
    public static class X509 extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "cxf-saml")
    public static class Saml extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "cxf-bearer")
    public static class Bearer extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "cxf-encrypted")
    public static class Encrypted extends Reporting {
    }

    @WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
            targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
    @WssGateEndpoint(policy = "cxf-encrypted-saml")
    public static class EncryptedSaml extends Reporting {
    }

    /** The endpoint class that serves callers of {@code profile}. */
    static Class<? extends Reporting> forProfile(Profile profile) {
        return switch (GateConfig.servicePolicy(profile)) {
            case "cxf-x509" -> X509.class;
            case "cxf-saml" -> Saml.class;
            case "cxf-bearer" -> Bearer.class;
            case "cxf-encrypted-saml" -> EncryptedSaml.class;
            default -> Encrypted.class;
        };
    }
}
