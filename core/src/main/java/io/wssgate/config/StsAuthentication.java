package io.wssgate.config;

import java.util.Objects;

/** How this side proves who it is to the Security Token Service. */
public sealed interface StsAuthentication {

    /** A WS-Security UsernameToken (PasswordDigest unless {@code passwordText}). */
    record Username(String username, Secret password, boolean passwordText) implements StsAuthentication {
        public Username {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    /** An X.509 signature over Body and Timestamp with this key. */
    record Signature(KeySource key) implements StsAuthentication {
        public Signature {
            Objects.requireNonNull(key, "key");
        }
    }
}
