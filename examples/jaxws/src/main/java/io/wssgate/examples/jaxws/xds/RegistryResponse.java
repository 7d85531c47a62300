package io.wssgate.examples.jaxws.xds;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rs:RegistryResponse} with its {@code status}, plus what the example repository reports:
 * who submitted (the validated caller) and, per stored document, {@code id:size:sha256}.
 */
@XmlRootElement(name = "RegistryResponse", namespace = Xds.RS)
@XmlAccessorType(XmlAccessType.FIELD)
public class RegistryResponse {
    @XmlAttribute
    private String status;
    @XmlAttribute
    private String submitter;
    @XmlElement(name = "stored", namespace = Xds.RS)
    private List<String> stored = new ArrayList<>();

    public RegistryResponse() {
    }

    public RegistryResponse(String status, String submitter, List<String> stored) {
        this.status = status;
        this.submitter = submitter;
        this.stored = new ArrayList<>(stored);
    }

    public String getStatus() {
        return status;
    }

    public String getSubmitter() {
        return submitter;
    }

    public List<String> getStored() {
        return stored;
    }
}
