package io.wssgate.filter.interop;

import io.wssgate.jaxws.SecurityHeaderClaim;
import jakarta.servlet.ServletConfig;
import jakarta.xml.ws.handler.Handler;
import java.util.List;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * CXF's servlet transport with a plain {@link CxfCallerEndpoint} (no CXF WS-Security at all)
 * published three times: {@code /claimed} and {@code /open} with {@link SecurityHeaderClaim} in the
 * handler chain (what {@code @HandlerChain} declares on JBossWS), and {@code /unclaimed} without it.
 */
public class ClaimingCxfServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        publish("/claimed", true);
        publish("/open", true);
        publish("/unclaimed", false);
    }

    private void publish(String address, boolean claim) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(getBus());
        factory.setServiceClass(CxfCallerEndpoint.class);
        factory.setServiceBean(new CxfCallerEndpoint());
        factory.setAddress(address);
        if (claim) {
            factory.setHandlers(List.<Handler>of(new SecurityHeaderClaim()));
        }
        factory.create();
    }
}
