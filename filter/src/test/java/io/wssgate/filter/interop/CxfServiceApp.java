package io.wssgate.filter.interop;

import io.wssgate.testing.LocalWebApp;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Apache CXF's services ({@link CxfServicesServlet}) in a web application on a real Jetty 12. */
final class CxfServiceApp implements AutoCloseable {
    private final String id;
    private final LocalWebApp server;

    private CxfServiceApp(String id, LocalWebApp server) {
        this.id = id;
        this.server = server;
    }

    static CxfServiceApp start(Path dir, InteropKeys keys) throws Exception {
        String id = UUID.randomUUID().toString();
        CxfServicesServlet.KEYS.put(id, keys);
        Path webInf = Files.createDirectories(dir.resolve("cxf/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>cxf</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <init-param><param-name>%s</param-name><param-value>%s</param-value></init-param>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>cxf</servlet-name>
                    <url-pattern>/services/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(CxfServicesServlet.class.getName(), CxfServicesServlet.KEYS_PARAM, id));
        try {
            return new CxfServiceApp(id, LocalWebApp.start(dir.resolve("cxf"), "/cxf"));
        } catch (Exception e) {
            CxfServicesServlet.KEYS.remove(id);
            throw e;
        }
    }

    URI address(Profile profile) {
        return server.uri("/services/" + profile.slug());
    }

    /** The SwA document service that also decrypts ({@link CxfDocumentEndpoint}, Signature and Encrypt required). */
    URI sealedDocuments() {
        return server.uri("/services/sealed-documents");
    }

    /** The document service with MTOM enabled ({@link CxfDocumentEndpoint}, Signature and Timestamp required). */
    URI mtomDocuments() {
        return server.uri("/services/mtom-documents");
    }

    /** The SwA document service ({@link CxfDocumentEndpoint}). */
    URI documents() {
        return server.uri("/services/documents");
    }

    URL wsdl(Profile profile) throws java.net.MalformedURLException {
        return URI.create(address(profile) + "?wsdl").toURL();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            CxfServicesServlet.KEYS.remove(id);
        }
    }
}
