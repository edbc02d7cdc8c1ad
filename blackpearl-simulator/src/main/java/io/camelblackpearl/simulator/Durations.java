package io.camelblackpearl.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations on the command line and in fault specs, in the product's one syntax: Camel's time pattern
 * ({@code 1d2h3m4s500ms}, any of its parts: {@code 300ms}, {@code 90s}, {@code 1h30m}) or ISO-8601
 * ({@code PT2S}); no plain numbers, nothing negative. The simulator shares no code with the component (it is
 * the appliance's double, not part of the product), so this is the syntax written a second time; a test of
 * the component feeds both parsers the same table and requires the same answers.
 */
public final class Durations {

    private static final Pattern TIME_PATTERN = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {
    }

    /** The duration {@code value} names; refused with an IllegalArgumentException when it names none. */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                Duration iso = Duration.parse(v.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } else {
                Matcher m = TIME_PATTERN.matcher(v.toLowerCase(Locale.ROOT));
                if (!v.isEmpty() && m.matches()) {
                    return Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3)).plusSeconds(part(m, 4))
                            .plusMillis(part(m, 5));
                }
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException("not a duration: '" + value + "'");
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
