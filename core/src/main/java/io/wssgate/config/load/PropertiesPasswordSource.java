package io.wssgate.config.load;

import io.wssgate.spi.PasswordSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fixed table of user passwords, as loaded from a {@code user=password} properties file. Immutable. */
final class PropertiesPasswordSource implements PasswordSource {
    private final Map<String, char[]> passwords;

    PropertiesPasswordSource(Map<String, String> passwords) {
        Map<String, char[]> copy = new HashMap<>();
        passwords.forEach((user, password) -> copy.put(user, password.toCharArray()));
        this.passwords = Map.copyOf(copy);
    }

    @Override
    public Optional<char[]> passwordOf(String username) {
        char[] password = passwords.get(username);
        // A copy, because callers are expected to wipe what they receive.
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    @Override
    public String toString() {
        return "PropertiesPasswordSource[" + passwords.size() + " users]";
    }
}
