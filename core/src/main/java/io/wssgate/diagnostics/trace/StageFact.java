package io.wssgate.diagnostics.trace;

import java.util.Objects;

/**
 * One thing a pipeline stage established about a message, e.g. {@code signer} =
 * {@code CN=client,O=Example}. Facts describe the message; they never carry key material,
 * passwords or password digests.
 */
public record StageFact(String name, String value) {
    public StageFact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
