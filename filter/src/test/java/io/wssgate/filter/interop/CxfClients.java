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
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InteropService.class);
        factory.setAddress(address.toString());
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(security));
        return (InteropService) factory.create();
    }
}
