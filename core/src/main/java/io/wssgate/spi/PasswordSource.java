package io.wssgate.spi;

import java.util.Optional;

/**
 * Supplies the password of a UsernameToken user, so the token's PasswordText or PasswordDigest
 * can be checked. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PasswordSource {
    Optional<char[]> passwordOf(String username);
}
