package io.wssgate.jaxws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** A service whose operation binds the Routing header, so Metro knows (understands) that header. */
@WebService(name = "Routed", targetNamespace = WhoAmI.NS)
public interface Routed {
    String ROUTING_NS = "urn:wssgate:test:routing";

    @WebMethod
    String echo(@WebParam(name = "text") String text,
                @WebParam(name = "Routing", targetNamespace = ROUTING_NS, header = true) String routing);
}
