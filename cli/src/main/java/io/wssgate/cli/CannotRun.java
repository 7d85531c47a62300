package io.wssgate.cli;

/** The command cannot do its work (exit 3): a file unreadable, a server unreachable, a configuration unusable. */
final class CannotRun extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CannotRun(String message) {
        super(message);
    }

    CannotRun(String message, Throwable cause) {
        super(message, cause);
    }
}
