package io.wssgate.cli;

import io.wssgate.wsdl.OperationPolicy;
import io.wssgate.wsdl.PolicyImport;
import io.wssgate.wsdl.SecurityPolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wssgate policy import}: WSS Gate YAML from a WSDL's WS-SecurityPolicy. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "WS-SecurityPolicy in WSDLs.",
        subcommands = PolicyCommand.Import.class)
final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"WSS Gate YAML for the WS-SecurityPolicy of a WSDL: one policy per SOAP binding, per "
                    + "operation where they differ, with a comment for every assertion mapped and a warning for every "
                    + "one WSS Gate cannot honour (SymmetricBinding, SecureConversation, Kerberos, SPNEGO, XPath parts...).",
                    "", "Values only the deployer knows are ${WSSGATE_...} variables, listed at the top of the file."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every operation's policy can be honoured", "1:something required cannot be honoured "
                    + "(listed; the YAML leaves it out)", "2:the command line is wrong",
                "3:the WSDL cannot be read"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "WSDL", description = "A WSDL file or an http(s) URL.")
        String source;

        @Option(names = "--side", paramLabel = "server|client", description = "server: what requests must carry "
                + "(default); client: what our requests get and what responses must carry.")
        PolicyImport.Side side = PolicyImport.Side.SERVER;

        @Option(names = "--binding", paramLabel = "NAME", description = "Only this wsdl:binding (its local name; "
                + "default: every SOAP binding, one policy each).")
        Optional<String> binding;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML here (default: standard output).")
        Optional<Path> output;

        @Override
        public Integer call() throws IOException {
            List<OperationPolicy> operations;
            try {
                operations = SecurityPolicyReader.read(read(source));
            } catch (IOException e) {
                throw new CannotRun("cannot read " + source + ": " + e.getMessage());
            }
            if (binding.isPresent()) {
                operations = operations.stream().filter(o -> o.binding().getLocalPart().equals(binding.get())).toList();
                if (operations.isEmpty()) {
                    throw new CannotRun("no SOAP binding named " + binding.get() + " in " + source);
                }
            }
            PolicyImport yaml = PolicyImport.write(source, operations, side);
            PrintWriter err = spec.commandLine().getErr();
            yaml.warnings().forEach(w -> err.println("warning: " + w));
            yaml.errors().forEach(e -> err.println("cannot honour: " + e));
            if (output.isPresent()) {
                Files.writeString(output.get(), yaml.text(), StandardCharsets.UTF_8);
            } else {
                spec.commandLine().getOut().print(yaml.text());
            }
            err.flush();
            return yaml.errors().isEmpty() ? ExitCodes.OK : ExitCodes.NEGATIVE;
        }

        private static byte[] read(String source) throws IOException {
            if (source.startsWith("http://") || source.startsWith("https://")) {
                URL url = URI.create(source).toURL();
                try (InputStream in = url.openStream()) {
                    return in.readNBytes(16 * 1024 * 1024);
                }
            }
            return Files.readAllBytes(Path.of(source));
        }
    }
}
