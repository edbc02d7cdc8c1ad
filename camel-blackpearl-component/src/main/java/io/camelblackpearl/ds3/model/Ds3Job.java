package io.camelblackpearl.ds3.model;

import java.time.Instant;
import java.util.UUID;

/**
 * What every job list entry has, whether the job is still active, completed or canceled: a route that
 * consumes job events can read these without knowing which of the three it got.
 */
public sealed interface Ds3Job permits ActiveJob, FinishedJob {

    UUID id();

    String name();

    Priority priority();

    JobRequestType requestType();

    Instant createdAt();

    UUID bucketId();

    UUID userId();
}
