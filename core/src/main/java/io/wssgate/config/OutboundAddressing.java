package io.wssgate.config;

import io.wssgate.addressing.AddressingVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * WS-Addressing headers a client adds to its requests: wsa:MessageID (always fresh), wsa:To
 * ({@code to}, else the address the request is sent to) and wsa:Action ({@code action}, else the
 * addressing action of the policy's operation for the request's payload root, else the
 * SOAPAction), in {@code version}. Headers the runtime already wrote are kept. Whatever
 * addressing headers a secured message carries are signed with it.
 */
public record OutboundAddressing(AddressingVersion version, Optional<String> to, Optional<String> action) {
    public OutboundAddressing {
        Objects.requireNonNull(version, "version");
        to = to == null ? Optional.empty() : to;
        action = action == null ? Optional.empty() : action;
    }

    public static OutboundAddressing defaults() {
        return new OutboundAddressing(AddressingVersion.W3C_1_0, Optional.empty(), Optional.empty());
    }
}
