package io.wssgate.jaxws;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** The service every test endpoint implements: who the endpoint thinks the caller is. */
@WebService(name = "WhoAmI", targetNamespace = WhoAmI.NS)
public interface WhoAmI {
    String NS = "urn:wssgate:test:jaxws";

    /** What the endpoint's WebServiceContext says about the caller, see {@link CallerReport}. */
    @WebMethod
    String whoami();

    /** The text it received, so a test sees the decrypted Body arrive. */
    @WebMethod
    String echo(@WebParam(name = "text") String text);

    /** One-way: a rejected request must not reach the endpoint even though no reply is expected. */
    @WebMethod
    @Oneway
    void note(@WebParam(name = "text") String text);
}
