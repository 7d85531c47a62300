package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.exchange.OrdersEndpoint;
import io.wssgate.benchmarks.exchange.OrdersService;
import jakarta.jws.WebService;

/** The same endpoint published by CXF ({@link CxfOrdersServlet}); CXF's security context names the caller. */
@WebService(serviceName = "Orders", portName = "OrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
public class CxfOrdersEndpoint extends OrdersEndpoint {
}
