package io.camelblackpearl.component;

import io.camelblackpearl.support.Durations;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict reading of the numeric and duration options, before Camel binds them. Camel's binding reads any
 * text it cannot parse as a time pattern as 0 ({@code maxRetries=abc} would mean no retries,
 * {@code callTimeout=xyz} no deadline), and a negative duration as 0 too. Here every such value, whether it
 * came in an endpoint URI or as a {@code camel.component.blackpearl.*} property (environment variable, system
 * property, properties file), is refused naming the option and the value exactly as given.
 */
final class NumericOptions {

    private enum Kind { WHOLE_NUMBER, DURATION }

    private record Spec(String name, Kind kind, long min) {
    }

    /** By the option's name lower-cased without dashes, as Camel matches names. */
    private static final Map<String, Spec> OPTIONS = Map.ofEntries(
            spec("connectTimeout", Kind.DURATION, 0), spec("responseTimeout", Kind.DURATION, 0),
            spec("retryInitialDelay", Kind.DURATION, 0), spec("retryMaxDelay", Kind.DURATION, 0),
            spec("callTimeout", Kind.DURATION, 0), spec("waitingAfter", Kind.DURATION, 0),
            spec("delay", Kind.DURATION, 1), spec("initialDelay", Kind.DURATION, 0),
            spec("maxConnections", Kind.WHOLE_NUMBER, 1), spec("maxRedirects", Kind.WHOLE_NUMBER, 0),
            spec("maxRetries", Kind.WHOLE_NUMBER, 0), spec("pageLength", Kind.WHOLE_NUMBER, 1),
            spec("backoffMultiplier", Kind.WHOLE_NUMBER, 0), spec("backoffIdleThreshold", Kind.WHOLE_NUMBER, 0),
            spec("backoffErrorThreshold", Kind.WHOLE_NUMBER, 0), spec("repeatCount", Kind.WHOLE_NUMBER, 0));

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    private NumericOptions() {
    }

    private static Map.Entry<String, Spec> spec(String name, Kind kind, long min) {
        return Map.entry(key(name), new Spec(name, kind, min));
    }

    private static String key(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Checks every numeric or duration option among {@code options} (name to value, as given). */
    static void check(Map<String, Object> options, String where) {
        options.forEach((name, value) -> check(name, value, where));
    }

    /**
     * Refuses a text value of a numeric or duration option that is not a number (or a duration) or is below
     * the option's minimum. {@code where} says where it was set, e.g. a property key; null for a URI.
     */
    static void check(String name, Object value, String where) {
        Spec spec = OPTIONS.get(key(name));
        if (spec == null || !(value instanceof String text) || text.startsWith("#") || text.startsWith("{{")) {
            return;
        }
        String option = "option " + spec.name() + (where == null ? "" : " (" + where + ")");
        String trimmed = text.trim();
        long amount;
        if (spec.kind() == Kind.WHOLE_NUMBER) {
            if (!WHOLE.matcher(trimmed).matches()) {
                throw ExchangeInputs.invalid(option, text, "expected a whole number");
            }
            try {
                amount = Long.parseLong(trimmed);
            } catch (NumberFormatException tooLarge) {
                throw ExchangeInputs.invalid(option, text, "the number is too large");
            }
        } else {
            amount = millis(option, text, trimmed);
        }
        requireInRange(spec, option, text, amount);
    }

    /**
     * Refuses a value already read (set from Java, or bound by Camel) below the option's minimum: the same
     * minimums as for text, kept in one table.
     */
    static void requireInRange(String name, long value) {
        Spec spec = OPTIONS.get(key(name));
        if (spec == null) {
            throw new IllegalArgumentException("no numeric option " + name);
        }
        requireInRange(spec, "option " + spec.name(), value, value);
    }

    private static void requireInRange(Spec spec, String option, Object given, long amount) {
        if (amount < spec.min()) {
            throw ExchangeInputs.invalid(option, given, spec.min() == 0 ? "it must not be negative"
                    : "it must be at least " + spec.min() + (spec.kind() == Kind.DURATION ? " ms" : ""));
        }
    }

    private static long millis(String option, String text, String trimmed) {
        if (trimmed.startsWith("-")) {
            // the minimum's message names the value; Camel would have read it as 0
            try {
                return -Durations.parseMillisOrDuration(trimmed.substring(1)).toMillis();
            } catch (IllegalArgumentException e) {
                // reported below
            }
        } else {
            try {
                return Durations.parseMillisOrDuration(trimmed).toMillis();
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw ExchangeInputs.invalid(option, text, Durations.SYNTAX + " or a number of milliseconds");
    }
}
