package io.wssgate.filter.interop;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** A document upload (document/literal wrapped, SOAP 1.1), sent by CXF as MTOM or with SwA attachments. */
@WebService(name = "Documents", targetNamespace = InteropService.NS)
public interface DocumentUpload {
    @WebMethod
    String store(@WebParam(name = "document") byte[] document);
}
