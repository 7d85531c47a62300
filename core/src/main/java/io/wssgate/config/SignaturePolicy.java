package io.wssgate.config;

import java.util.List;
import javax.xml.namespace.QName;

/**
 * Rules for message signatures. When {@code required}, the SOAP Body (if {@code signBody}),
 * the Timestamp (if {@code signTimestamp}) and every header named in {@code signedHeaders}
 * must be covered by a signature whose key the policy accepts.
 * {@code x509Authentication}: a bare X.509 signature (no token) authenticates its certificate's subject.
 */
public record SignaturePolicy(boolean required, boolean signBody, boolean signTimestamp, List<QName> signedHeaders,
                              AlgorithmPolicy algorithms, boolean x509Authentication) {
    public SignaturePolicy {
        signedHeaders = List.copyOf(signedHeaders);
    }

    public static SignaturePolicy defaults() {
        return new SignaturePolicy(true, true, true, List.of(), AlgorithmPolicy.defaults(), true);
    }
}
