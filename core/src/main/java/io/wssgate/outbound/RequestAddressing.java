package io.wssgate.outbound;

import io.wssgate.config.OperationConfig;
import io.wssgate.config.OutboundAddressing;
import io.wssgate.config.PolicyConfig;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.Documents;
import io.wssgate.addressing.OutgoingAddressing;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The WS-Addressing headers a client's request gets from its policy's {@code outbound.addressing}:
 * wsa:To as configured, else the address the request is sent to; wsa:Action as configured, else
 * the first addressing action of the policy's operation whose payload root the request's Body
 * holds, else the request's SOAPAction.
 */
public final class RequestAddressing {
    private RequestAddressing() {
    }

    /** Empty when the policy adds no addressing headers. */
    public static Optional<OutgoingAddressing> of(PolicyConfig policy, Document request, Delivery delivery) {
        Optional<OutboundAddressing> settings = policy.outbound().addressing();
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> to = settings.get().to().or(delivery::endpointUrl);
        Optional<String> action = settings.get().action()
                .or(() -> operationAction(policy, request))
                .or(() -> delivery.soapActions().stream().findFirst());
        return Optional.of(OutgoingAddressing.request(settings.get().version(), to, action));
    }

    private static Optional<String> operationAction(PolicyConfig policy, Document request) {
        Optional<QName> root = payloadRoot(request);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return policy.operations().entries().stream().filter(o -> o.payloadRoots().contains(root.get()))
                .map(OperationConfig::addressingActions).filter(a -> !a.isEmpty()).map(a -> a.get(0)).findFirst();
    }

    private static Optional<QName> payloadRoot(Document request) {
        for (Element child : Documents.childElements(request.getDocumentElement())) {
            if ("Body".equals(child.getLocalName())) {
                List<Element> payload = Documents.childElements(child);
                return payload.isEmpty() ? Optional.empty() : Optional.of(new QName(
                        payload.get(0).getNamespaceURI() == null ? "" : payload.get(0).getNamespaceURI(),
                        payload.get(0).getLocalName()));
            }
        }
        return Optional.empty();
    }
}
