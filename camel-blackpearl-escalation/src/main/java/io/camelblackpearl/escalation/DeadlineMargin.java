package io.camelblackpearl.escalation;

import java.time.Duration;
import java.time.Instant;

/**
 * How much room a projection must leave before a deadline: a share of the projected time to finish
 * ({@code 25%}) or a fixed time ({@code 30m}). It covers what a projection cannot see: jobs still to arrive,
 * a drive that fails, a rate that drops.
 */
public record DeadlineMargin(double share, Duration fixed) {

    public static final DeadlineMargin DEFAULT = new DeadlineMargin(0.25, null);

    public static DeadlineMargin parse(String text) {
        String value = text.trim();
        if (value.endsWith("%")) {
            double percent = Double.parseDouble(value.substring(0, value.length() - 1).trim());
            if (!(percent >= 0 && percent <= 1000)) {
                throw new IllegalArgumentException("a share from 0% to 1000%");
            }
            return new DeadlineMargin(percent / 100, null);
        }
        return new DeadlineMargin(0, PolicyFile.parseDuration(value));
    }

    /** Whether finishing {@code seconds} after {@code now} leaves this margin before {@code deadline}. */
    public boolean met(Instant now, double seconds, Instant deadline) {
        double room = fixed != null ? fixed.toMillis() / 1000.0 : seconds * share;
        return now.plusMillis((long) ((seconds + room) * 1000)).compareTo(deadline) <= 0;
    }

    @Override
    public String toString() {
        return fixed != null ? EscalationPlanner.format(fixed) : Math.round(share * 100) + "%";
    }
}
