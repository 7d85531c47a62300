package io.wssgate.config;

import io.wssgate.identity.ConfirmationMethod;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML assertion this side issues itself, signed by {@code issuerKey}. The subject is the
 * configured name, or (when empty) the caller whose request is being served. For
 * holder-of-key the subject key is the outbound signing key.
 */
public record SamlIssuance(boolean saml2, String issuer, KeySource issuerKey, ConfirmationMethod confirmationMethod,
                           Optional<String> subject, String nameFormat, Map<String, List<String>> attributes,
                           List<String> audiences, Duration lifetime) {
    public static final String UNSPECIFIED_NAME_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    public SamlIssuance {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerKey, "issuerKey");
        Objects.requireNonNull(confirmationMethod, "confirmationMethod");
        subject = subject == null ? Optional.empty() : subject;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
        audiences = List.copyOf(audiences);
    }
}
