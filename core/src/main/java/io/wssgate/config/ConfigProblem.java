package io.wssgate.config;

/** One thing wrong with the configuration, at the key path that holds it (e.g. {@code policies.partner.trust.keystore.password}). */
public record ConfigProblem(String keyPath, String message) {
    @Override
    public String toString() {
        return keyPath + ": " + message;
    }
}
