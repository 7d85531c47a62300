package io.wssgate.benchmarks.exchange;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The Metro endpoint of the X.509 scenario: validated and answered with the x509-exchange policy. */
@WebService(serviceName = "X509Orders", portName = "X509OrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
@WssGateEndpoint(policy = "x509-exchange")
public class X509OrdersEndpoint extends OrdersEndpoint {
}
