package io.wssgate.jaxws;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The web application the endpoint tests run against: key material written by the fixtures,
 * a YAML configuration found through the {@code wssgate.config} system property (the
 * annotations name only their policy), and Metro on Jetty serving a SOAP 1.1 endpoint
 * ("saml" policy), a SOAP 1.2 endpoint ("x509" policy, which can also decrypt), a Provider
 * endpoint without WSDL ("saml" policy) and an unannotated endpoint.
 */
final class SecuredEndpoints implements AutoCloseable {
    static final String AUDIENCE = "urn:wssgate:test:service";
    static final String SOAP11 = "text/xml; charset=UTF-8";
    static final String SOAP12 = "application/soap+xml; charset=UTF-8";
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";

    final TestKeys keys = TestKeys.create();
    final TestKeys.Identity client = keys.issue("client");
    final TestKeys.Identity idp = keys.issue("idp");
    final TestKeys.Identity aliceKey = keys.issue("alice-key");
    final TestKeys.Identity server = keys.issue("server");
    final MetroWebApp app;

    SecuredEndpoints(Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), keys.ca().certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("keys/idp.pem"), idp.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("keys/server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("keys/server.pem"), server.certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), yaml(ca, idpCert, serverKey, serverCert));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());
        try {
            this.app = MetroWebApp.start(dir, List.of(
                    new MetroWebApp.Endpoint("/whoami", WhoAmIEndpoint.class),
                    new MetroWebApp.Endpoint("/whoami12", WhoAmI12Endpoint.class),
                    new MetroWebApp.Endpoint("/plain", PlainEndpoint.class),
                    new MetroWebApp.Endpoint("/provider", EchoProvider.class)));
        } finally {
            // read once, at deployment: the endpoints keep their gate
            System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
        }
    }

    private static String yaml(Path ca, Path idpCert, Path serverKey, Path serverCert) {
        return """
                policies:
                  saml:
                    paths: [/whoami]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %2$s
                          certificates: [%3$s]
                      audiences: [%4$s]
                      confirmation-methods: [holder-of-key, sender-vouches]
                    roles:
                      saml-attributes: [role]
                  x509:
                    paths: [/whoami12]
                    trust:
                      certificates: [%1$s]
                    roles:
                      certificate-subjects:
                        - subject: "%7$s"
                          roles: [admin]
                    decryption:
                      key:
                        private-key: %5$s
                        certificate: %6$s
                """.formatted(ca, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, serverKey, serverCert, CLIENT_DN);
    }

    /** A HoK assertion for alice from the trusted IdP, with roles admin and clerk. */
    SamlSpec aliceAssertion(SamlSpec.Version version) {
        SamlSpec spec = version == SamlSpec.Version.SAML_20 ? SamlSpec.saml2() : SamlSpec.saml11();
        return spec.signedBy(idp).audienceRestriction(AUDIENCE).attribute("role", "admin", "clerk")
                .holderOfKey(aliceKey);
    }

    @Override
    public void close() throws Exception {
        app.close();
    }
}
