package io.wssgate.benchmarks;

/** One way of securing an outgoing message: unsecured envelope bytes in, secured bytes out. */
public interface OutboundSystem {
    byte[] secure(byte[] unsecured) throws Exception;
}
