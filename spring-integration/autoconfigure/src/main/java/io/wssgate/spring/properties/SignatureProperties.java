package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** Rules for the XML signatures of inbound messages. */
public class SignatureProperties {

    /** Whether a signature is required. Default true. */
    private Boolean required;

    public Boolean getRequired() {
        return required;
    }

    public void setRequired(Boolean required) {
        this.required = required;
    }

    /** What the signature must cover: Body, Timestamp and/or header QNames {@code {namespace}LocalName}. Default Body, Timestamp. */
    private List<String> parts = new ArrayList<>();

    public List<String> getParts() {
        return parts;
    }

    public void setParts(List<String> parts) {
        this.parts = parts;
    }

    /** Whether a bare X.509 signature authenticates its certificate's subject. Default true. */
    private Boolean x509Authentication;

    public Boolean getX509Authentication() {
        return x509Authentication;
    }

    public void setX509Authentication(Boolean x509Authentication) {
        this.x509Authentication = x509Authentication;
    }

    /** Algorithm allowlists and minimum key sizes. */
    private AlgorithmsProperties algorithms = new AlgorithmsProperties();

    public AlgorithmsProperties getAlgorithms() {
        return algorithms;
    }

    public void setAlgorithms(AlgorithmsProperties algorithms) {
        this.algorithms = algorithms;
    }
}
