package io.wssgate.filter.interop;

import java.nio.charset.StandardCharsets;

/**
 * A man in the middle changing signed content of a CXF-produced message, as text so nothing
 * else in the message (namespaces, whitespace) changes.
 */
final class CxfTampering {
    static final String GENUINE_TEXT = "pay 10";

    private CxfTampering() {
    }

    /**
     * Signed messages: the signed Body text becomes "pay 99". Encrypted Body: one character of
     * its ciphertext changes (AES-GCM's tag covers it; the signature covers the plaintext).
     * Bearer: the issuer-signed assertion's subject becomes "mallory".
     */
    static byte[] tamper(Profile profile, byte[] message) {
        String xml = new String(message, StandardCharsets.UTF_8);
        String tampered;
        if (profile.encryptsBody) {
            int body = xml.indexOf("Body");
            int cipher = xml.indexOf("CipherValue>", body) + "CipherValue>".length();
            char c = xml.charAt(cipher + 8);
            tampered = xml.substring(0, cipher + 8) + (c == 'A' ? 'B' : 'A') + xml.substring(cipher + 9);
        } else if (profile.signed()) {
            tampered = replaceFirst(xml, ">" + GENUINE_TEXT + "<", ">pay 99<");
        } else {
            tampered = replaceFirst(xml, ">" + Profile.SAML_SUBJECT + "<", ">mallory<");
        }
        return tampered.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceFirst(String xml, String from, String to) {
        int at = xml.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("no " + from + " in " + xml);
        }
        return xml.substring(0, at) + to + xml.substring(at + from.length());
    }
}
