package io.wssgate.examples.jaxws.xds;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.MTOM;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An IHE XDS.b-style document repository (ITI-41 Provide and Register Document Set-b): documents
 * arrive as MTOM attachments, the request under a SAML 2.0 holder-of-key assertion (as IHE XUA
 * sends it). {@code @WssGateEndpoint(policy = "xds-repository")} is all the security there is:
 * WSS Gate checks the MIME package on the wire, verifies the assertion and the signature over
 * the Body, whose XOP content is the documents, and Metro hands this class the very octets that
 * were signed. It stores nothing; it answers what it would have stored.
 */
@MTOM
@WebService(serviceName = "DocumentRepository_Service", portName = "DocumentRepository_Port_Soap11",
        targetNamespace = Xds.XDSB)
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
@WssGateEndpoint(policy = "xds-repository")
public class DocumentRepositoryEndpoint {
    @Resource
    private WebServiceContext context;

    @WebMethod(operationName = "DocumentRepository_ProvideAndRegisterDocumentSet-b", action = Xds.ACTION)
    @WebResult(name = "RegistryResponse", targetNamespace = Xds.RS)
    public RegistryResponse provideAndRegister(@WebParam(name = "ProvideAndRegisterDocumentSetRequest",
            targetNamespace = Xds.XDSB) ProvideAndRegisterDocumentSetRequest request) {
        List<String> stored = request.getDocuments().stream()
                .map(d -> d.getId() + ":" + d.getContent().length + ":" + sha256(d.getContent())).toList();
        return new RegistryResponse(Xds.SUCCESS, context.getUserPrincipal().getName(), stored);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
