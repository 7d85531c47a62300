package io.wssgate.inbound;

import io.wssgate.config.OperationConfig;
import io.wssgate.config.Operations;
import io.wssgate.config.UnknownOperations;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.Documents;
import io.wssgate.soap.SoapEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Decides which of a policy's operations a request is, from every identifier it carries: the
 * Body's payload root, the wsa:Action and the SOAPAction the transport saw. Every identifier must
 * name the same operation, and each one the chosen operation declares a list for must be in that
 * list; otherwise the request is refused (operation confusion). So an identifier outside the
 * signature (the SOAPAction, never signed) can confirm what the signed payload root or signed
 * wsa:Action says, but never choose other rules than they do. A request no identifier places
 * is refused, or gets the policy's own rules with {@code unknown-operations: default}.
 *
 * <p>The payload root is the Body's one element child. A Body with several is refused when
 * operations are configured: runtimes dispatch on the first, so the others could be rules for
 * an operation that never runs.
 */
final class OperationResolver {
    private final Operations operations;
    private final Map<QName, OperationConfig> byPayloadRoot = new HashMap<>();
    private final Map<String, OperationConfig> bySoapAction = new HashMap<>();
    private final Map<String, OperationConfig> byAddressingAction = new HashMap<>();

    OperationResolver(Operations operations) {
        this.operations = operations;
        for (OperationConfig operation : operations.entries()) {
            operation.payloadRoots().forEach(root -> byPayloadRoot.putIfAbsent(root, operation));
            operation.soapActions().forEach(action -> bySoapAction.putIfAbsent(action, operation));
            operation.addressingActions().forEach(action -> byAddressingAction.putIfAbsent(action, operation));
        }
    }

    /** The kinds of identifier, and how an operation declares each. */
    private enum Kind {
        PAYLOAD_ROOT("payload root"), ADDRESSING_ACTION("wsa:Action"), SOAP_ACTION("SOAPAction");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        List<String> declaredBy(OperationConfig operation) {
            return switch (this) {
                case PAYLOAD_ROOT -> operation.payloadRoots().stream().map(QName::toString).toList();
                case ADDRESSING_ACTION -> operation.addressingActions();
                case SOAP_ACTION -> operation.soapActions();
            };
        }
    }

    /** One identifier the request carries, and the operation it names, if any. */
    private record Evidence(Kind kind, String value, Optional<OperationConfig> names) {
        String describe() {
            return kind.label + " " + value;
        }
    }

    /**
     * The request's operation; empty when the policy lists none, or the request is none of them
     * and {@code unknown-operations: default} gives it the policy's rules.
     */
    Optional<OperationConfig> resolve(SoapEnvelope envelope, AddressingHeaders addressing, Delivery delivery)
            throws SecurityFault {
        if (operations.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = evidence(envelope, addressing, delivery);
        Set<OperationConfig> named = new LinkedHashSet<>();
        evidence.forEach(e -> e.names().ifPresent(named::add));
        if (named.size() > 1) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "operation confusion: " + String.join(", ",
                    evidence.stream().filter(e -> e.names().isPresent())
                            .map(e -> e.describe() + " names '" + e.names().get().name() + "'").toList()));
        }
        if (named.isEmpty()) {
            if (operations.unknown() == UnknownOperations.DEFAULT) {
                return Optional.empty();
            }
            throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "no operation of this policy matches the request ("
                    + (evidence.isEmpty() ? "it carries no payload root, SOAPAction or wsa:Action"
                    : String.join(", ", evidence.stream().map(Evidence::describe).toList()))
                    + ") and unknown-operations is refuse");
        }
        OperationConfig operation = named.iterator().next();
        for (Evidence e : evidence) {
            List<String> declared = e.kind().declaredBy(operation);
            if (e.names().isEmpty() && !declared.isEmpty()) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "operation confusion: the request is operation '"
                        + operation.name() + "' but its " + e.describe() + " is none of " + declared);
            }
        }
        return Optional.of(operation);
    }

    private List<Evidence> evidence(SoapEnvelope envelope, AddressingHeaders addressing, Delivery delivery)
            throws SecurityFault {
        List<Evidence> out = new ArrayList<>();
        Optional<QName> root = payloadRoot(envelope.body());
        root.ifPresent(r -> out.add(new Evidence(Kind.PAYLOAD_ROOT, r.toString(),
                Optional.ofNullable(byPayloadRoot.get(r)))));
        addressing.actionValue().ifPresent(a -> out.add(new Evidence(Kind.ADDRESSING_ACTION, a,
                Optional.ofNullable(byAddressingAction.get(a)))));
        for (String action : delivery.soapActions()) {
            out.add(new Evidence(Kind.SOAP_ACTION, action, Optional.ofNullable(bySoapAction.get(action))));
        }
        return out;
    }

    private static Optional<QName> payloadRoot(Element body) throws SecurityFault {
        List<Element> payload = Documents.childElements(body);
        if (payload.size() > 1) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "the Body holds " + payload.size()
                    + " elements: an operation is told by one payload root");
        }
        return payload.isEmpty() ? Optional.empty() : Optional.of(XmlNames.qname(payload.get(0)));
    }
}
