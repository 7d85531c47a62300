package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.exchange.Ack;
import io.wssgate.benchmarks.exchange.OrderBatch;
import io.wssgate.benchmarks.exchange.OrdersService;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceException;

/** The Metro endpoint without security: the same operation and answer, with no caller to name. */
@WebService(serviceName = "Orders", portName = "OrdersPort", targetNamespace = OrdersService.NS,
        endpointInterface = "io.wssgate.benchmarks.exchange.OrdersService")
public class PlainOrdersEndpoint implements OrdersService {
    @Override
    public Ack submit(OrderBatch batch) {
        if (batch == null || batch.orders.isEmpty()) {
            throw new WebServiceException("no orders in the request");
        }
        Ack ack = new Ack();
        ack.caller = "anonymous";
        ack.status = "accepted";
        return ack;
    }
}
