package io.wssgate.filter.sts;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The STS scenarios' world: a CXF STS, and one web application (filter + StsScenarioServlet)
 * hosting the provider and the delegating middle service, with the client policies in the same
 * YAML file, found by WssGateClient through the {@code wssgate.config} system property.
 */
final class StsScenarios {
    static final String AUDIENCE = "urn:wssgate:provider";
    static final String IDP = SamlSpec.DEFAULT_ISSUER;

    private StsScenarios() {
    }

    static String request() {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<r:whoami xmlns:r=\"urn:wssgate:example\"/></soap:Body></soap:Envelope>";
    }

    static String response(String name) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<r:whoamiResponse xmlns:r=\"urn:wssgate:example\">" + name + "</r:whoamiResponse>"
                + "</soap:Body></soap:Envelope>";
    }

    /** Writes keys and the YAML; returns the YAML path. */
    static Path configure(Path dir, TestKeys keys, TestKeys.Identity client, TestKeys.Identity idp, CxfSts sts,
                          String unreachable) throws Exception {
        Path stsCert = TestKeys.writePem(dir.resolve("sts.pem"), sts.signingCertificate());
        Path idpCert = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), client.certificate());
        return Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  provider:                 # trusts nothing but the STS's signing certificate
                    paths: [/provider/*]
                    signature: { required: false }
                    saml:
                      issuers: [{ name: "%1$s", certificates: [%2$s] }]
                      audiences: [%3$s]
                      confirmation-methods: [bearer, holder-of-key]
                  provider-hok:
                    paths: [/provider-hok/*]
                    saml:
                      issuers: [{ name: "%1$s", certificates: [%2$s] }]
                      audiences: [%3$s]
                      confirmation-methods: [holder-of-key]
                  provider-validating:      # also asks the STS, which only vouches for its own tokens
                    paths: [/provider-validating/*]
                    signature: { required: false }
                    saml:
                      issuers: [{ name: "%1$s", certificates: [%2$s] }, { name: "%4$s", certificates: [%5$s] }]
                      audiences: [%3$s]
                      confirmation-methods: [bearer]
                      sts-validation:
                        endpoint: %6$s
                        authentication: { username: wsp, password: wsp-pw }
                  middle:                   # users arrive with an IdP token
                    paths: [/middle/*]
                    signature: { required: false }
                    saml:
                      issuers: [{ name: "%4$s", certificates: [%5$s] }]
                      audiences: [urn:wssgate:middle]
                      confirmation-methods: [bearer]
                  client-bearer:
                    paths: [/client-bearer]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          applies-to: %3$s
                          authentication: { username: wsc, password: wsc-pw }
                          refresh-before: 4s
                  client-caching:           # used by the caching test alone, so its cache starts empty
                    paths: [/client-caching]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          applies-to: %3$s
                          authentication: { username: wsc, password: wsc-pw }
                          refresh-before: 4s
                  client-fault:             # never used before the fault test: its first call must ask the STS
                    paths: [/client-fault]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          applies-to: %3$s
                          authentication: { username: wsc, password: wsc-pw }
                  client-saml11:
                    paths: [/client-saml11]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          version: "1.4"
                          applies-to: %3$s
                          token-type: saml11
                          lifetime: 1m
                          authentication: { username: wsc, password: wsc-pw, password-type: text }
                  client-hok:
                    paths: [/client-hok]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          applies-to: %3$s
                          key-type: public-key
                          authentication: { key: { private-key: %7$s, certificate: %8$s } }
                      signature:
                        key: { private-key: %7$s, certificate: %8$s }
                  delegating-client:
                    paths: [/delegating-client]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: sts
                        sts:
                          endpoint: %6$s
                          applies-to: %3$s
                          delegation: on-behalf-of
                          authentication: { username: wsc, password: wsc-pw }
                  client-sts-down:
                    paths: [/client-sts-down]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      token:
                        source: sts
                        sts:
                          endpoint: %9$s
                          applies-to: %3$s
                          authentication: { username: wsc, password: wsc-pw }
                          timeout: 2s
                """.formatted(sts.issuer(), stsCert, AUDIENCE, IDP, idpCert, sts.endpoint(), clientKey, clientCert,
                unreachable));
    }

}
