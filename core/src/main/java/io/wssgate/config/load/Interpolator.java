package io.wssgate.config.load;

import java.util.Objects;
import java.util.Optional;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a configuration value; Spring's
 * {@code ${NAME:default}} is accepted too (the same default), so a value copied from an
 * {@code application.yml} means the same here. {@code $${} stands
 * for a literal {@code ${}, so a password that happens to contain it can still be written inline.
 * A default may itself contain placeholders ({@code ${CA:-${KEYS_DIR:-keys}/ca.pem}}), as in a shell,
 * so one variable can name a directory and others override single files in it; a default is only
 * expanded when it is used.
 */
final class Interpolator {
    private final VariableResolver resolver;

    Interpolator(VariableResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The value with every placeholder replaced; throws with a user-facing message otherwise. */
    String apply(String value) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (value.startsWith("${", i)) {
                int end = closingBrace(value, i + 2);
                out.append(resolve(value.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index of the '}' that closes the placeholder whose name starts at {@code from}, skipping nested ones. */
    private static int closingBrace(String value, int from) {
        int depth = 0;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("$${", i)) {
                i += 2;
            } else if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("unterminated '${' in value");
    }

    private String resolve(String expression) {
        // the shell's ":-" first; otherwise Spring's ":" (variable names never hold a colon)
        int sep = expression.indexOf(":-");
        int skip = 2;
        if (sep < 0 && expression.indexOf(':') >= 0) {
            sep = expression.indexOf(':');
            skip = 1;
        }
        String name = (sep < 0 ? expression : expression.substring(0, sep)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty variable name in '${" + expression + "}'");
        }
        Optional<String> found = resolver.lookup(name);
        if (found.isPresent()) {
            return found.get();
        }
        if (sep >= 0) {
            return apply(expression.substring(sep + skip));
        }
        throw new IllegalArgumentException("undefined variable " + name);
    }
}
