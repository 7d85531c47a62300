package io.wssgate.filter.interop;

import io.wssgate.testing.LocalWebApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WSS Gate's side for the Node peer on a real Jetty 12, in one web application: our filter
 * (web.xml, {@code config-file}) in front of {@link NodeCallerServlet} at {@code /filter/<service>/service},
 * Metro endpoints with {@code @WssGateEndpoint} at {@code /metro/<service>}, and
 * {@link CaptureServlet} at {@code /capture}. The YAML is also named by the {@code wssgate.config}
 * system property while the app runs, which is where the Metro endpoints find it.
 */
final class NodeGateApp implements AutoCloseable {
    private static final String CONFIG_PROPERTY = "wssgate.config";

    /** The services, each secured by the policy {@code node-<name>} on both targets. */
    enum Service {
        X509("x509", NodeEndpoints.X509.class),
        USERNAME_TOKEN("username-token", NodeEndpoints.UsernameToken.class),
        USERNAME_TOKEN_SIGNED("username-token-signed", NodeEndpoints.SignedUsernameToken.class),
        SIGNED_RESPONSES("signed-responses", NodeEndpoints.SignedResponses.class),
        SAML("saml", NodeEndpoints.Saml.class),
        SAML_BEARER("saml-bearer", NodeEndpoints.SamlBearer.class),
        /** Filter only: responses signed by a key from a CA the Node client does not trust. */
        FOREIGN_SIGNER("foreign-signer", null);

        final String slug;
        final Class<?> endpoint;

        Service(String slug, Class<?> endpoint) {
            this.slug = slug;
            this.endpoint = endpoint;
        }
    }

    /** Where the Node client sends: our filter or our Metro endpoint. */
    enum Target {
        FILTER((app, service) -> app.server.uri("/filter/" + service.slug + "/service"), NodeCallerServlet.INVOCATIONS),
        METRO_ENDPOINT((app, service) -> app.server.uri("/metro/" + service.slug), NodeEndpoints.INVOCATIONS);

        private final BiFunction<NodeGateApp, Service, URI> address;
        final AtomicInteger invocations;

        Target(BiFunction<NodeGateApp, Service, URI> address, AtomicInteger invocations) {
            this.address = address;
            this.invocations = invocations;
        }

        URI address(NodeGateApp app, Service service) {
            return address.apply(app, service);
        }
    }

    final NodeKeys keys;
    private final LocalWebApp server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NodeGateApp(NodeKeys keys, LocalWebApp server) {
        this.keys = keys;
        this.server = server;
    }

    static NodeGateApp start(Path dir) throws Exception {
        NodeKeys keys = new NodeKeys(dir);
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), yaml(keys));
        Path webInf = Files.createDirectories(dir.resolve("gate/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(config));
        Files.writeString(webInf.resolve("sun-jaxws.xml"), sunJaxwsXml());
        System.setProperty(CONFIG_PROPERTY, config.toString());
        try {
            return new NodeGateApp(keys, LocalWebApp.start(dir.resolve("gate"), "/gate"));
        } catch (Exception e) {
            System.clearProperty(CONFIG_PROPERTY);
            throw e;
        }
    }

    /** The WSDL node-soap reads: the one Metro generates for the (identical) X.509 endpoint. */
    URI wsdl() {
        return server.uri("/metro/" + Service.X509.slug + "?wsdl");
    }

    /** Options of a node-soap call ({@code peer.js call}) without security; {@code text} is what echo sends. */
    Map<String, String> call(URI endpoint, String operation, String text) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("wsdl", wsdl().toString());
        options.put("endpoint", endpoint.toString());
        options.put("operation", operation);
        options.put("text", text);
        return options;
    }

    /**
     * The same, signed with the client's key by the security {@code profile} of peer.js
     * (lib/security.js). Except for node-soap's pure defaults, the signature also covers a fresh
     * wsa:MessageID: identical node-soap calls within one second are otherwise the same message
     * (one-second Timestamp, deterministic RSA signature), and WSS Gate refuses the second as a replay.
     */
    Map<String, String> signedCall(String profile, URI endpoint, String operation, String text) {
        Map<String, String> options = call(endpoint, operation, text);
        options.put("security", profile);
        if (!profile.equals("cert-library-defaults")) {
            options.put("messageId", "true");
        }
        options.put("key", keys.clientKey.toString());
        options.put("cert", keys.clientCert.toString());
        return options;
    }

    /**
     * A call carrying a SAML 2.0 assertion for {@code subject} with the roles admin and clerk, issued
     * and signed by the Node peer with the IdP's key; {@code profile} is saml-holder-of-key,
     * saml-sender-vouches (both also signed with the client's key) or saml-bearer.
     */
    Map<String, String> samlCall(String profile, URI endpoint, String operation, String text, String subject) {
        Map<String, String> options = signedCall(profile, endpoint, operation, text);
        options.put("idpKey", keys.idpKey.toString());
        options.put("idpCert", keys.idpCert.toString());
        options.put("samlIssuer", NodeKeys.IDP);
        options.put("samlAudience", NodeKeys.AUDIENCE);
        options.put("samlSubject", subject);
        options.put("samlRoles", "admin,clerk");
        return options;
    }

    URI capture() {
        return server.uri("/capture");
    }

    HttpResponse<byte[]> post(URI uri, byte[] message) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String yaml(NodeKeys k) {
        String roles = """
                    roles:
                      certificate-subjects:
                        - subject: "%s"
                          roles: [admin, user]
                """.formatted(NodeKeys.CLIENT_DN);
        return """
                policies:
                  node-x509:
                    paths: [/filter/x509/*]
                    trust: { certificates: [%1$s] }
                %2$s  node-username-token:
                    paths: [/filter/username-token/*]
                    signature: { required: false }
                    username-token: { enabled: true, passwords: %3$s }
                  node-username-token-signed:
                    paths: [/filter/username-token-signed/*]
                    trust: { certificates: [%1$s] }
                    username-token: { enabled: true, passwords: %3$s }
                  node-signed-responses:
                    paths: [/filter/signed-responses/*]
                    trust: { certificates: [%1$s] }
                %2$s    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                      signature-confirmation: true
                  node-saml:
                    paths: [/filter/saml/*]
                    trust: { certificates: [%1$s] }
                    saml:%8$s
                      confirmation-methods: [holder-of-key, sender-vouches]
                    roles: { saml-attributes: [role] }
                  node-saml-bearer:
                    paths: [/filter/saml-bearer/*]
                    signature: { required: false }
                    saml:%8$s
                      confirmation-methods: [bearer]
                    roles: { saml-attributes: [role] }
                  node-foreign-signer:
                    paths: [/filter/foreign-signer/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %6$s, certificate: %7$s }
                """.formatted(k.ca, roles, k.users, k.serverKey, k.serverCert, k.foreignKey, k.foreignCert, samlTrust(k));
    }

    private static String samlTrust(NodeKeys k) {
        return "\n      issuers:\n        - name: " + NodeKeys.IDP + "\n          certificates: [" + k.idpCert
                + "]\n      audiences: [" + NodeKeys.AUDIENCE + "]";
    }

    private static String webXml(Path config) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <listener>
                    <listener-class>com.sun.xml.ws.transport.http.servlet.WSServletContextListener</listener-class>
                  </listener>
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>wssgate</filter-name>
                    <url-pattern>/filter/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/filter/*</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>capture</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>capture</servlet-name>
                    <url-pattern>/capture</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>metro</servlet-name>
                    <servlet-class>com.sun.xml.ws.transport.http.servlet.WSServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>metro</servlet-name>
                    <url-pattern>/metro/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(config, NodeCallerServlet.class.getName(), CaptureServlet.class.getName());
    }

    private static String sunJaxwsXml() {
        StringBuilder endpoints = new StringBuilder();
        for (Service service : Service.values()) {
            if (service.endpoint != null) {
                endpoints.append("  <endpoint name=\"").append(service.slug).append("\" implementation=\"")
                        .append(service.endpoint.getName()).append("\" url-pattern=\"/metro/").append(service.slug)
                        .append("\"/>\n");
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <endpoints xmlns="http://java.sun.com/xml/ns/jax-ws/ri/runtime" version="2.0">
                %s</endpoints>
                """.formatted(endpoints);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            System.clearProperty(CONFIG_PROPERTY);
        }
    }
}
