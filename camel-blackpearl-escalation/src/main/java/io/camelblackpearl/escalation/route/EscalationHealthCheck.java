package io.camelblackpearl.escalation.route;

import io.camelblackpearl.escalation.EscalationPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Whether the escalation keeps up: DOWN when no run has succeeded (listed, and every modify went through)
 * for longer than {@code periods} schedule periods, counted from the last success or, before any, from the
 * start. In a cluster the last success is the cluster's (any node's), so a standby node that runs no slot
 * reports the same verdict as the node that runs them. A failing run alone is not DOWN: the next firing
 * retries it, and one bad minute is not an outage.
 */
public class EscalationHealthCheck extends AbstractHealthCheck {

    private final EscalationProcessor escalation;
    private final Duration period;
    private final int periods;
    private final Clock clock;

    /**
     * @param period   the time between two firings of the escalation's schedule
     * @param periods  how many periods may pass without a successful run before the check is DOWN
     */
    public EscalationHealthCheck(String id, EscalationProcessor escalation, Duration period, int periods, Clock clock) {
        super("camel", id);
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("the escalation's schedule period must be positive, was " + period);
        }
        if (periods < 1) {
            throw new IllegalArgumentException("the escalation health check needs at least 1 period, was " + periods);
        }
        this.escalation = escalation;
        this.period = period;
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant lastSuccess;
        try {
            lastSuccess = escalation.getLastSuccessForHealth();
        } catch (RuntimeException e) {
            builder.down().message("Cannot read the cluster's last successful escalation run: " + e.getMessage());
            return;
        }
        builder.detail("scope", escalation.isClustered() ? "cluster" : "node");
        Instant since = lastSuccess != null ? lastSuccess : escalation.getStartedAt();
        Duration allowed = period.multipliedBy(periods);
        builder.detail("schedule.period", period.toString()).detail("allowed.periods", periods);
        if (lastSuccess != null) {
            builder.detail("last.success", lastSuccess.toString());
        }
        if (escalation.getLastFailure() != null) {
            builder.detail("last.failure", escalation.getLastFailure());
        }
        if (since == null) {
            builder.up().message("The escalation has not started yet");
            return;
        }
        Duration quiet = Duration.between(since, clock.instant());
        if (quiet.compareTo(allowed) <= 0) {
            builder.up().message(lastSuccess == null ? "No escalation run has completed yet"
                    : "The last escalation run succeeded " + EscalationPlanner.format(quiet) + " ago");
            return;
        }
        builder.down().message("No escalation run has succeeded for " + EscalationPlanner.format(quiet) + " (more than "
                + periods + " schedule periods of " + EscalationPlanner.format(period) + ")"
                + (escalation.getLastFailure() == null ? "" : "; last failure: " + escalation.getLastFailure()));
    }
}
