package io.wssgate.examples.jaxws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;

/**
 * The contract every WSS Gate example shares: {@code whoami} answers who the server thinks the
 * caller is. Document/literal bare, so the request element is exactly {@code {urn:wssgate:example}whoami}
 * and the response exactly {@code {urn:wssgate:example}whoamiResponse} with its
 * {@code principal} and {@code role} children, as in the other examples.
 */
@WebService(name = "WhoAmI", targetNamespace = WhoAmI.NS)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface WhoAmI {
    String NS = "urn:wssgate:example";

    @WebMethod(operationName = "whoami")
    @WebResult(name = "whoamiResponse", targetNamespace = NS, partName = "response")
    WhoAmIResponse whoami(@WebParam(name = "whoami", targetNamespace = NS, partName = "request") WhoAmIRequest request);
}
