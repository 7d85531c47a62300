package io.wssgate.examples.jaxws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code whoamiResponse}: the authenticated principal's name and one {@code role} element
 * per role, both unqualified (no namespace), as in every example's contract. A JAXB bean
 * (mutable, with a no-argument constructor) because JAXB requires it.
 */
@XmlType(name = "whoamiResponse", namespace = WhoAmI.NS, propOrder = {"principal", "roles"})
@XmlAccessorType(XmlAccessType.FIELD)
public class WhoAmIResponse {
    @XmlElement(name = "principal", namespace = "", required = true)
    private String principal;

    @XmlElement(name = "role", namespace = "")
    private List<String> roles = new ArrayList<>();

    public WhoAmIResponse() {
    }

    public WhoAmIResponse(String principal, List<String> roles) {
        this.principal = principal;
        this.roles = new ArrayList<>(roles);
    }

    public String getPrincipal() {
        return principal;
    }

    public List<String> getRoles() {
        return List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "principal=" + principal + " roles=" + roles;
    }
}
