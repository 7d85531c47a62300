package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.PASSWORD;
import static io.wssgate.testing.attacks.AttackFixture.USER;
import static io.wssgate.testing.attacks.AttackFixture.UT;
import static io.wssgate.testing.attacks.AttackFixture.X509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Timestamps ("x509": a signed Timestamp is required) and UsernameTokens ("ut": PasswordDigest
 * required) that are wrong in one way each. Where the client itself could have produced the
 * wrong form, the edit is made before signing, so the signature is valid and only the rule under
 * test can refuse the message.
 */
public final class TimestampAndUsernameTokenAttacks {
    static final String CATEGORY = "Timestamps and UsernameTokens";

    private TimestampAndUsernameTokenAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        a.add(Attack.post(CATEGORY, "Timestamp expired 15 minutes ago", X509,
                () -> signedWithTimestamp(f, Instant.now().minus(Duration.ofMinutes(20))), FaultCode.MESSAGE_EXPIRED));
        a.add(Attack.post(CATEGORY, "Timestamp created 20 minutes in the future", X509,
                () -> signedWithTimestamp(f, Instant.now().plus(Duration.ofMinutes(20))), FaultCode.MESSAGE_EXPIRED));
        a.add(Attack.post(CATEGORY, "Expires before Created (both within the allowed skew)", X509,
                () -> expiresBeforeCreated(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "two Created elements (the second an hour old), signed", X509,
                () -> f.x509(X509).beforeSigning(doc -> duplicate(doc, "Created",
                        Instant.now().minus(Duration.ofHours(1)))).build(), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "two Expires elements (the second a year away), signed", X509,
                () -> f.x509(X509).beforeSigning(doc -> duplicate(doc, "Expires",
                        Instant.now().plus(Duration.ofDays(365)))).build(), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "two signed Timestamps", X509,
                () -> f.x509(X509).beforeSigning(TimestampAndUsernameTokenAttacks::secondTimestamp).build(),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "Timestamp present but not signed", X509,
                () -> f.x509(X509).signTimestamp(false).build(), FaultCode.FAILED_CHECK));
        a.add(Attack.post(CATEGORY, "no Timestamp where one is required", X509,
                () -> AttackFixture.envelope(X509).signWith(f.client, KeyIdType.BST).build(),
                FaultCode.INVALID_SECURITY));
        a.add(Attack.replay(CATEGORY, "the same signed message sent twice", X509, () -> {
            byte[] message = f.x509(X509).build();
            return List.of(message, message);
        }, FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "UsernameToken without a Password", UT,
                () -> MessageDom.edit(f.usernameToken(UT).build(), doc -> remove(password(doc))),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "UsernameToken with an empty PasswordDigest", UT,
                () -> MessageDom.edit(f.usernameToken(UT).build(), doc -> password(doc).setTextContent("")),
                FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "the right password as PasswordText where a digest is required", UT,
                () -> usernameToken(PASSWORD, PasswordType.TEXT).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.post(CATEGORY, "wrong password digest", UT,
                () -> usernameToken(PASSWORD + "-guess", PasswordType.DIGEST).build(), FaultCode.FAILED_AUTHENTICATION));
        a.add(Attack.replay(CATEGORY, "UsernameToken (nonce) replayed in a fresh message", UT,
                () -> replayedUsernameToken(f), FaultCode.INVALID_SECURITY));
        a.add(Attack.post(CATEGORY, "UsernameToken created an hour ago, digest recomputed", UT,
                () -> staleUsernameToken(f), FaultCode.MESSAGE_EXPIRED));
        return a;
    }

    // ---- Timestamp ------------------------------------------------------------------------------

    private static byte[] signedWithTimestamp(AttackFixture f, Instant created) {
        return AttackFixture.envelope(X509).timestamp(created, Duration.ofMinutes(5))
                .signWith(f.client, KeyIdType.BST).build();
    }

    /** Created 30 s ahead (inside the 60 s future skew), Expires 20 s ahead: fresh by each bound, inverted. */
    private static byte[] expiresBeforeCreated(AttackFixture f) {
        Instant now = Instant.now();
        return f.x509(X509).beforeSigning(doc -> {
            timestampChild(doc, "Created").setTextContent(format(now.plusSeconds(30)));
            timestampChild(doc, "Expires").setTextContent(format(now.plusSeconds(20)));
        }).build();
    }

    private static void secondTimestamp(Document doc) {
        Element timestamp = MessageDom.timestamp(doc);
        Element copy = (Element) timestamp.cloneNode(true);
        copy.setAttributeNS(MessageDom.WSU, "wsu:Id", "TS-copy");
        timestamp.getParentNode().insertBefore(copy, timestamp);
    }

    private static Element timestampChild(Document doc, String name) {
        return MessageDom.child(MessageDom.timestamp(doc), MessageDom.WSU, name);
    }

    private static void duplicate(Document doc, String name, Instant value) {
        Element original = timestampChild(doc, name);
        Element copy = (Element) original.cloneNode(true);
        copy.setTextContent(format(value));
        original.getParentNode().insertBefore(copy, original.getNextSibling());
    }

    private static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- UsernameToken --------------------------------------------------------------------------

    private static MessageBuilder usernameToken(String password, PasswordType type) {
        return AttackFixture.envelope(UT).timestamp(Duration.ofMinutes(5)).usernameToken(USER, password, type);
    }

    private static Element password(Document doc) {
        return MessageDom.first(doc, MessageDom.WSSE, "Password");
    }

    /** A captured token (nonce, Created, digest) put into a second, otherwise fresh message. */
    private static List<byte[]> replayedUsernameToken(AttackFixture f) {
        byte[] first = f.usernameToken(UT).build();
        Element captured = MessageDom.first(TestMessages.parse(first), MessageDom.WSSE, "UsernameToken");
        byte[] second = MessageDom.edit(f.usernameToken(UT).build(), doc -> {
            Element token = MessageDom.first(doc, MessageDom.WSSE, "UsernameToken");
            token.getParentNode().replaceChild(doc.importNode(captured, true), token);
        });
        return List.of(first, second);
    }

    /** Created an hour ago with a correct digest over it: only the token's age is wrong. */
    private static byte[] staleUsernameToken(AttackFixture f) {
        String created = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        return MessageDom.edit(f.usernameToken(UT).build(), doc -> {
            Element token = MessageDom.first(doc, MessageDom.WSSE, "UsernameToken");
            MessageDom.child(token, MessageDom.WSU, "Created").setTextContent(created);
            byte[] nonce = Base64.getDecoder().decode(MessageDom.child(token, MessageDom.WSSE, "Nonce").getTextContent());
            password(doc).setTextContent(passwordDigest(nonce, created, PASSWORD));
        });
    }

    /** WSS UsernameToken profile: Base64(SHA-1(nonce + created + password)). */
    private static String passwordDigest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void remove(Element element) {
        element.getParentNode().removeChild(element);
    }
}
