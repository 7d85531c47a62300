package io.wssgate.filter.interop;

import jakarta.servlet.ServletConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.rt.security.SecurityConstants;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;

/**
 * CXF's servlet transport publishing one {@link CxfCallerEndpoint} per profile at {@code /<profile>},
 * each secured by WSS4JInInterceptor (requests) and WSS4JOutInterceptor (signed responses that
 * confirm the request's signature), with {@link JaxWsServerFactoryBean} so CXF is used whatever
 * {@code jakarta.xml.ws.spi.Provider} the classpath prefers.
 */
public class CxfServicesServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;
    static final String KEYS_PARAM = "keys-id";
    /** Key material by id, for the servlet Jetty creates from web.xml. */
    static final Map<String, InteropKeys> KEYS = new ConcurrentHashMap<>();

    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        InteropKeys keys = KEYS.get(servletConfig.getInitParameter(KEYS_PARAM));
        for (Profile profile : Profile.values()) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(getBus());
            factory.setServiceClass(CxfCallerEndpoint.class);
            factory.setServiceBean(new CxfCallerEndpoint());
            factory.setAddress("/" + profile.slug());
            factory.getInInterceptors().add(new WSS4JInInterceptor(CxfSecurityProperties.serviceInbound(profile, keys)));
            factory.getOutInterceptors().add(new WSS4JOutInterceptor(CxfSecurityProperties.serviceOutbound(profile, keys)));
            // roles from the assertion's "role" attribute; the audience our assertions name (by
            // default CXF accepts only its endpoint address or service name)
            factory.setProperties(new HashMap<>(Map.of(SecurityConstants.SAML_ROLE_ATTRIBUTENAME, "role",
                    SecurityConstants.AUDIENCE_RESTRICTIONS, InteropKeys.AUDIENCE)));
            factory.create();
        }
        // SwA documents from WSS Gate's client: signature (attachments included) verified by WSS4J as
        // CXF drives it; plain answers
        JaxWsServerFactoryBean documents = new JaxWsServerFactoryBean();
        documents.setBus(getBus());
        documents.setServiceClass(CxfDocumentEndpoint.class);
        documents.setServiceBean(new CxfDocumentEndpoint());
        documents.setAddress("/documents");
        documents.getInInterceptors().add(new WSS4JInInterceptor(
                CxfSecurityProperties.serviceInbound(Profile.X509_TIMESTAMP_SIGNATURE, keys)));
        documents.create();
        // the same with MTOM on: WSS4J verifies a signature over xop:Include content as XOP says
        JaxWsServerFactoryBean mtom = new JaxWsServerFactoryBean();
        mtom.setBus(getBus());
        mtom.setServiceClass(CxfDocumentEndpoint.class);
        mtom.setServiceBean(new CxfDocumentEndpoint());
        mtom.setAddress("/mtom-documents");
        mtom.setProperties(new HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        mtom.getInInterceptors().add(new WSS4JInInterceptor(
                CxfSecurityProperties.serviceInbound(Profile.X509_TIMESTAMP_SIGNATURE, keys)));
        mtom.create();
        // the same, also decrypting (attachments WSS Gate's client encrypted for the server)
        JaxWsServerFactoryBean sealed = new JaxWsServerFactoryBean();
        sealed.setBus(getBus());
        sealed.setServiceClass(CxfDocumentEndpoint.class);
        sealed.setServiceBean(new CxfDocumentEndpoint());
        sealed.setAddress("/sealed-documents");
        sealed.getInInterceptors().add(new WSS4JInInterceptor(
                CxfSecurityProperties.serviceInbound(Profile.SIGNATURE_AND_AES256_GCM_BODY, keys)));
        sealed.create();
    }
}
