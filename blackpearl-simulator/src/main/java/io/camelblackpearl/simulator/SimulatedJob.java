package io.camelblackpearl.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One job as the simulator holds it. Immutable: the store replaces a job on every change, so a reader
 * never sees half an update. Build one with {@link #builder(UUID)}, change one with {@link #toBuilder()}.
 */
public record SimulatedJob(
        UUID id,
        String name,
        String requestType,
        String priority,
        Instant createdAt,
        UUID bucketId,
        String bucketName,
        UUID userId,
        String userName,
        long originalSizeInBytes,
        long completedSizeInBytes,
        long cachedSizeInBytes,
        int objectCount,
        boolean deadJobCleanupAllowed,
        boolean protectedJob,
        boolean truncated,
        String status,
        Instant finishedAt,
        boolean canceledDueToTimeout) {

    public SimulatedJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(bucketId, "bucketId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        if (!"IN_PROGRESS".equals(status) && finishedAt == null) {
            throw new IllegalArgumentException("a " + status + " job needs the time it finished: set finishedAt, "
                    + "or end it with SimulatedAppliance.complete, cancel or truncate");
        }
    }

    /** A new IN_PROGRESS job with an appliance's defaults: a PUT job named "Untitled" at NORMAL, created now. */
    public static Builder builder(UUID id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the job is still on the active list (neither completed nor canceled). */
    public boolean active() {
        return "IN_PROGRESS".equals(status);
    }

    /** Completed: the job leaves the active list with all its data moved, and reads back as COMPLETED. */
    public SimulatedJob completedAt(Instant when) {
        return toBuilder().completedSizeInBytes(originalSizeInBytes).cachedSizeInBytes(originalSizeInBytes)
                .status("COMPLETED").finishedAt(when).build();
    }

    /** Cancel: the job leaves the active list and reads back as CANCELED, dated {@code when}. */
    public SimulatedJob canceledAt(Instant when) {
        return toBuilder().status("CANCELED").finishedAt(when).build();
    }

    /**
     * Truncate: the part not yet in cache is dropped and the job completes with what it has, flagged
     * Truncated. This is the simulator's model of the appliance's behaviour.
     */
    public SimulatedJob truncatedAt(Instant when) {
        return toBuilder().originalSizeInBytes(cachedSizeInBytes).completedSizeInBytes(cachedSizeInBytes).truncated(true)
                .status("COMPLETED").finishedAt(when).build();
    }

    private static final String DEFAULT_BUCKET = "bucket-1";
    private static final String DEFAULT_USER = "user-1";
    // Hashed once: a modify copies its job through a Builder, and two MD5s per copy showed in the simulator's profile.
    private static final UUID DEFAULT_BUCKET_ID = nameUuid(DEFAULT_BUCKET);
    private static final UUID DEFAULT_USER_ID = nameUuid(DEFAULT_USER);

    /** Fluent construction and modification of {@link SimulatedJob}s. */
    public static final class Builder {
        private final UUID id;
        private String name = "Untitled";
        private String requestType = "PUT";
        private String priority = "NORMAL";
        private Instant createdAt = Instant.now();
        private String bucketName = DEFAULT_BUCKET;
        private UUID bucketId = DEFAULT_BUCKET_ID;
        private String userName = DEFAULT_USER;
        private UUID userId = DEFAULT_USER_ID;
        private long originalSizeInBytes = 1_000_000L;
        private long completedSizeInBytes;
        private long cachedSizeInBytes;
        private int objectCount;
        private boolean deadJobCleanupAllowed = true;
        private boolean protectedJob;
        private boolean truncated;
        private String status = "IN_PROGRESS";
        private Instant finishedAt;
        private boolean canceledDueToTimeout;

        private Builder(UUID id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        private Builder(SimulatedJob job) {
            this.id = job.id;
            this.name = job.name;
            this.requestType = job.requestType;
            this.priority = job.priority;
            this.createdAt = job.createdAt;
            this.bucketId = job.bucketId;
            this.bucketName = job.bucketName;
            this.userId = job.userId;
            this.userName = job.userName;
            this.originalSizeInBytes = job.originalSizeInBytes;
            this.completedSizeInBytes = job.completedSizeInBytes;
            this.cachedSizeInBytes = job.cachedSizeInBytes;
            this.objectCount = job.objectCount;
            this.deadJobCleanupAllowed = job.deadJobCleanupAllowed;
            this.protectedJob = job.protectedJob;
            this.truncated = job.truncated;
            this.status = job.status;
            this.finishedAt = job.finishedAt;
            this.canceledDueToTimeout = job.canceledDueToTimeout;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder requestType(String value) { this.requestType = value; return this; }
        public Builder priority(String value) { this.priority = value; return this; }
        public Builder createdAt(Instant value) { this.createdAt = value; return this; }
        public Builder originalSizeInBytes(long value) { this.originalSizeInBytes = value; return this; }
        public Builder completedSizeInBytes(long value) { this.completedSizeInBytes = value; return this; }
        public Builder cachedSizeInBytes(long value) { this.cachedSizeInBytes = value; return this; }
        public Builder objectCount(int value) { this.objectCount = value; return this; }
        public Builder deadJobCleanupAllowed(boolean value) { this.deadJobCleanupAllowed = value; return this; }
        public Builder protectedJob(boolean value) { this.protectedJob = value; return this; }
        public Builder truncated(boolean value) { this.truncated = value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        /** When a completed or canceled job finished ({@code DateCompleted}, {@code DateCanceled}). */
        public Builder finishedAt(Instant value) { this.finishedAt = value; return this; }
        public Builder canceledDueToTimeout(boolean value) { this.canceledDueToTimeout = value; return this; }

        /** The bucket, by name; its id is derived from the name so the same name always has the same id. */
        public Builder bucket(String value) {
            this.bucketName = value;
            this.bucketId = nameUuid(value);
            return this;
        }

        /** The owner, by name; its id is derived from the name so the same name always has the same id. */
        public Builder user(String value) {
            this.userName = value;
            this.userId = nameUuid(value);
            return this;
        }

        public SimulatedJob build() {
            return new SimulatedJob(id, name, requestType, priority, createdAt, bucketId, bucketName, userId, userName,
                    originalSizeInBytes, completedSizeInBytes, cachedSizeInBytes, objectCount, deadJobCleanupAllowed,
                    protectedJob, truncated, status, finishedAt, canceledDueToTimeout);
        }
    }

    /** The stable id the simulator gives a bucket or user name. */
    public static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
