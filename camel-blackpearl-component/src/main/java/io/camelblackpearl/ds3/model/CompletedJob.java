package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A job on {@code GET /_rest_/completed_job}: it ran to its end (truncated jobs included, flagged). */
public record CompletedJob(
        @JsonProperty("BucketId") UUID bucketId,
        @JsonProperty("CachedSizeInBytes") long cachedSizeInBytes,
        @JsonProperty("ChunkClientProcessingOrderGuarantee") String chunkClientProcessingOrderGuarantee,
        @JsonProperty("CompletedSizeInBytes") long completedSizeInBytes,
        @JsonProperty("CreatedAt") Instant createdAt,
        @JsonProperty("DateCompleted") Instant dateCompleted,
        @JsonProperty("ErrorMessage") String errorMessage,
        @JsonProperty("Id") UUID id,
        @JsonProperty("Naked") boolean naked,
        @JsonProperty("Name") String name,
        @JsonProperty("OriginalSizeInBytes") long originalSizeInBytes,
        @JsonProperty("Priority") Priority priority,
        @JsonProperty("Rechunked") Instant rechunked,
        @JsonProperty("RequestType") JobRequestType requestType,
        @JsonProperty("Truncated") boolean truncated,
        @JsonProperty("UserId") UUID userId) implements FinishedJob {

    @Override
    public Instant finishedAt() {
        return dateCompleted;
    }
}
