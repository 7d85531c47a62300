package io.wssgate.capture;

import io.wssgate.config.MessageLimits;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request a policy refused, as the server received it: the bytes, how they arrived, and the
 * verdict with the reason the server logged under {@code correlationId}. {@code limits} bound the
 * parse that redacts the Body.
 */
public record RejectedRequest(String policy, String correlationId, Instant receivedAt, byte[] message,
                              Optional<String> contentType, Delivery delivery, FaultCode fault, String detail,
                              MessageLimits limits) {
    public RejectedRequest {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(limits, "limits");
    }
}
