package io.wssgate.filter.interop;

import java.net.URI;
import java.util.Map;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;

/**
 * CXF client proxies built with CXF's own factory bean (not {@code jakarta.xml.ws.Service}, whose
 * runtime depends on which {@code jakarta.xml.ws.spi.Provider} is found first: Metro is on this
 * classpath too).
 */
final class CxfClients {
    private CxfClients() {
    }

    /** A proxy for {@code address} whose requests WSS4JOutInterceptor secures with {@code security}. */
    static InteropService port(URI address, Map<String, Object> security) {
        return port(address, security, null);
    }

    /**
     * The same for {@code profile}: where it sends an encrypted assertion, the signed message's
     * assertion is then encrypted for {@code keys}' server ({@link CxfAssertionEncryption}).
     */
    static InteropService port(URI address, Profile profile, InteropKeys keys) throws Exception {
        return port(address, CxfSecurityProperties.client(profile, keys),
                profile.encryptsAssertion ? new CxfAssertionEncryption(keys.server.certificate()) : null);
    }

    private static InteropService port(URI address, Map<String, Object> security, CxfAssertionEncryption encryption) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InteropService.class);
        factory.setAddress(address.toString());
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(security));
        if (encryption != null) {
            factory.getOutInterceptors().add(encryption);
        }
        return (InteropService) factory.create();
    }
}
