package io.wssgate.wsdl;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.WsdlPolicy;
import io.wssgate.log.GateLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * At start-up: for a policy with {@code wsdl.publish-policy}, logs what clients must be told
 * besides the published policy; for a policy with {@code wsdl.location}, reads the endpoint's WSDL and, when it
 * carries WS-SecurityPolicy, compares it with the policy. Each difference is logged
 * ({@code wsdl.policy-mismatch: warn}, the default) or becomes a start-up problem with its key
 * path ({@code fail}). A WSDL that cannot be read is always a problem: the check was asked for.
 * The location is {@code classpath:name} (the application's class path) or a file.
 */
public final class WsdlStartupCheck {
    private static final GateLog LOG = GateLog.of(WsdlStartupCheck.class);
    private static final String CLASSPATH = "classpath:";

    private WsdlStartupCheck() {
    }

    public static void check(PolicyConfig policy, Problems problems) {
        WsdlPolicy wsdl = policy.wsdl();
        if (wsdl.publishPolicy()) {
            // what the published WS-SecurityPolicy cannot say: partners must be told (docs/ws-securitypolicy.md)
            new WsdlPolicyPublisher(policy).clientNotes().forEach(note -> LOG.warn("policy '{}' publishes "
                    + "WS-SecurityPolicy: {}", policy.name(), note));
        }
        if (wsdl.location().isEmpty()) {
            return;
        }
        String at = "policies." + policy.name() + ".wsdl.location";
        List<OperationPolicy> operations;
        try {
            operations = SecurityPolicyReader.read(read(wsdl.location().get()));
        } catch (IOException | RuntimeException e) {
            problems.add(at, "cannot read the WSDL " + wsdl.location().get() + ": " + e.getMessage());
            return;
        }
        if (operations.stream().allMatch(o -> o.alternatives().isEmpty())) {
            LOG.info("WSDL {} of policy '{}' carries no WS-SecurityPolicy: nothing to compare", wsdl.location().get(),
                    policy.name());
            return;
        }
        List<PolicyDifference> differences = WsdlPolicyCheck.compare(policy, operations);
        for (PolicyDifference d : differences) {
            if (wsdl.mismatch() == WsdlPolicy.Mismatch.FAIL) {
                problems.add(d.keyPath(), d.relation() + " " + wsdl.location().get() + ": " + d.text());
            } else {
                LOG.warn("policy '{}' differs from the WS-SecurityPolicy of {}: {}", policy.name(),
                        wsdl.location().get(), d);
            }
        }
        if (differences.isEmpty()) {
            LOG.info("policy '{}' matches the WS-SecurityPolicy of {}", policy.name(), wsdl.location().get());
        }
    }

    private static byte[] read(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            InputStream in = loader == null ? null : loader.getResourceAsStream(name);
            if (in == null) {
                in = WsdlStartupCheck.class.getClassLoader().getResourceAsStream(name);
            }
            if (in == null) {
                throw new IOException("no such class-path resource");
            }
            try (InputStream stream = in) {
                return stream.readAllBytes();
            }
        }
        return Files.readAllBytes(Path.of(location));
    }
}
