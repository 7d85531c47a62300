package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.exchange.OrdersEndpoint;
import io.wssgate.benchmarks.exchange.OrdersService;
import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The Metro endpoint of the X.509 scenario, secured as users do it: the annotation and the configuration file. */
@WebService(serviceName = "X509Orders", portName = "X509OrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
@WssGateEndpoint(policy = "x509")
public class GateX509Endpoint extends OrdersEndpoint {
}
