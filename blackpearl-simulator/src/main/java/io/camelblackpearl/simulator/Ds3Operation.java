package io.camelblackpearl.simulator;

/** The DS3 calls the simulator serves, as counted in its request log. */
public enum Ds3Operation {
    LIST_ACTIVE_JOBS,
    GET_ACTIVE_JOB,
    MODIFY_ACTIVE_JOB,
    CANCEL_ACTIVE_JOB,
    TRUNCATE_ACTIVE_JOB,
    CANCEL_ALL_ACTIVE_JOBS,
    TRUNCATE_ALL_ACTIVE_JOBS,
    GET_JOB,
    MODIFY_JOB,
    LIST_COMPLETED_JOBS,
    GET_COMPLETED_JOB,
    LIST_CANCELED_JOBS,
    GET_CANCELED_JOB,
    /** A request for a path or method the simulator does not serve. */
    UNKNOWN
}
