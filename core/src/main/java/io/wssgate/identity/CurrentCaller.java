package io.wssgate.identity;

import java.util.Optional;

/**
 * The caller whose request the current thread is serving, set by the inbound adapters (filter,
 * endpoint handler) for the duration of the request, so an outbound client call made while
 * serving it can use the caller as subject or propagate its assertion. Always set through
 * {@link #set} in a try-with-resources so it never leaks to the thread's next request.
 */
public final class CurrentCaller {
    private static final ThreadLocal<AuthenticatedCaller> CURRENT = new ThreadLocal<>();

    private CurrentCaller() {
    }

    public static Optional<AuthenticatedCaller> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code caller} current until the returned scope is closed (restoring the previous one). */
    public static Scope set(AuthenticatedCaller caller) {
        AuthenticatedCaller previous = CURRENT.get();
        CURRENT.set(caller);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Closing restores what was current before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
