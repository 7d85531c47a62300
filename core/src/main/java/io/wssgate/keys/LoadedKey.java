package io.wssgate.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

public record LoadedKey(PrivateKey privateKey, X509Certificate certificate) {
}
