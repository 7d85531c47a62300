package io.wssgate.testing.layout;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.util.List;
import java.util.Optional;

/**
 * One cell of the layout matrix: a profile's genuine message with its Security header's
 * children in {@code order}, and the verdict each layout mode must reach on it.
 */
public record LayoutCase(LayoutProfile profile, boolean soap12, List<String> order) {

    /** A freshly built genuine message of the profile, re-laid-out (fresh IDs, nonces and timestamps each call). */
    public byte[] message() {
        return HeaderOrders.reorder(profile.build().apply(soap12), order);
    }

    /** {@link #message()} with its Body altered after signing. */
    public byte[] tampered() {
        return TestMessages.tamperBody(message());
    }

    /** Whether this order keeps the signing/encryption steps in their order (else it is another, invalid message). */
    public boolean keepsSteps() {
        return profile.steps().stream().allMatch(p -> p.holdsIn(order));
    }

    /** Whether this order is WS-SecurityPolicy Strict for the profile. */
    public boolean isStrict() {
        return profile.strict().stream().allMatch(p -> p.holdsIn(order));
    }

    /**
     * The fault a receiver enforcing {@code layout} must answer the genuine message with, or empty
     * when it must accept it: a broken step order fails its signature check (FailedCheck) under
     * every layout; otherwise an order the layout does not allow is InvalidSecurity.
     */
    public Optional<FaultCode> expectedRefusal(HeaderLayout layout) {
        if (!keepsSteps()) {
            return Optional.of(FaultCode.FAILED_CHECK);
        }
        boolean allowed = switch (layout) {
            case LAX -> true;
            case STRICT -> isStrict();
            case LAX_TIMESTAMP_FIRST -> order.get(0).equals("Timestamp");
            case LAX_TIMESTAMP_LAST -> order.get(order.size() - 1).equals("Timestamp");
        };
        return allowed ? Optional.empty() : Optional.of(FaultCode.INVALID_SECURITY);
    }

    @Override
    public String toString() {
        return profile.name() + (soap12 ? " (SOAP 1.2) " : " ") + order;
    }
}
