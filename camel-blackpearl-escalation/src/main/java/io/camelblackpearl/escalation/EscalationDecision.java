package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * One job's decision in a run: from which priority to which, by which rule, why, and what became of it.
 *
 * @param reason a short human explanation, e.g. "age 2h10m passed HIGH step 2h"
 */
public record EscalationDecision(UUID jobId, String jobName, Priority from, Priority to, String ruleId, Duration age,
                                 EscalationOutcome outcome, String reason) {

    public EscalationDecision {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
    }

    static EscalationDecision planned(ActiveJob job, Priority to, EscalationRule rule, Duration age, String reason) {
        return new EscalationDecision(job.id(), job.name(), job.priority(), to, rule.id(), age, EscalationOutcome.PLANNED, reason);
    }

    public EscalationDecision withOutcome(EscalationOutcome newOutcome, String newReason) {
        return new EscalationDecision(jobId, jobName, from, to, ruleId, age, newOutcome, newReason);
    }

    /** Whether a modify should be sent for this decision. */
    public boolean toSend() {
        return outcome == EscalationOutcome.PLANNED && to != null;
    }
}
