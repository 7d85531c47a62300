package io.wssgate.config.load;

import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.spi.PasswordSource;
import java.util.Optional;

/** Binds {@code username-token}. */
final class UsernameTokenBinder {
    private UsernameTokenBinder() {
    }

    static UsernameTokenPolicy usernameToken(Node node) {
        UsernameTokenPolicy d = UsernameTokenPolicy.disabled();
        if (!node.expectMap()) {
            return d;
        }
        boolean enabled = node.get("enabled").parse(ValueParsers::bool).orElse(d.enabled());
        Node file = node.get("passwords");
        Node type = node.get("password-source");
        Optional<PasswordSource> source = Optional.empty();
        if (file.present() && type.present()) {
            node.problem("give either passwords or password-source, not both");
        } else if (file.present()) {
            source = PasswordSources.fromFile(file);
        } else if (type.present()) {
            source = PasswordSources.fromClass(type);
        } else if (enabled) {
            node.problem("a UsernameToken policy needs passwords (a properties file) or password-source (a class)");
        }
        return new UsernameTokenPolicy(enabled, source,
                node.get("allow-password-text").parse(ValueParsers::bool).orElse(d.allowPasswordText()),
                node.get("max-age").parse(ValueParsers::duration).orElse(d.maxAge()),
                node.get("future-skew").parse(ValueParsers::duration).orElse(d.futureSkew()),
                node.get("nonce-replay-detection").parse(ValueParsers::bool).orElse(d.nonceReplayDetection()));
    }
}
