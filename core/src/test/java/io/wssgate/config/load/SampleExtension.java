package io.wssgate.config.load;

import io.wssgate.spi.PasswordSource;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.TokenSupplier;
import java.util.Optional;

/** The class named by every class-name key of the schema samples: a password source and a token supplier. */
public class SampleExtension implements PasswordSource, TokenSupplier {
    @Override
    public Optional<char[]> passwordOf(String username) {
        return Optional.empty();
    }

    @Override
    public IssuedToken token(OutboundContext context) throws OutboundSecurityException {
        throw new OutboundSecurityException("samples issue no tokens");
    }
}
