package io.wssgate.benchmarks.exchange;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The request Body of every benchmark ({@code BodyGenerator}'s purchase-order batch) as JAXB
 * binds it for the Metro endpoint, every element and attribute mapped, so the endpoint reads the
 * whole request as a real one would.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "orders", namespace = Replies.NS)
public class OrderBatch {
    @XmlElement(name = "order", namespace = Replies.NS)
    public List<Order> orders = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "order", namespace = Replies.NS)
    public static class Order {
        @XmlAttribute
        public String id;
        @XmlAttribute
        public String placed;
        @XmlElement(namespace = Replies.NS)
        public Customer customer;
        @XmlElement(namespace = Replies.NS)
        public Line line;
        @XmlElement(namespace = Replies.NS)
        public String note;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "customer", namespace = Replies.NS)
    public static class Customer {
        @XmlAttribute
        public String ref;
        @XmlValue
        public String name;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "line", namespace = Replies.NS)
    public static class Line {
        @XmlAttribute
        public String sku;
        @XmlAttribute
        public int quantity;
        @XmlAttribute
        public String price;
        @XmlValue
        public String description;
    }
}
