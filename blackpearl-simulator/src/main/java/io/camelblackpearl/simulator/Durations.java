package io.camelblackpearl.simulator;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them on a command line: {@code 300ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 3d}, or ISO-8601. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + value + "'", e);
        }
    }
}
