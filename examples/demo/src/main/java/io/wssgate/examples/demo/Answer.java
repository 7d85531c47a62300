package io.wssgate.examples.demo;

import io.wssgate.soap.Documents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What the service answered to one request: a whoamiResponse or a SOAP fault. */
record Answer(int status, byte[] body, String contentType, Optional<String> correlationId) {

    Optional<String> principal() {
        List<String> values = texts("principal");
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> roles() {
        return texts("role");
    }

    /** The WS-Security fault code as sent, e.g. {@code wsse:FailedCheck} (SOAP 1.1 faultcode). */
    Optional<String> faultCode() {
        List<String> values = texts("faultcode");
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).trim());
    }

    Optional<String> faultString() {
        List<String> values = texts("faultstring");
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).trim());
    }

    boolean isWhoamiResponse() {
        return status == 200 && document().map(d -> d.getElementsByTagNameNS("urn:wssgate:example", "whoamiResponse")
                .getLength() == 1).orElse(false);
    }

    private List<String> texts(String unqualifiedName) {
        List<String> values = new ArrayList<>();
        document().ifPresent(d -> {
            NodeList nodes = d.getElementsByTagNameNS("*", unqualifiedName);
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
        });
        return values;
    }

    private Optional<Document> document() {
        try {
            return Optional.of(Documents.parse(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + new String(body, StandardCharsets.UTF_8);
    }
}
