package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.StageFact;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An algorithm the policy does not allow: which one, in words, and the configuration key whose
 * list would allow it, with a warning where allowing it would be a mistake. The algorithm is the
 * one the pipeline named; this only translates it.
 */
final class AlgorithmEvidence {
    private static final Pattern NOT_ALLOWED = Pattern.compile("([a-z ]+) algorithm not allowed: (\\S*)");

    private static final Map<String, String> KEYS = Map.of(
            "signature", "signature.algorithms.signature",
            "digest", "signature.algorithms.digest",
            "canonicalization", "signature.algorithms.canonicalization",
            "transform", "signature.algorithms.canonicalization",
            "key transport", "decryption.key-transport-algorithms",
            "data encryption", "decryption.data-algorithms");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "RSA with SHA-1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-md5", "RSA with MD5"),
            Map.entry("http://www.w3.org/2000/09/xmldsig#dsa-sha1", "DSA with SHA-1"),
            Map.entry("http://www.w3.org/2000/09/xmldsig#hmac-sha1", "HMAC-SHA1"),
            Map.entry("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#md5", "MD5"),
            Map.entry("http://www.w3.org/TR/2001/REC-xml-c14n-20010315", "inclusive C14N 1.0"),
            Map.entry("http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", "inclusive C14N 1.0 with comments"),
            Map.entry("http://www.w3.org/2001/10/xml-exc-c14n#WithComments", "exclusive C14N with comments"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#rsa-1_5", "RSA PKCS#1 v1.5 key transport"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "AES-128-CBC"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#aes256-cbc", "AES-256-CBC"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#tripledes-cbc", "Triple-DES-CBC"));

    /** Broken or attackable: allowing them re-opens a known attack. */
    private static final Set<String> UNSAFE = Set.of("http://www.w3.org/2001/04/xmldsig-more#rsa-md5",
            "http://www.w3.org/2001/04/xmldsig-more#md5", "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
            "http://www.w3.org/2001/04/xmlenc#aes256-cbc", "http://www.w3.org/2001/04/xmlenc#tripledes-cbc",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments");

    private static final String RSA_15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    private AlgorithmEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        Matcher m = NOT_ALLOWED.matcher(refusal.detail());
        if (!m.find()) {
            return List.of();
        }
        String kind = m.group(1).strip();
        String uri = m.group(2);
        String name = NAMES.getOrDefault(uri, uri);
        String key = "policies." + refusal.policy().name() + "." + KEYS.getOrDefault(kind, "signature.algorithms");
        String allow;
        if (RSA_15.equals(uri)) {
            allow = "no configuration allows it: RSA 1.5 key transport is open to Bleichenbacher's attack, the sender "
                    + "must use RSA-OAEP";
        } else if ("transform".equals(kind) && !uri.contains("c14n")) {
            allow = "no configuration allows this transform: only canonicalization and enveloped-signature are accepted";
        } else {
            allow = "adding it to " + key + " would accept it"
                    + (UNSAFE.contains(uri) ? ", which re-opens a known attack: ask the sender to change instead"
                    : uri.contains("sha1") ? " (SHA-1 is deprecated: prefer asking the sender for SHA-256)" : "");
        }
        return List.of(Finding.cause("algorithm", "The " + kind + " algorithm " + name + " is not on the policy's "
                + "allowlist; " + allow, List.of(new StageFact("algorithm", uri), new StageFact("kind", kind),
                new StageFact("configuration key", key))));
    }
}
