package io.camelblackpearl.component;

import io.camelblackpearl.ds3.model.Ds3Job;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Instant;
import java.util.Comparator;

/**
 * One change to one job.
 *
 * @param type              what happened
 * @param job               the job as the appliance reports it now: an {@code ActiveJob}, or a
 *                          {@code CompletedJob} / {@code CanceledJob} for the endings
 * @param previousPriority  the priority at the previous poll, on {@link JobEventType#PRIORITY_CHANGED} only
 * @param at                when it happened: the creation time, the completion or cancel date, the moment
 *                          the job started waiting, or (for a priority change, which the appliance does not
 *                          date) the poll that saw it
 */
record JobEvent(JobEventType type, Ds3Job job, Priority previousPriority, Instant at) {

    /** Time order; within one instant by type, then by job id, so the order is total and repeatable. */
    static final Comparator<JobEvent> IN_TIME_ORDER = Comparator.comparing(JobEvent::at)
            .thenComparing(JobEvent::type).thenComparing(event -> event.job().id());
}
