package io.wssgate.authentication;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The web application the container tests deploy: a WSS Gate configuration (X.509 callers on
 * /x509/*, SAML 2.0 holder-of-key callers on /saml/*) switched on by the
 * {@code wssgate.config-file} context-param, and a web.xml whose {@code <security-constraint>}s
 * the container enforces: /x509/orders and /saml/orders need the role clerk, /x509/admin and
 * /saml/admin the role admin, /x509/open has no constraint, /public/members (no policy covers it)
 * admits any authenticated caller ({@code **}). Roles come from WSS Gate: the
 * certificate subject of client (clerk) and boss (clerk, admin), the SAML attribute role. The
 * servlet's {@code <security-role-ref>}s let the application ask for order-desk (linked to clerk) and
 * back-office (linked to admin), names WSS Gate never hands over: only the container's mapping
 * answers them.
 */
final class SecuredWebApp {
    static final String AUDIENCE = "urn:wssgate:test:service";
    static final String SOAP11 = "text/xml; charset=UTF-8";
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String BOSS_DN = "CN=boss,O=WSS Gate Test,C=DE";

    final TestKeys keys = TestKeys.create();
    final TestKeys.Identity client = keys.issue("client");
    final TestKeys.Identity boss = keys.issue("boss");
    final TestKeys.Identity idp = keys.issue("idp");
    final TestKeys.Identity aliceKey = keys.issue("alice-key");
    final Path webapp;
    final Path config;

    SecuredWebApp(Path dir) throws IOException {
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), keys.ca().certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("keys/idp.pem"), idp.certificate());
        this.config = Files.writeString(dir.resolve("wssgate.yaml"), yaml(ca, idpCert));
        this.webapp = dir.resolve("webapp");
        Path webInf = Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(config.toString()));
    }

    /** A holder-of-key SAML 2.0 assertion for alice from the trusted IdP, with these roles. */
    SamlSpec alice(String... roles) {
        SamlSpec spec = SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE).holderOfKey(aliceKey);
        return roles.length == 0 ? spec : spec.attribute("role", roles);
    }

    static String yaml(Path ca, Path idpCert) {
        return """
                policies:
                  x509:
                    paths: [/x509/*]
                    trust:
                      certificates: [%1$s]
                    roles:
                      certificate-subjects:
                        - subject: "%4$s"
                          roles: [clerk]
                        - subject: "%5$s"
                          roles: [clerk, admin]
                  saml:
                    paths: [/saml/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %2$s
                          certificates: [%3$s]
                      audiences: [%6$s]
                      confirmation-methods: [holder-of-key]
                    roles:
                      saml-attributes: [role]
                """.formatted(ca, SamlSpec.DEFAULT_ISSUER, idpCert, CLIENT_DN, BOSS_DN, AUDIENCE);
    }

    static String webXml(String configFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <context-param>
                    <param-name>wssgate.config-file</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>io.wssgate.authentication.CallerServlet</servlet-class>
                    <!-- the container's own role mapping: the application asks for its names,
                         web.xml links them to the groups WSS Gate hands over -->
                    <security-role-ref>
                      <role-name>order-desk</role-name>
                      <role-link>clerk</role-link>
                    </security-role-ref>
                    <security-role-ref>
                      <role-name>back-office</role-name>
                      <role-link>admin</role-link>
                    </security-role-ref>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>orders</web-resource-name>
                      <url-pattern>/x509/orders/*</url-pattern>
                      <url-pattern>/saml/orders/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>clerk</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>admin</web-resource-name>
                      <url-pattern>/x509/admin/*</url-pattern>
                      <url-pattern>/saml/admin/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>admin</role-name></auth-constraint>
                  </security-constraint>
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>members</web-resource-name>
                      <url-pattern>/public/members/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <security-role><role-name>clerk</role-name></security-role>
                  <security-role><role-name>admin</role-name></security-role>
                </web-app>
                """.formatted(configFile.replace("&", "&amp;").replace("<", "&lt;"));
    }

    /** The same application with WSS Gate's filter in front instead of the module, and no constraints. */
    static String filterWebXml(String configFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>wssgate</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>io.wssgate.authentication.CallerServlet</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(configFile);
    }
}
