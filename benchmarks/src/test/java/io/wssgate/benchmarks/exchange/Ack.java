package io.wssgate.benchmarks.exchange;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The Metro endpoint's answer, bound by JAXB to the same element {@link Replies#ackPayload} writes. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ack", namespace = Replies.NS, propOrder = {"caller", "status"})
public class Ack {
    @XmlElement(namespace = Replies.NS)
    public String caller;
    @XmlElement(namespace = Replies.NS)
    public String status;
}
