package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.CxfInbound;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.testing.TestCrypto;
import jakarta.servlet.ServletConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.rt.security.SecurityConstants;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;

/**
 * The CXF server: CXF's servlet transport on the same Jetty, publishing {@link CxfOrdersEndpoint}
 * at {@code /x509/orders} and {@code /saml/orders}, each with {@code WSS4JInInterceptor} configured
 * as CXF's documentation shows (Timestamp + Signature; Timestamp + signed SAML token + Signature,
 * trusting the same CA) and {@code DefaultCryptoCoverageChecker}, without which CXF accepts a
 * message whose Body nobody signed. CXF's replay caches stay at their defaults (on for a service).
 * Init parameter {@value #KEYS_DIR}: the directory with {@code ca.pem}.
 */
public class CxfOrdersServlet extends CXFNonSpringServlet {
    static final String KEYS_DIR = "keys-dir";
    private static final long serialVersionUID = 1L;

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        X509Certificate ca = certificate(Path.of(config.getInitParameter(KEYS_DIR), "ca.pem"));
        for (Scenario scenario : Scenario.values()) {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(getBus());
            factory.setServiceClass(CxfOrdersEndpoint.class);
            factory.setServiceBean(new CxfOrdersEndpoint());
            factory.setAddress("/" + E2eServer.path(scenario));
            factory.getInInterceptors().add(new WSS4JInInterceptor(CxfInbound.properties(scenario, TestCrypto.trusting(ca))));
            factory.getInInterceptors().add(new DefaultCryptoCoverageChecker());
            factory.setProperties(new HashMap<>(Map.of(SecurityConstants.AUDIENCE_RESTRICTIONS, Messages.AUDIENCE)));
            factory.create();
        }
    }

    private static X509Certificate certificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }
}
