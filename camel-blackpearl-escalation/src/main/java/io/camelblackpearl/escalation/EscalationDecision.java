package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One job's decision in a run: from which priority to which, by which rule, why, and what became of it.
 *
 * @param reason          a short human explanation, e.g. "age 2h10m passed HIGH step 2h"
 * @param deadline        the job's deadline; null when its rule gives it none
 * @param projectedFinish when the job is projected to finish at {@code to} (at {@code from} when not raised);
 *                        null without a deadline or before the appliance's rate is known
 */
public record EscalationDecision(UUID jobId, String jobName, Priority from, Priority to, String ruleId, Duration age,
                                 EscalationOutcome outcome, String reason, Instant deadline, Instant projectedFinish) {

    public EscalationDecision {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A decision without a deadline. */
    public EscalationDecision(UUID jobId, String jobName, Priority from, Priority to, String ruleId, Duration age,
                              EscalationOutcome outcome, String reason) {
        this(jobId, jobName, from, to, ruleId, age, outcome, reason, null, null);
    }

    static EscalationDecision planned(ActiveJob job, Priority to, EscalationRule rule, Duration age, String reason) {
        return new EscalationDecision(job.id(), job.name(), job.priority(), to, rule.id(), age, EscalationOutcome.PLANNED, reason);
    }

    public EscalationDecision withOutcome(EscalationOutcome newOutcome, String newReason) {
        return new EscalationDecision(jobId, jobName, from, to, ruleId, age, newOutcome, newReason, deadline, projectedFinish);
    }

    EscalationDecision withDeadline(Instant newDeadline, Instant newProjectedFinish) {
        return new EscalationDecision(jobId, jobName, from, to, ruleId, age, outcome, reason, newDeadline, newProjectedFinish);
    }

    /** Time left between the projected finish and the deadline (negative: projected late); null when either is unknown. */
    public Duration slack() {
        return deadline == null || projectedFinish == null ? null : Duration.between(projectedFinish, deadline);
    }

    /** Whether a modify should be sent for this decision. */
    public boolean toSend() {
        return outcome == EscalationOutcome.PLANNED && to != null;
    }
}
