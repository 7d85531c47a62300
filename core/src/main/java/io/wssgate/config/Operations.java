package io.wssgate.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy's operations, in declaration order, and what a request that is none of them gets
 * ({@code unknown-operations}; only consulted when operations are listed).
 */
public record Operations(List<OperationConfig> entries, UnknownOperations unknown) {
    public Operations {
        entries = List.copyOf(entries);
        Objects.requireNonNull(unknown, "unknown");
    }

    /** No operations: every request gets the policy's rules. */
    public static Operations none() {
        return new Operations(List.of(), UnknownOperations.REFUSE);
    }

    public static Operations of(List<OperationConfig> entries, UnknownOperations unknown) {
        return new Operations(entries, unknown);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<OperationConfig> named(String name) {
        return entries.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
