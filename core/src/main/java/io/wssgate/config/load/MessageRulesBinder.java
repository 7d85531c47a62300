package io.wssgate.config.load;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.MessageLimits;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.config.TimestampPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.xml.namespace.QName;

/** Binds the per-message rules of a policy: {@code limits}, {@code attachments}, {@code timestamp} and {@code signature}. */
final class MessageRulesBinder {
    private MessageRulesBinder() {
    }

    static MessageLimits limits(Node node) {
        MessageLimits d = MessageLimits.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new MessageLimits(
                node.get("max-message-size").parse(ValueParsers::size).orElse(d.maxMessageBytes()),
                node.get("max-depth").parse(ValueParsers::positiveInt).orElse(d.maxDepth()),
                node.get("max-elements").parse(ValueParsers::positiveInt).orElse(d.maxElements()));
    }

    static AttachmentPolicy attachments(Node node) {
        AttachmentPolicy d = AttachmentPolicy.disabled();
        if (!node.expectMap()) {
            return d;
        }
        return new AttachmentPolicy(
                node.get("enabled").parse(ValueParsers::bool).orElse(d.enabled()),
                node.get("max-parts").parse(ValueParsers::positiveInt).orElse(d.maxParts()),
                node.get("max-part-size").parse(ValueParsers::size).orElse(d.maxPartBytes()),
                node.get("max-total-size").parse(ValueParsers::size).orElse(d.maxTotalBytes()),
                node.get("require-signed").parse(ValueParsers::bool).orElse(d.requireSigned()),
                node.get("require-encrypted").parse(ValueParsers::bool).orElse(d.requireEncrypted()),
                node.get("memory-budget").parse(ValueParsers::sizeOrZero).orElse(d.memoryBudget()));
    }

    static TimestampPolicy timestamp(Node node) {
        TimestampPolicy d = TimestampPolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new TimestampPolicy(
                node.get("required").parse(ValueParsers::bool).orElse(d.required()),
                node.get("max-age").parse(ValueParsers::duration).orElse(d.maxAge()),
                node.get("future-skew").parse(ValueParsers::duration).orElse(d.futureSkew()),
                node.get("expires-required").parse(ValueParsers::bool).orElse(d.expiresRequired()),
                node.get("replay-detection").parse(ValueParsers::bool).orElse(d.replayDetection()));
    }

    static SignaturePolicy signature(Node node) {
        SignaturePolicy d = SignaturePolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        boolean signBody = d.signBody();
        boolean signTimestamp = d.signTimestamp();
        List<QName> headers = d.signedHeaders();
        List<Node> parts = node.get("parts").scalarElements().orElse(null);
        if (parts != null) {
            // Listing parts replaces the default set entirely, so "parts: [Body]" really means Body only.
            signBody = false;
            signTimestamp = false;
            headers = new ArrayList<>();
            for (Node part : parts) {
                String text = part.text().orElse(null);
                if ("Body".equals(text)) {
                    signBody = true;
                } else if ("Timestamp".equals(text)) {
                    signTimestamp = true;
                } else if (text != null) {
                    part.parse(ValueParsers::headerQName).ifPresent(headers::add);
                }
            }
        }
        return new SignaturePolicy(
                node.get("required").parse(ValueParsers::bool).orElse(d.required()),
                signBody, signTimestamp, headers,
                algorithms(node.get("algorithms")),
                node.get("x509-authentication").parse(ValueParsers::bool).orElse(d.x509Authentication()));
    }

    private static AlgorithmPolicy algorithms(Node node) {
        AlgorithmPolicy d = AlgorithmPolicy.defaults();
        if (!node.expectMap()) {
            return d;
        }
        return new AlgorithmPolicy(
                uriAllowlist(node.get("signature"), d.signature()),
                uriAllowlist(node.get("digest"), d.digest()),
                uriAllowlist(node.get("canonicalization"), d.canonicalization()),
                node.get("min-rsa-key-size").parse(ValueParsers::positiveInt).orElse(d.minRsaKeyBits()),
                node.get("min-ec-key-size").parse(ValueParsers::positiveInt).orElse(d.minEcKeyBits()));
    }

    /**
     * An algorithm allowlist given replaces the default one. An empty allowlist would reject every
     * message, which is never what was meant, so it is reported instead.
     */
    static Set<String> uriAllowlist(Node node, Set<String> defaults) {
        List<String> uris = node.list(Function.identity()).orElse(null);
        if (uris == null) {
            return defaults;
        }
        if (uris.isEmpty()) {
            node.problem("must list at least one algorithm URI");
        }
        return Set.copyOf(uris);
    }
}
