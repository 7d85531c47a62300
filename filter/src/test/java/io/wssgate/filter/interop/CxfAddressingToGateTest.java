package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Apache CXF client with WS-Addressing on (its {@code WSAddressingFeature}), signing the
 * addressing headers with WSS4JOutInterceptor as a CXF user configures it, calling WSS Gate's
 * filter where policy {@code cxf-wsa} requires signed wsa:To, wsa:Action and wsa:MessageID: its
 * {@code whoami} is accepted, told apart by CXF's own wsa:Action; the same client calling the
 * stricter operation {@code echo} (role buyer) is refused with wsse:FailedAuthentication; and
 * the same client not signing its addressing headers is refused with wsse:FailedCheck. The
 * application never runs for a refused call.
 */
class CxfAddressingToGateTest {
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static InteropKeys keys;
    static GateApp gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        gate = GateApp.start(dir, keys);
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @Test
    void addressedAndSignedCallIsAcceptedAsItsOperation() throws Exception {
        InteropService port = port(true);

        assertThat(port.whoami()).isEqualTo("principal=" + InteropKeys.CLIENT_DN + ";roles=admin,user");
        assertThat(port.whoami()).as("a second call, a fresh MessageID").startsWith("principal=");
    }

    @Test
    void theSameClientCallingTheStricterOperationIsRefused() throws Exception {
        int before = CallerServlet.INVOCATIONS.get();

        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, () -> port(true).echo("order 1"));

        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("FailedAuthentication");
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);
    }

    @Test
    void unsignedAddressingHeadersAreRefused() throws Exception {
        int before = CallerServlet.INVOCATIONS.get();

        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, () -> port(false).whoami());

        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("FailedCheck");
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);
    }

    /** A CXF proxy with WS-Addressing, signing Timestamp and Body, and its addressing headers if {@code signAddressing}. */
    private static InteropService port(boolean signAddressing) throws Exception {
        Map<String, Object> security = CxfSecurityProperties.client(Profile.X509_TIMESTAMP_SIGNATURE, keys);
        if (signAddressing) {
            security.put(ConfigurationConstants.SIGNATURE_PARTS, CxfSecurityProperties.TIMESTAMP_AND_BODY
                    + ";{Element}{" + WSA + "}To;{Element}{" + WSA + "}Action;{Element}{" + WSA + "}MessageID");
        }
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InteropService.class);
        URI address = gate.filter(GateConfig.ADDRESSED_PATH);
        factory.setAddress(address.toString());
        factory.getFeatures().add(new WSAddressingFeature());
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(security));
        return (InteropService) factory.create();
    }
}
