package io.wssgate.jaxws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** The client view of {@link DocumentEndpoint}. */
@WebService(name = "DocumentEndpoint", targetNamespace = DocumentEndpoint.NS)
public interface DocumentStore {
    @WebMethod
    String store(@WebParam(name = "document") byte[] document);
}
