package io.camelblackpearl.cluster;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronExpression;

/** What a Quartz cron means for the product's schedules: its period, and a cron for a polling period. */
public final class CronSchedule {

    private CronSchedule() {
    }

    /**
     * The time between the cron's next two firings, for a health check that expects a run every period;
     * empty when it fires only once more (such a schedule has no period to judge). A cron that never fires
     * again, or is not a cron, is refused naming {@code setting}.
     */
    public static Optional<Duration> period(String setting, String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException(setting + ": '" + cron + "' is not a Quartz cron expression (" + e.getMessage() + ")");
        }
        Date next = expression.getNextValidTimeAfter(new Date());
        if (next == null) {
            throw new IllegalArgumentException(setting + ": '" + cron + "' never fires again");
        }
        Date after = expression.getNextValidTimeAfter(next);
        return after == null ? Optional.empty() : Optional.of(Duration.ofMillis(after.getTime() - next.getTime()));
    }

    /** Which periods {@link #every} can make a cron of, in words for an error message. */
    public static final String EVERY_RULE = "expected whole seconds that divide a minute (1s, 2s, 5s, 10s, 15s, 30s), "
            + "minutes that divide an hour or hours that divide a day";

    /**
     * A cron that fires every {@code period}, aligned on the clock so that every node of a cluster computes
     * the same one: whole seconds that divide a minute, whole minutes that divide an hour, or whole hours
     * that divide a day. Any other period is refused naming {@code setting}.
     */
    public static String every(String setting, Duration period) {
        long millis = period.toMillis();
        if (millis > 0 && millis % 1000 == 0) {
            long seconds = millis / 1000;
            if (seconds < 60 && 60 % seconds == 0) {
                return "0/" + seconds + " * * * * ?";
            }
            if (seconds % 60 == 0 && seconds < 3600 && 60 % (seconds / 60) == 0) {
                return "0 0/" + seconds / 60 + " * * * ?";
            }
            if (seconds % 3600 == 0 && seconds <= 86400 && 24 % (seconds / 3600) == 0) {
                return seconds == 86400 ? "0 0 0 * * ?" : "0 0 0/" + seconds / 3600 + " * * ?";
            }
        }
        throw new IllegalArgumentException(setting + ": '" + period + "' cannot be a cluster-wide schedule: " + EVERY_RULE);
    }
}
