package io.wssgate.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The tampering every benchmark's setup must see rejected: one byte of the Body's text changed
 * after signing, in the raw bytes (no re-parse, no re-serialization, so nothing else moves and
 * it costs nothing even at 10 MB).
 */
public final class Tamper {
    private Tamper() {
    }

    public static byte[] oneBodyByte(byte[] message) {
        String xml = new String(message, StandardCharsets.ISO_8859_1); // byte-for-byte view
        int body = xml.indexOf(":Body");
        if (body < 0) {
            throw new IllegalArgumentException("no SOAP Body");
        }
        for (int i = xml.indexOf('>', body) + 1, inTag = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c == '<') {
                inTag = 1;
            } else if (c == '>') {
                inTag = 0;
            } else if (inTag == 0 && Character.isLetter(c) && c < 128) {
                byte[] copy = message.clone();
                copy[i] = (byte) (c == 'x' ? 'y' : 'x');
                return copy;
            }
        }
        throw new IllegalArgumentException("no text in the SOAP Body");
    }
}
