package io.wssgate.config.load;

import io.wssgate.spi.PasswordSource;
import java.util.Optional;

/** A PasswordSource named by class in test configurations. */
public class FixedPasswordSource implements PasswordSource {
    @Override
    public Optional<char[]> passwordOf(String username) {
        return username.equals("fixed") ? Optional.of("secret".toCharArray()) : Optional.empty();
    }
}
