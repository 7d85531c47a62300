package io.wssgate.spi;


/**
 * Supplies the token for an outbound message, for tokens the configuration cannot describe:
 * obtained by application code, or from a Security Token Service. Implementations must be
 * thread-safe; a supplier that cannot provide a token throws, and the message is not sent.
 */
@FunctionalInterface
public interface TokenSupplier {
    IssuedToken token(OutboundContext context) throws OutboundSecurityException;
}
