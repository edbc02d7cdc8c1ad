package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.Priority;
import java.time.Instant;

/**
 * The query of Modify (Active) Job. Every field is optional; a modification with none is legal and
 * resets the appliance's dead-job timer.
 */
public record JobModification(
        Priority priority,
        String name,
        Instant createdAt,
        CreatedAtFormat createdAtFormat,
        Boolean deadJobCleanupAllowed,
        Boolean protectedJob) {

    public static JobModification ofPriority(Priority priority) {
        return new JobModification(priority, null, null, CreatedAtFormat.ISO_8601, null, null);
    }

    /** The query parameters in DS3 spelling, sorted by name as the Java SDK sends them. */
    QueryString toQuery() {
        QueryString query = new QueryString();
        if (createdAt != null) {
            query.add("created_at", (createdAtFormat == null ? CreatedAtFormat.ISO_8601 : createdAtFormat).format(createdAt));
        }
        if (deadJobCleanupAllowed != null) {
            query.add("dead_job_cleanup_allowed", deadJobCleanupAllowed.toString());
        }
        if (name != null) {
            query.add("name", name);
        }
        if (priority != null) {
            query.add("priority", priority.name());
        }
        if (protectedJob != null) {
            query.add("protected", protectedJob.toString());
        }
        return query;
    }
}
