package io.camelblackpearl.escalation.route;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronExpression;

/** What a Quartz cron means for the escalation's health check: the time between two of its firings. */
public final class CronPeriod {

    private CronPeriod() {
    }

    /**
     * The time between the cron's next two firings, for a health check that expects a run every period;
     * empty when it fires only once more (such a schedule has no period to judge). A cron that never fires
     * again, or is not a cron, is refused naming {@code setting}.
     */
    public static Optional<Duration> of(String setting, String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Invalid " + setting + ": '" + cron + "' is not a Quartz cron expression such as "
                    + "'0 */5 * * * ?' (" + e.getMessage() + ")");
        }
        Date next = expression.getNextValidTimeAfter(new Date());
        if (next == null) {
            throw new IllegalArgumentException("Invalid " + setting + ": '" + cron + "' never fires again");
        }
        Date after = expression.getNextValidTimeAfter(next);
        return after == null ? Optional.empty() : Optional.of(Duration.ofMillis(after.getTime() - next.getTime()));
    }
}
