package io.wssgate.benchmarks;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.ws.security.SecurityConstants;

/**
 * A CXF bus configured the way the comparison needs: CXF's replay caches, on by default for
 * a service, switched off (our benchmarks run without replay detection too), and the SAML
 * audience our policy requires. Properties on the bus are contextual properties of every
 * message, exactly as if set on an endpoint.
 */
final class CxfBus {
    private CxfBus() {
    }

    static Bus create() {
        Bus bus = BusFactory.newInstance().createBus();
        bus.setProperty(SecurityConstants.ENABLE_NONCE_CACHE, false);
        bus.setProperty(SecurityConstants.ENABLE_TIMESTAMP_CACHE, false);
        bus.setProperty(SecurityConstants.ENABLE_SAML_ONE_TIME_USE_CACHE, false);
        bus.setProperty(org.apache.cxf.rt.security.SecurityConstants.AUDIENCE_RESTRICTIONS, Messages.AUDIENCE);
        return bus;
    }

    /** A fresh SOAP message in a fresh exchange, as CXF's transport creates one per request. */
    static SoapMessage newMessage(Bus bus, boolean inbound) {
        SoapMessage message = new SoapMessage(new MessageImpl());
        Exchange exchange = new ExchangeImpl();
        exchange.put(Bus.class, bus);
        if (inbound) {
            exchange.setInMessage(message);
        } else {
            exchange.setOutMessage(message);
        }
        return message;
    }
}
