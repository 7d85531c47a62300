package io.wssgate.wsit;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** The contract the WSIT client calls (document/literal wrapped, SOAP 1.1), as {@link GateServlet} serves it. */
@WebService(name = "Interop", targetNamespace = InteropService.NS)
public interface InteropService {
    String NS = "urn:wssgate:test:wsit";
    String SERVICE = "InteropService";
    String PORT = "InteropPort";
    String BINDING = "InteropBinding";

    /** The caller as the Servlet API behind the filter reports it. */
    @WebMethod
    String whoami();

    @WebMethod
    String echo(@WebParam(name = "text") String text);
}
