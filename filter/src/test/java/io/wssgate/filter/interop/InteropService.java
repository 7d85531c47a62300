package io.wssgate.filter.interop;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/**
 * The contract both stacks implement and call in the interoperability tests (document/literal
 * wrapped, SOAP 1.1): who the service thinks the caller is, and an echo whose signed text a
 * man in the middle can change.
 */
@WebService(name = "Interop", targetNamespace = InteropService.NS)
public interface InteropService {
    String NS = "urn:wssgate:test:interop";
    String SERVICE = "InteropService";
    String PORT = "InteropPort";

    /** The caller as the service's framework reports it, see {@link CallerView}. */
    @WebMethod
    String whoami();

    @WebMethod
    String echo(@WebParam(name = "text") String text);
}
