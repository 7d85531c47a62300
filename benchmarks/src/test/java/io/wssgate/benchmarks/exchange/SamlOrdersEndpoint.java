package io.wssgate.benchmarks.exchange;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The Metro endpoint of the SAML holder-of-key scenario: validated and answered with the saml-exchange policy. */
@WebService(serviceName = "SamlOrders", portName = "SamlOrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
@WssGateEndpoint(policy = "saml-exchange")
public class SamlOrdersEndpoint extends OrdersEndpoint {
}
