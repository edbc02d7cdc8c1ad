package io.camelblackpearl.escalation;

/** What became of one escalation decision. */
public enum EscalationOutcome {
    /** The modify was sent and the appliance accepted it. */
    APPLIED,
    /** Decided but not sent: a dry run, or not yet executed. */
    PLANNED,
    /** Not sent: the job vanished (finished or canceled) before its modify; a 404. */
    SKIPPED_NOT_FOUND,
    /** Not sent: this run already sent maxEscalationsPerRun modifies; the next run takes it. */
    SKIPPED_RUN_LIMIT,
    /** Not sent: URGENT is full (maxUrgentJobs) and nothing below URGENT is above the job's priority. */
    SKIPPED_URGENT_CAP,
    /** Not sent: the job is projected to miss its deadline even at its rule's ceiling (policy raiseUnreachable: false). */
    SKIPPED_DEADLINE_UNREACHABLE,
    /** Sent and refused, or not answered; the next run tries again. */
    FAILED
}
