package io.wssgate.wsdl;

import io.wssgate.config.OperationConfig;
import io.wssgate.config.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The operations of a WSDL 1.1 document's SOAP bindings with what identifies their requests:
 * the SOAPAction, the payload root (the input part's element, or for RPC style the operation
 * name in the soap:body namespace) and the wsam:Action of the input. Only what the document
 * itself holds: imported WSDLs are not followed.
 */
final class WsdlOperations {
    private WsdlOperations() {
    }

    /** One wsdl:binding/wsdl:operation of a SOAP binding. */
    record BindingOperation(Element element, QName binding, String name, Optional<String> soapAction,
                            Optional<QName> payloadRoot, Optional<String> inputAction) {
        /** The wsdl:input of the binding operation, if it has one. */
        Optional<Element> input() {
            return child(element, WsNames.WSDL, "input");
        }

        /** The configured operation this one is: by name, SOAPAction, payload root or wsa:Action. */
        Optional<OperationConfig> match(Operations operations) {
            return operations.entries().stream().filter(o -> o.name().equals(name)
                    || soapAction.filter(a -> o.soapActions().contains(a)).isPresent()
                    || payloadRoot.filter(r -> o.payloadRoots().contains(r)).isPresent()
                    || inputAction.filter(a -> o.addressingActions().contains(a)).isPresent()).findFirst();
        }
    }

    static List<BindingOperation> of(Document wsdl) {
        Element definitions = wsdl.getDocumentElement();
        String tns = definitions.getAttribute("targetNamespace");
        List<BindingOperation> out = new ArrayList<>();
        for (Element binding : children(definitions, WsNames.WSDL, "binding")) {
            Optional<Element> soapBinding = child(binding, WsNames.SOAP11_BINDING, "binding")
                    .or(() -> child(binding, WsNames.SOAP12_BINDING, "binding"));
            if (soapBinding.isEmpty()) {
                continue;
            }
            String bindingStyle = soapBinding.get().getAttribute("style");
            Optional<Element> portType = qname(binding, binding.getAttribute("type"))
                    .flatMap(t -> named(definitions, "portType", t.getLocalPart()));
            for (Element operation : children(binding, WsNames.WSDL, "operation")) {
                String name = operation.getAttribute("name");
                Optional<Element> soapOperation = child(operation, WsNames.SOAP11_BINDING, "operation")
                        .or(() -> child(operation, WsNames.SOAP12_BINDING, "operation"));
                Optional<String> action = soapOperation.map(o -> o.getAttribute("soapAction")).filter(a -> !a.isEmpty());
                String style = soapOperation.map(o -> o.getAttribute("style")).filter(s -> !s.isEmpty())
                        .orElse(bindingStyle);
                Optional<Element> abstractInput = portType.flatMap(p -> children(p, WsNames.WSDL, "operation").stream()
                        .filter(o -> name.equals(o.getAttribute("name"))).findFirst())
                        .flatMap(o -> child(o, WsNames.WSDL, "input"));
                Optional<QName> root = "rpc".equals(style)
                        ? Optional.of(new QName(rpcNamespace(operation, tns), name))
                        : abstractInput.flatMap(i -> qname(i, i.getAttribute("message")))
                                .flatMap(m -> named(definitions, "message", m.getLocalPart()))
                                .flatMap(m -> children(m, WsNames.WSDL, "part").stream()
                                        .filter(p -> p.hasAttribute("element")).findFirst())
                                .flatMap(p -> qname(p, p.getAttribute("element")));
                Optional<String> inputAction = abstractInput.map(i -> i.hasAttributeNS(WsNames.WSAM, "Action")
                        ? i.getAttributeNS(WsNames.WSAM, "Action") : i.getAttributeNS(WsNames.WSAW, "Action"))
                        .filter(a -> !a.isEmpty());
                out.add(new BindingOperation(operation, new QName(tns, binding.getAttribute("name")), name, action,
                        root, inputAction));
            }
        }
        return out;
    }

    private static String rpcNamespace(Element operation, String tns) {
        return child(operation, WsNames.WSDL, "input")
                .flatMap(i -> child(i, WsNames.SOAP11_BINDING, "body").or(() -> child(i, WsNames.SOAP12_BINDING, "body")))
                .map(b -> b.getAttribute("namespace")).filter(n -> !n.isEmpty()).orElse(tns);
    }

    private static Optional<Element> named(Element definitions, String kind, String name) {
        return children(definitions, WsNames.WSDL, kind).stream().filter(e -> name.equals(e.getAttribute("name")))
                .findFirst();
    }

    /** A prefixed name in an attribute, resolved against the element's namespace declarations. */
    static Optional<QName> qname(Element context, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        String ns = context.lookupNamespaceURI(prefix);
        return Optional.of(new QName(ns == null ? "" : ns, value.substring(colon + 1)));
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String ns, String localName) {
        return children(parent, ns, localName).stream().findFirst();
    }
}
