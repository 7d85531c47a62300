package io.wssgate.wsdl;

import io.wssgate.soap.Documents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the WS-SecurityPolicy a WSDL 1.1 document attaches to the requests of its SOAP binding
 * operations: policies attached to the wsdl:binding, the binding operation and its wsdl:input
 * (inline or by a same-document wsp:PolicyReference), WS-Policy 1.5 or 1.2, normalized into
 * alternatives and interpreted by {@link AlternativeReader}. A DOCTYPE is refused; imported
 * documents and remote policy references are not followed (reported as unsupported).
 */
public final class SecurityPolicyReader {
    /** More alternatives than this per operation are not expanded: a policy that large is not one to import blindly. */
    static final int MAX_ALTERNATIVES = 64;

    private SecurityPolicyReader() {
    }

    public static List<OperationPolicy> read(byte[] wsdl) throws IOException {
        Document doc = Documents.parse(wsdl);
        Element definitions = doc.getDocumentElement();
        if (!WsNames.WSDL.equals(definitions.getNamespaceURI()) || !"definitions".equals(definitions.getLocalName())) {
            throw new IOException("not a WSDL 1.1 document (its root is {" + definitions.getNamespaceURI() + "}"
                    + definitions.getLocalName() + ")");
        }
        Map<String, Element> policies = policiesById(doc);
        List<OperationPolicy> out = new ArrayList<>();
        for (WsdlOperations.BindingOperation operation : WsdlOperations.of(doc)) {
            Element binding = (Element) operation.element().getParentNode();
            List<List<Element>> common = cross(attached(binding, policies), attached(operation.element(), policies));
            out.add(new OperationPolicy(operation.binding(), operation.name(), operation.soapAction(),
                    operation.payloadRoot(), operation.inputAction(),
                    message(common, WsdlOperations.child(operation.element(), WsNames.WSDL, "input").orElse(null), policies),
                    message(common, WsdlOperations.child(operation.element(), WsNames.WSDL, "output").orElse(null), policies)));
        }
        return out;
    }

    /** The alternatives of one message: the binding's and operation's policies with the message's own. */
    private static List<PolicyAlternative> message(List<List<Element>> common, Element message,
                                                   Map<String, Element> policies) {
        List<List<Element>> alternatives = message == null ? common : cross(common, attached(message, policies));
        List<PolicyAlternative> read = new ArrayList<>();
        boolean anySecurity = alternatives.stream().flatMap(List::stream)
                .anyMatch(e -> WsNames.isSecurityPolicy(e.getNamespaceURI()));
        if (anySecurity) {
            for (List<Element> alternative : alternatives) {
                read.add(AlternativeReader.read(alternative));
            }
        }
        return read;
    }

    private static Map<String, Element> policiesById(Document doc) {
        Map<String, Element> out = new HashMap<>();
        for (String ns : List.of(WsNames.WSP15, WsNames.WSP12)) {
            NodeList list = doc.getElementsByTagNameNS(ns, "Policy");
            for (int i = 0; i < list.getLength(); i++) {
                Element policy = (Element) list.item(i);
                String id = policy.getAttributeNS(WsNames.WSU, "Id");
                if (id.isEmpty()) {
                    id = policy.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id");
                }
                if (!id.isEmpty()) {
                    out.putIfAbsent(id, policy);
                }
            }
        }
        return out;
    }

    /** The alternatives of the policies attached directly to {@code subject} (its wsp:Policy / wsp:PolicyReference children). */
    private static List<List<Element>> attached(Element subject, Map<String, Element> policies) {
        List<List<Element>> out = List.of(List.of());
        for (Node n = subject.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WsNames.isPolicy(e.getNamespaceURI())
                    && ("Policy".equals(e.getLocalName()) || "PolicyReference".equals(e.getLocalName()))) {
                out = cross(out, normalize(e, policies, 0));
            }
        }
        return out;
    }

    /** WS-Policy normal form: a list of alternatives, each a list of assertions. */
    static List<List<Element>> normalize(Element e, Map<String, Element> policies, int depth) {
        if (depth > 20) {
            return List.of(List.of(e));
        }
        if (WsNames.isPolicy(e.getNamespaceURI())) {
            switch (e.getLocalName()) {
                case "Policy", "All" -> {
                    List<List<Element>> acc = List.of(List.of());
                    for (Element child : children(e)) {
                        acc = cross(acc, normalize(child, policies, depth + 1));
                    }
                    return acc;
                }
                case "ExactlyOne" -> {
                    List<List<Element>> acc = new ArrayList<>();
                    for (Element child : children(e)) {
                        acc.addAll(normalize(child, policies, depth + 1));
                    }
                    return acc.size() > MAX_ALTERNATIVES ? acc.subList(0, MAX_ALTERNATIVES) : acc;
                }
                case "PolicyReference" -> {
                    String uri = e.getAttribute("URI");
                    Element target = uri.startsWith("#") ? policies.get(uri.substring(1)) : null;
                    return target == null ? List.of(List.of(e)) : normalize(target, policies, depth + 1);
                }
                default -> {
                    return List.of(List.of(e));
                }
            }
        }
        boolean optional = "true".equals(e.getAttributeNS(WsNames.WSP15, "Optional"))
                || "true".equals(e.getAttributeNS(WsNames.WSP12, "Optional"));
        return optional ? List.of(List.of(e), List.of()) : List.of(List.of(e));
    }

    private static List<List<Element>> cross(List<List<Element>> a, List<List<Element>> b) {
        List<List<Element>> out = new ArrayList<>();
        for (List<Element> x : a) {
            for (List<Element> y : b) {
                if (out.size() == MAX_ALTERNATIVES) {
                    return out;
                }
                List<Element> merged = new ArrayList<>(x);
                merged.addAll(y);
                out.add(merged);
            }
        }
        return out;
    }

    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                out.add(child);
            }
        }
        return out;
    }
}
