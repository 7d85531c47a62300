package io.wssgate.config;

/** Servlet-style URL patterns: exact ({@code /a/b}), prefix ({@code /a/*}), extension ({@code *.svc}), {@code /}. */
public final class UrlPattern {
    private UrlPattern() {
    }

    public static boolean matches(String pattern, String path) {
        if (pattern.equals("/") || pattern.equals("/*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) {
            return path.endsWith(pattern.substring(1));
        }
        return pattern.equals(path);
    }

    public static boolean isValid(String pattern) {
        return pattern.equals("/") || (pattern.startsWith("*.") && pattern.length() > 2 && !pattern.contains("/"))
                || (pattern.startsWith("/") && pattern.indexOf('*') < 0)
                || (pattern.startsWith("/") && pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1);
    }
}
