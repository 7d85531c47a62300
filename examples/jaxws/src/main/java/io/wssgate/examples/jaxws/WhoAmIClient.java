package io.wssgate.examples.jaxws;

import io.wssgate.jaxws.WssGateClient;
import jakarta.xml.ws.Service;
import java.net.MalformedURLException;
import java.net.URI;
import javax.xml.namespace.QName;

/**
 * A caller of the whoami service as an application writes one: a Metro port created from the
 * service's WSDL, secured by annotation. Policy {@code whoami-client} makes every request carry a
 * self-issued SAML 2.0 holder-of-key assertion for alice, signed with the client's key, and
 * checks that every answer is signed by a certificate of the example CA and confirms the
 * request's signature.
 */
public final class WhoAmIClient {
    /** The caller's own configuration, pinned: it stays the example's whatever the endpoint is pointed at. */
    public static final String CONFIG = "classpath:whoami-client.yaml";
    private static final QName SERVICE = new QName(WhoAmI.NS, "WhoAmIService");
    private static final QName PORT = new QName(WhoAmI.NS, "WhoAmIPort");

    @WssGateClient.Secured(policy = "whoami-client", config = WhoAmIClient.CONFIG)
    private final WhoAmI port;

    /** @param endpoint the address of the endpoint, e.g. {@code http://localhost:8080/whoami} */
    public WhoAmIClient(URI endpoint) {
        try {
            this.port = Service.create(URI.create(endpoint + "?wsdl").toURL(), SERVICE).getPort(PORT, WhoAmI.class);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + endpoint, e);
        }
        WssGateClient.secureAnnotated(this);
    }

    /** Calls whoami; a request that cannot be secured or an answer that fails validation throws WebServiceException. */
    public WhoAmIResponse whoami() {
        return port.whoami(new WhoAmIRequest());
    }
}
