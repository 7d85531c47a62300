package io.wssgate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A policy's operations, in declaration order, and what a request that is none of them gets
 * ({@code unknown-operations}; only consulted when operations are listed). Each operation has a
 * name of its own and at least one identifier, and no identifier names two operations: otherwise
 * which rules apply would depend on the order of the entries. The constructor throws
 * {@link IllegalArgumentException} if that is not so (the loader reports it with key paths first).
 */
public record Operations(List<OperationConfig> entries, UnknownOperations unknown) {
    public Operations {
        entries = List.copyOf(entries);
        Objects.requireNonNull(unknown, "unknown");
        Set<String> names = new HashSet<>();
        Set<String> identifiers = new HashSet<>();
        for (OperationConfig operation : entries) {
            if (!names.add(operation.name())) {
                throw new IllegalArgumentException("operation '" + operation.name() + "' twice");
            }
            if (operation.payloadRoots().isEmpty() && operation.soapActions().isEmpty()
                    && operation.addressingActions().isEmpty()) {
                throw new IllegalArgumentException("operation '" + operation.name()
                        + "' needs payload roots, SOAPActions or addressing actions");
            }
            List<String> own = new ArrayList<>();
            operation.payloadRoots().forEach(r -> own.add("payload root " + r));
            operation.soapActions().forEach(a -> own.add("SOAPAction " + a));
            operation.addressingActions().forEach(a -> own.add("wsa:Action " + a));
            for (String identifier : new HashSet<>(own)) {
                if (!identifiers.add(identifier)) {
                    throw new IllegalArgumentException("the " + identifier + " names two operations");
                }
            }
        }
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
