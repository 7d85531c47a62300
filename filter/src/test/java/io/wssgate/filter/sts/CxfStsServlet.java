package io.wssgate.filter.sts;

import jakarta.servlet.ServletConfig;

import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * CXF's servlet transport with the STS endpoint published at {@value CxfSts#ENDPOINT_PATH} below
 * the servlet's mapping. Jetty creates it from the generated web.xml; the init-param
 * {@value #STS_ID_PARAM} names the {@link CxfSts} whose configuration it publishes.
 */
public class CxfStsServlet extends CXFNonSpringServlet {

    private static final long serialVersionUID = 1L;
    static final String STS_ID_PARAM = "sts-id";

    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        CxfSts sts = CxfSts.running(servletConfig.getInitParameter(STS_ID_PARAM));
        EndpointImpl endpoint = StsEndpoint.create(getBus(), sts);
        endpoint.publish(CxfSts.ENDPOINT_PATH);
    }
}
