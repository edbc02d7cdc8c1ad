package io.camelblackpearl.ds3.model;

import java.time.Instant;

/** A job that has left the active list: completed or canceled. */
public sealed interface FinishedJob extends Ds3Job permits CompletedJob, CanceledJob {

    /** When the job completed or was canceled ({@code DateCompleted}, {@code DateCanceled}). */
    Instant finishedAt();
}
