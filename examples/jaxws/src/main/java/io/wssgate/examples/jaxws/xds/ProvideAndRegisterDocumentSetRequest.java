package io.wssgate.examples.jaxws.xds;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xdsb:ProvideAndRegisterDocumentSetRequest}, reduced to what the example shows: the
 * submitted documents, each {@code xdsb:Document id="..."} carrying its octets as base64Binary,
 * which an MTOM sender moves into a MIME part (the real request also carries the ebRIM
 * {@code lcm:SubmitObjectsRequest} metadata, which changes nothing for WS-Security).
 */
@XmlRootElement(name = "ProvideAndRegisterDocumentSetRequest", namespace = Xds.XDSB)
@XmlAccessorType(XmlAccessType.FIELD)
public class ProvideAndRegisterDocumentSetRequest {
    @XmlElement(name = "Document", namespace = Xds.XDSB)
    private List<Document> documents = new ArrayList<>();

    public List<Document> getDocuments() {
        return documents;
    }

    /** One document: its id in the submission set and its content. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Document {
        @XmlAttribute(name = "id", required = true)
        private String id;
        @XmlValue
        private byte[] content;

        public Document() {
        }

        public Document(String id, byte[] content) {
            this.id = id;
            this.content = content;
        }

        public String getId() {
            return id;
        }

        public byte[] getContent() {
            return content;
        }
    }
}
