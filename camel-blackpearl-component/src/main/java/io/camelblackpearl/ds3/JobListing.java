package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.Ds3Job;
import java.time.Instant;
import java.util.List;

/**
 * Every page of a job list (active, completed or canceled) put together.
 *
 * @param jobs              each job once, in the appliance's order
 * @param totalResultCount  what the appliance reported as {@code Total-Result-Count}, or the number read
 * @param pages             how many pages were read
 * @param attempts          how many requests that took, retries included
 * @param requestId         the appliance's request id of the last page read (x-amz-request-id); null when none came
 * @param applianceDate     the appliance's time when it answered the first page (its {@code Date} header); null when
 *                          none came. Ages measured against it are right even when this host's clock is not.
 */
public record JobListing<T extends Ds3Job>(List<T> jobs, long totalResultCount, int pages, int attempts, String requestId,
                                           Instant applianceDate) {

    public JobListing(List<T> jobs, long totalResultCount, int pages, int attempts, String requestId) {
        this(jobs, totalResultCount, pages, attempts, requestId, null);
    }
}
