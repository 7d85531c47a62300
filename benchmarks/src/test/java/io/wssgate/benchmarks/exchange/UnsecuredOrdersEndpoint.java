package io.wssgate.benchmarks.exchange;

import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/**
 * The same Metro endpoint without WSS Gate (no {@code @WssGateEndpoint}): what Metro, JAXB and
 * the application cost by themselves, the other half of the reference the secured endpoint is
 * read against (with the core alone). Nobody is authenticated, so it answers an anonymous caller.
 */
@WebService(serviceName = "UnsecuredOrders", portName = "UnsecuredOrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
public class UnsecuredOrdersEndpoint extends OrdersEndpoint {
    /** The name the unsecured endpoint answers with. */
    static final String ANONYMOUS = "anonymous";

    @Override
    String caller(WebServiceContext context) {
        return ANONYMOUS;
    }
}
