package io.wssgate.config.load;

import io.wssgate.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a secret given either inline ({@code password}, usually as {@code ${ENV_VAR}}) or as a
 * sibling {@code password-file} (Docker/Kubernetes secrets are mounted as files).
 */
final class Secrets {
    private Secrets() {
    }

    /** The secret under {@code key} or {@code key-file} of {@code parent}; reports when both or (if required) neither is given. */
    static Optional<Secret> read(Node parent, String key, boolean required) {
        Node inline = parent.get(key);
        Node file = parent.get(key + "-file");
        if (inline.present() && file.present()) {
            inline.problem("give either " + key + " or " + key + "-file, not both");
            return Optional.empty();
        }
        if (inline.present()) {
            return inline.secretText().map(Secret::of);
        }
        if (file.present()) {
            return file.file().flatMap(p -> readFile(p, file));
        }
        if (required) {
            parent.context().problems().add(parent.childPath(key), "required (or " + key + "-file)");
        }
        return Optional.empty();
    }

    private static Optional<Secret> readFile(Path path, Node node) {
        try {
            return Optional.of(Secret.of(stripTrailingNewlines(Files.readString(path, StandardCharsets.UTF_8))));
        } catch (NoSuchFileException e) {
            node.problem("file not found: " + path);
        } catch (IOException e) {
            node.problem("cannot read " + path + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Editors and {@code echo} append a newline that is never part of the password. */
    private static String stripTrailingNewlines(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }
}
