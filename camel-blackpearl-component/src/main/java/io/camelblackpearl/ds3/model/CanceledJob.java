package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A job on {@code GET /_rest_/canceled_job}: canceled by a user, or by the appliance when it timed out. */
public record CanceledJob(
        @JsonProperty("BucketId") UUID bucketId,
        @JsonProperty("CachedSizeInBytes") long cachedSizeInBytes,
        @JsonProperty("CanceledDueToTimeout") boolean canceledDueToTimeout,
        @JsonProperty("ChunkClientProcessingOrderGuarantee") String chunkClientProcessingOrderGuarantee,
        @JsonProperty("CompletedSizeInBytes") long completedSizeInBytes,
        @JsonProperty("CreatedAt") Instant createdAt,
        @JsonProperty("DateCanceled") Instant dateCanceled,
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
        return dateCanceled;
    }
}
