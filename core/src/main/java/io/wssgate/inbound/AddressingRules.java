package io.wssgate.inbound;

import io.wssgate.config.AddressingPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.Delivery;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A request's WS-Addressing headers against the policy's {@code addressing}: with
 * {@code required}, wsa:To, wsa:Action and wsa:MessageID are each present and covered by a
 * trusted signature; a wsa:To, whenever present, names this endpoint (one of {@code addresses},
 * or the URL the request arrived at), so a message signed for another endpoint is not accepted
 * here. Whether the wsa:Action belongs to the request's operation is {@link OperationResolver}'s
 * check, the single use of a signed wsa:MessageID {@link ReplayGuard}'s.
 */
final class AddressingRules {
    private final AddressingPolicy policy;
    private final List<String> addresses;

    AddressingRules(AddressingPolicy policy) {
        this.policy = policy;
        this.addresses = policy.addresses().stream().map(ConfirmationDataRules::normalized).toList();
    }

    /** The MessageID to admit once, if the policy remembers MessageIDs and this one is signed. */
    Optional<String> check(AddressingHeaders headers, SecurityResults results, Delivery delivery)
            throws SecurityFault {
        if (policy.required()) {
            requireSigned(headers.to(), "To", results);
            requireSigned(headers.action(), "Action", results);
            requireSigned(headers.messageId(), "MessageID", results);
        }
        if (headers.toValue().isPresent()) {
            checkTo(headers.toValue().get(), delivery);
        }
        return headers.messageId().filter(id -> policy.messageIdReplay()
                && CoverageCheck.coveredByTrustedSignature(id, results)).flatMap(id -> headers.messageIdValue());
    }

    private static void requireSigned(Optional<Element> header, String name, SecurityResults results)
            throws SecurityFault {
        if (header.isEmpty()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "wsa:" + name + " is required (addressing.required)");
        }
        if (!CoverageCheck.coveredByTrustedSignature(header.get(), results)) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "wsa:" + name
                    + " is not covered by a trusted signature (addressing.required)");
        }
    }

    private void checkTo(String to, Delivery delivery) throws SecurityFault {
        String wanted = ConfirmationDataRules.normalized(to);
        if (!addresses.isEmpty()) {
            if (!addresses.contains(wanted)) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "wsa:To " + to + " is none of addressing.addresses "
                        + policy.addresses());
            }
            return;
        }
        Optional<String> here = delivery.endpointUrl().map(ConfirmationDataRules::normalized);
        if (here.isEmpty()) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "wsa:To " + to
                    + " cannot be compared: the endpoint URL is unknown here; configure addressing.addresses");
        }
        if (!here.get().equals(wanted)) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, "wsa:To " + to + " is not this endpoint (" + here.get()
                    + "; configure addressing.addresses with the addresses clients use)");
        }
    }
}
