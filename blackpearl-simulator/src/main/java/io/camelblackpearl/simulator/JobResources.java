package io.camelblackpearl.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;

/**
 * The DS3 job resources the simulator serves ({@code /_rest_/active_job} and {@code /_rest_/job}): list
 * with paging, get, modify, cancel and truncate, each performed on the {@link SimulatedAppliance}. Every
 * bad parameter is a 400 that names it.
 */
final class JobResources {

    static final ContentType XML = ContentType.create("application/xml", StandardCharsets.UTF_8);
    private static final Set<String> SETTABLE_PRIORITIES = Set.of("URGENT", "HIGH", "NORMAL", "LOW");
    private static final Set<String> ALL_PRIORITIES = Set.of("CRITICAL", "URGENT", "HIGH", "NORMAL", "LOW", "BACKGROUND");
    private static final Set<String> REQUEST_TYPES = Set.of("PUT", "GET", "VERIFY");
    /** Above this many objects a MasterObjectList is streamed in chunked encoding instead of buffered. */
    private static final int BUFFERED_OBJECT_LIMIT = 2000;

    private final SimulatedAppliance appliance;
    private final UUID nodeId;
    private final String host;
    private final int port;

    JobResources(SimulatedAppliance appliance, UUID nodeId, String host, int port) {
        this.appliance = appliance;
        this.nodeId = nodeId;
        this.host = host;
        this.port = port;
    }

    /** Performs the request on the appliance and writes the answer; returns its status. */
    int serve(IncomingRequest in, ClassicHttpResponse response) {
        return switch (in.operation()) {
            case LIST_ACTIVE_JOBS -> list(in, response);
            case GET_ACTIVE_JOB -> {
                response.setCode(200);
                response.setEntity(new ByteArrayEntity(Ds3XmlWriter.activeJob(activeJob(in)), XML));
                yield 200;
            }
            case MODIFY_ACTIVE_JOB -> masterObjectList(modify(in, activeJob(in)), response);
            case MODIFY_JOB -> masterObjectList(modify(in, anyJob(in)), response);
            case GET_JOB -> masterObjectList(anyJob(in), response);
            case CANCEL_ACTIVE_JOB -> end(activeJob(in), appliance::cancel, response);
            case TRUNCATE_ACTIVE_JOB -> end(activeJob(in), appliance::truncate, response);
            case CANCEL_ALL_ACTIVE_JOBS -> endAll(in, appliance::cancel, response);
            case TRUNCATE_ALL_ACTIVE_JOBS -> endAll(in, appliance::truncate, response);
            case LIST_COMPLETED_JOBS -> page(in, appliance.completedJobs(listFilter(in)), "CompletedJob", response);
            case LIST_CANCELED_JOBS -> page(in, appliance.canceledJobs(listFilter(in)), "CanceledJob", response);
            case GET_COMPLETED_JOB -> finishedJob(in, "COMPLETED", response);
            case GET_CANCELED_JOB -> finishedJob(in, "CANCELED", response);
            case UNKNOWN -> throw new Ds3Failure(in.rawPath().startsWith("/_rest_/") ? 405 : 404,
                    in.rawPath().startsWith("/_rest_/") ? "MethodNotAllowed" : "NotFound",
                    "The simulator does not serve " + in.method() + " " + in.rawPath());
        };
    }

    private SimulatedJob activeJob(IncomingRequest in) {
        SimulatedJob job = anyJob(in);
        if (!job.active()) {
            throw notFound(in);
        }
        return job;
    }

    private SimulatedJob anyJob(IncomingRequest in) {
        if (in.jobRef() == null || in.jobRef().isEmpty()) {
            throw new Ds3Failure(400, "BadRequest", "The request names no job");
        }
        return appliance.resolve(in.jobRef()).orElseThrow(() -> notFound(in));
    }

    private static Ds3Failure notFound(IncomingRequest in) {
        return new Ds3Failure(404, "NotFound", "Job " + in.jobRef() + " does not exist or is no longer active");
    }

    private SimulatedJob modify(IncomingRequest in, SimulatedJob job) {
        SimulatedJob.Builder changed = job.toBuilder();
        String priority = in.query().get("priority");
        if (priority != null) {
            changed.priority(settablePriority(priority));
        }
        String createdAt = in.query().get("created_at");
        if (createdAt != null) {
            changed.createdAt(parseCreatedAt(createdAt));
        }
        String name = in.query().get("name");
        if (name != null) {
            changed.name(name);
        }
        String deadJobCleanup = in.query().get("dead_job_cleanup_allowed");
        if (deadJobCleanup != null) {
            changed.deadJobCleanupAllowed(parseBoolean("dead_job_cleanup_allowed", deadJobCleanup));
        }
        String protectedJob = in.query().get("protected");
        if (protectedJob != null) {
            changed.protectedJob(parseBoolean("protected", protectedJob));
        }
        SimulatedJob result = changed.build();
        // A modify with no parameters is legal: on an appliance it resets the dead-job timer.
        return appliance.update(job.id(), current -> result).orElseThrow(() -> notFound(in));
    }

    private int masterObjectList(SimulatedJob job, ClassicHttpResponse response) {
        response.setCode(200);
        if (job.objectCount() > BUFFERED_OBJECT_LIMIT) {
            response.setEntity(new EntityTemplate(-1, XML, null, out -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                Ds3XmlWriter.masterObjectList(writer, job, nodeId, host, port, true);
                writer.flush();
            }));
        } else {
            StringBuilder xml = new StringBuilder(2048 + job.objectCount() * 200);
            try {
                Ds3XmlWriter.masterObjectList(xml, job, nodeId, host, port, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringBuilder does not fail
            }
            response.setEntity(new ByteArrayEntity(xml.toString().getBytes(StandardCharsets.UTF_8), XML));
        }
        return 200;
    }

    private int end(SimulatedJob job, Function<UUID, Optional<SimulatedJob>> ending, ClassicHttpResponse response) {
        ending.apply(job.id());
        response.setCode(204);
        return 204;
    }

    private int endAll(IncomingRequest in, Function<UUID, Optional<SimulatedJob>> ending, ClassicHttpResponse response) {
        for (SimulatedJob job : appliance.activeJobs(listFilter(in))) {
            ending.apply(job.id());
        }
        response.setCode(204);
        return 204;
    }

    /** A completed or canceled job by id: 404 when it did not end that way. */
    private int finishedJob(IncomingRequest in, String status, ClassicHttpResponse response) {
        SimulatedJob job = anyJob(in);
        if (!job.status().equals(status)) {
            throw new Ds3Failure(404, "NotFound", "Job " + in.jobRef() + " is not " + status.toLowerCase(Locale.ROOT));
        }
        response.setCode(200);
        response.setEntity(new ByteArrayEntity(Ds3XmlWriter.finishedJob(job), XML));
        return 200;
    }

    private int list(IncomingRequest in, ClassicHttpResponse response) {
        return page(in, appliance.activeJobs(listFilter(in)), "Job", response);
    }

    /** One page of {@code matching}, each job in an {@code element}, with the paging headers. */
    private int page(IncomingRequest in, List<SimulatedJob> matching, String element, ClassicHttpResponse response) {
        int pageLength = intParam(in, "page_length", 1000, 1);
        int offset = intParam(in, "page_offset", 0, 0);
        String marker = in.query().get("page_start_marker");
        if (marker != null) {
            UUID markerId = uuidParam("page_start_marker", marker);
            int index = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(markerId)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw new Ds3Failure(400, "BadRequest", "page_start_marker " + marker + " is not in the result");
            }
            offset = index + 1;
        }
        if (in.flag("last_page")) {
            offset = Math.max(0, matching.size() - pageLength);
        }
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + pageLength, matching.size());
        response.setCode(200);
        response.addHeader("Page-Truncated", Integer.toString(matching.size() - to));
        response.addHeader("Total-Result-Count", Integer.toString(matching.size()));
        response.setEntity(new ByteArrayEntity(Ds3XmlWriter.jobList(element, matching.subList(from, to)), XML));
        return 200;
    }

    private Predicate<SimulatedJob> listFilter(IncomingRequest in) {
        Predicate<SimulatedJob> filter = job -> true;
        String requestType = in.query().get("request_type");
        if (requestType != null) {
            String wanted = enumParam("request_type", requestType, REQUEST_TYPES);
            filter = filter.and(job -> job.requestType().equals(wanted));
        }
        String priority = in.query().get("priority");
        if (priority != null) {
            String wanted = enumParam("priority", priority, ALL_PRIORITIES);
            filter = filter.and(job -> job.priority().equals(wanted));
        }
        String bucketId = in.query().get("bucket_id");
        if (bucketId != null) {
            UUID wanted = uuidParam("bucket_id", bucketId);
            filter = filter.and(job -> job.bucketId().equals(wanted));
        }
        String userId = in.query().get("user_id");
        if (userId != null) {
            UUID wanted = uuidParam("user_id", userId);
            filter = filter.and(job -> job.userId().equals(wanted));
        }
        String name = in.query().get("name");
        if (name != null) {
            filter = filter.and(job -> job.name().equals(name));
        }
        String truncated = in.query().get("truncated");
        if (truncated != null) {
            boolean wanted = parseBoolean("truncated", truncated);
            filter = filter.and(job -> job.truncated() == wanted);
        }
        return filter;
    }

    // ---- parameter parsing: every bad value is a 400 that names the parameter ----------------------

    private static String settablePriority(String value) {
        String priority = enumParam("priority", value, ALL_PRIORITIES);
        if (!SETTABLE_PRIORITIES.contains(priority)) {
            throw new Ds3Failure(400, "BadRequest", "Priority " + priority + " is not specifiable by a user");
        }
        return priority;
    }

    private static String enumParam(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new Ds3Failure(400, "BadRequest", "Invalid value for " + name + ": '" + value + "'");
        }
        return value;
    }

    private static UUID uuidParam(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new Ds3Failure(400, "BadRequest", "Invalid UUID for " + name + ": '" + value + "'");
        }
    }

    private static int intParam(IncomingRequest in, String name, int defaultValue, int min) {
        String value = in.query().get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new Ds3Failure(400, "BadRequest", "Invalid value for " + name + ": '" + value + "'");
        }
    }

    /** Booleans in any case, as the Python SDK sends {@code True}. */
    private static boolean parseBoolean(String name, String value) {
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new Ds3Failure(400, "BadRequest", "Invalid boolean for " + name + ": '" + value + "'");
    }

    /** ISO-8601, or a number: below 10^11 seconds since the epoch, otherwise milliseconds (docs/ds3-protocol.md §1). */
    static Instant parseCreatedAt(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                long n = Long.parseLong(value);
                return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
            } catch (NumberFormatException e) {
                throw new Ds3Failure(400, "BadRequest", "Invalid value for created_at: '" + value + "'");
            }
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Ds3Failure(400, "BadRequest", "Invalid value for created_at: '" + value + "'");
        }
    }
}
