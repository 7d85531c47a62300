package io.wssgate.config.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "did you mean" of an unknown key: the known key closest to what was typed, if one is close
 * enough to be the likely intent. Keys are compared without case, dashes or underscores first
 * ({@code maxAge}, {@code max_age} and {@code max-age} are the same key misspelled only in form),
 * then by edit distance, where swapping two neighbouring letters counts as one edit
 * ({@code trsut} is one edit from {@code trust}). Every front end reports unknown keys through
 * {@link #unknownKey}, so the wording is the same in YAML, web.xml and Spring Boot.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** "unknown key", followed by "; did you mean X?" when a candidate is close to {@code typed}. */
    public static String unknownKey(String typed, Collection<String> candidates) {
        return "unknown key" + closest(typed, candidates).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** The candidate closest to {@code typed}, when it is at most a few edits away (fewer for short keys). */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String wanted = normalize(typed);
        int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, normalize(candidate));
            if (distance < bestDistance && !candidate.equals(typed)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String normalize(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
