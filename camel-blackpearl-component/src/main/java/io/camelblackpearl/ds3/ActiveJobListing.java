package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.ActiveJob;
import java.util.List;

/**
 * Every page of List Active Jobs put together.
 *
 * @param jobs              each active job once, in the appliance's order (newest first)
 * @param totalResultCount  what the appliance reported as {@code Total-Result-Count}, or the number read
 * @param pages             how many pages were read
 * @param attempts          how many requests that took, retries included
 */
public record ActiveJobListing(List<ActiveJob> jobs, long totalResultCount, int pages, int attempts) {
}
