package io.wssgate.benchmarks.exchange;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * The service of the Metro path: one request-response operation taking the order batch as the
 * whole Body (document/literal, bare), so Metro dispatches on the Body's element and knows a
 * reply is expected (a refused request is then answered with its fault, HTTP 500).
 */
@WebService(name = "Orders", targetNamespace = OrdersService.NS)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface OrdersService {
    String NS = "urn:wssgate:bench:endpoint";

    @WebMethod
    @WebResult(name = "ack", targetNamespace = Replies.NS)
    Ack submit(@WebParam(name = "orders", targetNamespace = Replies.NS) OrderBatch orders);
}
