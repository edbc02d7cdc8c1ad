package io.camelblackpearl.cluster;

import java.time.Duration;

/** A clock-aligned Quartz cron for a polling period, the same on every node of a cluster. */
public final class CronSchedule {

    private CronSchedule() {
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
