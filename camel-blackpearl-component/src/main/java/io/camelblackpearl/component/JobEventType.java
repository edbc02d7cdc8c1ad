package io.camelblackpearl.component;

/** What happened to a job between two polls. Within one instant, events sort in this order. */
public enum JobEventType {
    /** A job appeared on the active list. */
    CREATED,
    /** An active job's priority is not what it was at the previous poll. */
    PRIORITY_CHANGED,
    /** An active job's age passed the consumer's {@code waitingAfter}; reported once per job. */
    WAITING,
    /** A job appeared on the completed list. */
    COMPLETED,
    /** A job appeared on the canceled list. */
    CANCELED
}
