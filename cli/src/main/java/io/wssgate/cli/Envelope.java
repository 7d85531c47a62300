package io.wssgate.cli;

import io.wssgate.config.MessageLimits;
import io.wssgate.soap.Documents;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.SoapVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.w3c.dom.Document;

/** The request of {@code wssgate call}: an envelope as given, or a bare Body wrapped in one. */
record Envelope(byte[] bytes, boolean soap12) {
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    static Envelope of(byte[] request, boolean soap12) {
        Document document;
        try {
            document = new HardenedParser(MessageLimits.defaults()).parseDocument(request);
        } catch (MalformedMessageException e) {
            throw new CannotRun("the request is not well-formed XML: " + e.getMessage(), e);
        }
        Optional<SoapVersion> version = SoapVersion.forNamespace(document.getDocumentElement().getNamespaceURI())
                .filter(v -> "Envelope".equals(document.getDocumentElement().getLocalName()));
        if (version.isPresent()) {
            return new Envelope(request, version.get() == SoapVersion.SOAP_12);
        }
        String body = new String(Documents.serialize(document), StandardCharsets.UTF_8)
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
        String ns = soap12 ? SOAP12 : SOAP11;
        String wrapped = "<soap:Envelope xmlns:soap=\"" + ns + "\"><soap:Header/><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
        return new Envelope(wrapped.getBytes(StandardCharsets.UTF_8), soap12);
    }

    String contentType(Optional<String> action) {
        return soap12 ? "application/soap+xml; charset=UTF-8" + action.map(a -> "; action=\"" + a + "\"").orElse("")
                : "text/xml; charset=UTF-8";
    }
}
