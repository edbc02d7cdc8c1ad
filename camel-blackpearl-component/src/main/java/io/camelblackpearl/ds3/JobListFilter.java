package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.util.UUID;

/** The filters of the job lists (active, completed, canceled); null fields do not filter. */
public record JobListFilter(JobRequestType requestType, Priority priority, UUID bucketId, UUID userId, String name) {

    public static final JobListFilter ALL = new JobListFilter(null, null, null, null, null);

    void addTo(QueryString query) {
        if (bucketId != null) {
            query.add("bucket_id", bucketId.toString());
        }
        if (name != null) {
            query.add("name", name);
        }
        if (priority != null) {
            query.add("priority", priority.name());
        }
        if (requestType != null) {
            query.add("request_type", requestType.name());
        }
        if (userId != null) {
            query.add("user_id", userId.toString());
        }
    }
}
