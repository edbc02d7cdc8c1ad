package io.camelblackpearl.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.util.TimeUtils;

/**
 * The one duration syntax of every setting of the product (component options, escalation policies, the
 * cluster's check-in interval, the sample's settings): Camel's time pattern, {@code 1d2h3m4s500ms} with any
 * of its parts ({@code 500ms}, {@code 30s}, {@code 1h30m}), or ISO-8601 ({@code PT2H}), converted by Camel's
 * own {@link org.apache.camel.util.TimeUtils}. Read strictly: Camel's conversion reads text it cannot parse,
 * and a negative value, as 0; here they are refused.
 */
public final class Durations {

    /** Camel's time pattern, parts in its order: 1d2h3m4s500ms. */
    private static final Pattern TIME_PATTERN = Pattern.compile("(?:\\d+d)?(?:\\d+h)?(?:\\d+m(?!s))?(?:\\d+s)?(?:\\d+ms)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The syntax in words, for error messages. */
    public static final String SYNTAX = "expected a duration such as 500ms, 30s, 2m, 1h30m, 1d or PT2M";

    private Durations() {
    }

    /**
     * A duration with a unit: Camel's time pattern or ISO-8601. A plain number is refused (is {@code 90}
     * seconds or milliseconds?), as is a negative duration.
     *
     * @throws IllegalArgumentException naming nothing but the text: callers add the setting's name
     */
    public static Duration parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse(String)}, and a plain number as milliseconds, as Camel reads a number option. */
    public static Duration parseMillisOrDuration(String text) {
        return parse(text, true);
    }

    private static Duration parse(String text, boolean plainMillis) {
        String s = text == null ? "" : text.trim();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("'" + text + "': a duration must not be negative");
        }
        try {
            if (s.startsWith("P") || s.startsWith("p")) {
                Duration iso = Duration.parse(s.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } else if (DIGITS.matcher(s).matches()) {
                if (plainMillis) {
                    return Duration.ofMillis(Long.parseLong(s));
                }
                throw new IllegalArgumentException("'" + text + "': a duration needs a unit (500ms, 30s, 2m, 1h, 1d)");
            } else if (!s.isEmpty() && TIME_PATTERN.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
                return Duration.ofMillis(TimeUtils.toMilliSeconds(s.toLowerCase(Locale.ROOT)));
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': " + SYNTAX);
    }
}
