package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * An active job as Get/List Active Job(s) report it: element-style fields under {@code <Data>} or
 * {@code <Job>}. There is no user name, bucket name or status here; that is in {@link MasterObjectList}.
 */
public record ActiveJob(
        @JsonProperty("Aggregating") boolean aggregating,
        @JsonProperty("BucketId") UUID bucketId,
        @JsonProperty("CachedSizeInBytes") long cachedSizeInBytes,
        @JsonProperty("ChunkClientProcessingOrderGuarantee") String chunkClientProcessingOrderGuarantee,
        @JsonProperty("CompletedSizeInBytes") long completedSizeInBytes,
        @JsonProperty("CreatedAt") Instant createdAt,
        @JsonProperty("DeadJobCleanupAllowed") boolean deadJobCleanupAllowed,
        @JsonProperty("ErrorMessage") String errorMessage,
        @JsonProperty("Id") UUID id,
        @JsonProperty("ImplicitJobIdResolution") boolean implicitJobIdResolution,
        @JsonProperty("MinimizeSpanningAcrossMedia") boolean minimizeSpanningAcrossMedia,
        @JsonProperty("Naked") boolean naked,
        @JsonProperty("Name") String name,
        @JsonProperty("OriginalSizeInBytes") long originalSizeInBytes,
        @JsonProperty("Priority") Priority priority,
        @JsonProperty("Protected") boolean protectedJob,
        @JsonProperty("Rechunked") Instant rechunked,
        @JsonProperty("Replicating") boolean replicating,
        @JsonProperty("RequestType") JobRequestType requestType,
        @JsonProperty("Restore") String restore,
        @JsonProperty("Truncated") boolean truncated,
        @JsonProperty("TruncatedDueToTimeout") boolean truncatedDueToTimeout,
        @JsonProperty("UserId") UUID userId,
        @JsonProperty("VerifyAfterWrite") boolean verifyAfterWrite) implements Ds3Job {
}
