package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.exchange.OrdersEndpoint;
import io.wssgate.benchmarks.exchange.OrdersService;
import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The Metro endpoint of the SAML holder-of-key scenario, secured with the annotation. */
@WebService(serviceName = "SamlOrders", portName = "SamlOrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
@WssGateEndpoint(policy = "saml")
public class GateSamlEndpoint extends OrdersEndpoint {
}
