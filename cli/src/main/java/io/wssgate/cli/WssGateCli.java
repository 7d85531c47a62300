package io.wssgate.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code wssgate}: the command line of WSS Gate. {@link #main} sets up logging and exits with the
 * command's status; {@link #run} does the work without exiting, for tests and embedding.
 */
@Command(name = "wssgate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Investigate WS-Security: why a server refuses a message, what a partner's service "
                + "answers, whether a configuration loads, what is in a key file."},
        subcommands = {ExplainCommand.class, CallCommand.class, CheckCommand.class, KeysCommand.class, PolicyCommand.class,
            HelpCommand.class},
        footer = {"", "-v before the command (wssgate -v explain ...) shows the libraries' log on standard error.",
            "Documentation: docs/cli.md"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the good answer (accepted, valid, readable)",
            "1:the bad answer (refused, invalid, expired)", "2:the command line is wrong",
            "3:the command could not do its work (a file, a server, a configuration)"})
public final class WssGateCli implements Runnable {
    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Log what the libraries say to standard error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("-v")
                || a.equals("--verbose"));
        // before any logger exists: the simple logger reads these once
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new WssGateCli())
                .setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof CannotRun) {
                        cmd.getErr().println("wssgate " + cmd.getCommandName() + ": " + e.getMessage());
                        cmd.getErr().flush();
                        return ExitCodes.CANNOT_RUN;
                    }
                    cmd.getErr().println("wssgate " + cmd.getCommandName() + " failed: " + e);
                    e.printStackTrace(cmd.getErr());
                    cmd.getErr().flush();
                    return ExitCodes.CANNOT_RUN;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: explain, call, check or keys");
    }
}
