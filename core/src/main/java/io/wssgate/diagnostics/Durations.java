package io.wssgate.diagnostics;

import java.time.Duration;

/** Durations the way people read them: {@code 7m 12s}, {@code 3d 4h}, {@code 250ms}. */
final class Durations {
    private Durations() {
    }

    static String human(Duration duration) {
        Duration d = duration.abs();
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        d = d.plusMillis(500).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // to the nearest second
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? minutes + "m" + (seconds > 0 ? " " + seconds + "s" : "") : seconds + "s";
    }
}
