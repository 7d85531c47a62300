package io.wssgate.config.load;

import io.wssgate.config.AddressingPolicy;
import io.wssgate.addressing.AddressingVersion;
import io.wssgate.config.OutboundAddressing;
import java.util.List;
import java.util.Optional;

/** Binds a policy's {@code addressing} (what requests must carry) and {@code outbound.addressing} (what a client adds). */
final class AddressingBinder {
    private AddressingBinder() {
    }

    static AddressingPolicy inbound(Node node) {
        AddressingPolicy d = AddressingPolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new AddressingPolicy(
                node.get("required").parse(ValueParsers::bool).orElse(d.required()),
                node.get("addresses").list(ValueParsers::absoluteUri).orElse(List.of()),
                node.get("message-id-replay").parse(ValueParsers::bool).orElse(d.messageIdReplay()));
    }

    static Optional<OutboundAddressing> outbound(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        boolean enabled = node.get("enabled").parse(ValueParsers::bool).orElse(true);
        OutboundAddressing addressing = new OutboundAddressing(
                node.get("version").parse(AddressingBinder::version).orElse(AddressingVersion.W3C_1_0),
                node.get("to").parse(ValueParsers::absoluteUri),
                node.get("action").parse(ValueParsers::absoluteUri));
        return enabled ? Optional.of(addressing) : Optional.empty();
    }

    private static AddressingVersion version(String text) {
        return AddressingVersion.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown WS-Addressing version '" + text + "' (use 1.0 or 2004-08)"));
    }
}
