package io.wssgate.cli;

/**
 * What every command's exit status means, for scripts: 0 the good answer (accepted, valid,
 * readable), 1 the bad answer (refused, invalid, expired), 2 the command line itself is wrong,
 * 3 the command could not do its work (a file unreadable, a server unreachable, a configuration
 * too broken to judge anything with).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int NEGATIVE = 1;
    static final int USAGE = 2;
    static final int CANNOT_RUN = 3;

    private ExitCodes() {
    }
}
