package io.wssgate.config.load;

import io.wssgate.config.FipsMode;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds the root of the tree ({@code fips}, {@code policies}, {@code replay}, {@code keys}, {@code diagnostics}) and checks rules that span policies. */
final class ConfigBinder {
    private ConfigBinder() {
    }

    /** FIPS mode is read first: it decides the algorithm defaults of every policy. */
    static WssGateConfig bind(Object tree, BindContext context) {
        // a throwaway context: a bad value is reported once, by the bind below
        Node probe = Node.root(tree, new BindContext(new Problems(), context.interpolator(), context.baseDir()));
        boolean fips = FipsMode.on(probe.isMap() && probe.get("fips").parse(ValueParsers::bool).orElse(false));
        return bind(Node.root(tree, context.withFips(fips)));
    }

    static WssGateConfig bind(Node root) {
        if (root.present()) {
            root.expectMap();
        }
        // read here so a bad value is reported (and the key counts as read); the mode itself came from the probe
        root.get("fips").parse(ValueParsers::bool);
        Node policiesNode = root.get("policies");
        Map<String, Node> entries = policiesNode.entries();
        if (!policiesNode.present()) {
            root.context().problems().add("policies", "required: at least one policy");
        } else if (entries.isEmpty()) {
            policiesNode.problem("at least one policy is required");
        }
        List<PolicyConfig> policies = new ArrayList<>();
        entries.forEach((name, node) -> policies.add(PolicyBinder.policy(name, node)));
        checkPatternsUnique(policies, entries, root);
        return new WssGateConfig(policies, ReplayBinder.replay(root.get("replay")), keyReloadInterval(root.get("keys")),
                root.context().fips(), DiagnosticsBinder.captureRejected(root.get("diagnostics")));
    }

    private static Duration keyReloadInterval(Node keys) {
        if (!keys.expectMap()) {
            return WssGateConfig.DEFAULT_KEY_RELOAD_INTERVAL;
        }
        return keys.get("reload-interval").parse(ConfigBinder::interval).orElse(WssGateConfig.DEFAULT_KEY_RELOAD_INTERVAL);
    }

    /** A duration, or {@code off} for never (same as 0). */
    private static Duration interval(String text) {
        return text.equalsIgnoreCase("off") ? Duration.ZERO : ValueParsers.duration(text);
    }

    /** Policies match in order, so a pattern repeated in a later policy could never select it: a mistake. */
    private static void checkPatternsUnique(List<PolicyConfig> policies, Map<String, Node> nodes, Node root) {
        Map<String, String> owner = new HashMap<>();
        for (PolicyConfig policy : policies) {
            List<String> paths = policy.paths();
            for (int i = 0; i < paths.size(); i++) {
                String first = owner.putIfAbsent(paths.get(i), policy.name());
                if (first != null) {
                    root.context().problems().add(nodes.get(policy.name()).childPath("paths") + "[" + i + "]",
                            "URL pattern '" + paths.get(i) + "' is already bound to policy '" + first + "'");
                }
            }
        }
    }
}
