package io.camelblackpearl.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Serves one DS3 request: routes it, authenticates it, applies an injected fault if one is planned,
 * performs it on the {@link SimulatedAppliance} and records it.
 */
final class Ds3RequestHandler implements HttpRequestHandler {

    private static final String ACTIVE_JOB = "/_rest_/active_job";
    private static final String JOB = "/_rest_/job";
    private static final Set<String> SETTABLE_PRIORITIES = Set.of("URGENT", "HIGH", "NORMAL", "LOW");
    private static final Set<String> ALL_PRIORITIES = Set.of("CRITICAL", "URGENT", "HIGH", "NORMAL", "LOW", "BACKGROUND");
    private static final Set<String> REQUEST_TYPES = Set.of("PUT", "GET", "VERIFY");
    private static final ContentType XML = ContentType.create("application/xml", StandardCharsets.UTF_8);
    /** Above this many objects a MasterObjectList is streamed in chunked encoding instead of buffered. */
    private static final int BUFFERED_OBJECT_LIMIT = 2000;

    private final SimulatedAppliance appliance;
    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;
    private final Duration clockSkewTolerance;
    private final UUID nodeId;
    private final String host;
    private final int port;
    private final AtomicLong requestIds = new AtomicLong();

    Ds3RequestHandler(SimulatedAppliance appliance, Map<String, String> secretsByAccessKey, Clock clock,
                      Duration clockSkewTolerance, UUID nodeId, String host, int port) {
        this.appliance = appliance;
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
        this.clockSkewTolerance = clockSkewTolerance;
        this.nodeId = nodeId;
        this.host = host;
        this.port = port;
    }

    /** A request as parsed from the wire. */
    private record Incoming(String method, String rawPath, String rawQuery, Map<String, String> query,
                            Map<String, String> headers, Ds3Operation operation, String jobRef, long requestId) {
        boolean flag(String name) {
            return query.containsKey(name);
        }
    }

    /** Thrown inside the handler to answer with an {@code <Error>} document. */
    private static final class Ds3Failure extends RuntimeException {
        final int status;
        final String code;
        final int retryAfterSeconds;

        Ds3Failure(int status, String code, String message) {
            this(status, code, message, 0);
        }

        Ds3Failure(int status, String code, String message, int retryAfterSeconds) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        Incoming in = parse(request);
        int status = 500;
        try {
            Fault fault = appliance.faults().next(in.operation, in.jobRef);
            if (fault instanceof Fault.Delay delay) {
                sleep(delay.delay());
                fault = null;
            }
            authenticate(in);
            if (fault != null) {
                status = inject(fault, in, response);
            } else {
                status = serve(in, response);
            }
        } catch (Ds3Failure failure) {
            status = failure.status;
            response.setCode(status);
            if (failure.retryAfterSeconds > 0) {
                response.addHeader("Retry-After", Integer.toString(failure.retryAfterSeconds));
            }
            response.setEntity(new ByteArrayEntity(
                    Ds3XmlWriter.error(status, failure.code, failure.getMessage(), in.rawPath, in.requestId), XML));
        } finally {
            appliance.record(new RecordedRequest(in.operation, in.method, in.rawPath, in.rawQuery, in.query,
                    in.headers, in.jobRef, status, clock.instant()));
        }
    }

    // ---- parsing and routing ----------------------------------------------------------------------

    private Incoming parse(ClassicHttpRequest request) {
        String uri = request.getRequestUri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = decodeQuery(eq < 0 ? part : part.substring(0, eq));
                query.put(name, eq < 0 ? "" : decodeQuery(part.substring(eq + 1)));
            }
        }
        Map<String, String> headers = new HashMap<>();
        for (Header header : request.getHeaders()) {
            headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Ds3Operation op = Ds3Operation.UNKNOWN;
        String jobRef = null;
        if (rawPath.equals(ACTIVE_JOB) || rawPath.equals(ACTIVE_JOB + "/")) {
            op = switch (method) {
                case "GET" -> Ds3Operation.LIST_ACTIVE_JOBS;
                case "DELETE" -> query.containsKey("force") ? Ds3Operation.CANCEL_ALL_ACTIVE_JOBS : Ds3Operation.TRUNCATE_ALL_ACTIVE_JOBS;
                default -> Ds3Operation.UNKNOWN;
            };
        } else if (rawPath.startsWith(ACTIVE_JOB + "/")) {
            jobRef = decodePath(rawPath.substring(ACTIVE_JOB.length() + 1));
            op = switch (method) {
                case "GET" -> Ds3Operation.GET_ACTIVE_JOB;
                case "PUT" -> Ds3Operation.MODIFY_ACTIVE_JOB;
                case "DELETE" -> query.containsKey("force") ? Ds3Operation.CANCEL_ACTIVE_JOB : Ds3Operation.TRUNCATE_ACTIVE_JOB;
                default -> Ds3Operation.UNKNOWN;
            };
        } else if (rawPath.startsWith(JOB + "/")) {
            jobRef = decodePath(rawPath.substring(JOB.length() + 1));
            op = switch (method) {
                case "GET" -> Ds3Operation.GET_JOB;
                case "PUT" -> Ds3Operation.MODIFY_JOB;
                default -> Ds3Operation.UNKNOWN;
            };
        }
        return new Incoming(method, rawPath, rawQuery, Map.copyOf(query), Map.copyOf(headers), op, jobRef,
                requestIds.incrementAndGet());
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Ds3Failure(400, "BadRequest", "Malformed percent-encoding in query: " + s);
        }
    }

    /** Path segments decode %XX only: a '+' in a path is a plus sign. */
    private static String decodePath(String s) {
        return decodeQuery(s.replace("+", "%2B"));
    }

    // ---- authentication ---------------------------------------------------------------------------

    private void authenticate(Incoming in) {
        String date = in.headers.get("date");
        if (date == null) {
            throw new Ds3Failure(403, "AccessDenied", "The request has no Date header");
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new Ds3Failure(403, "AccessDenied", "The Date header is not an RFC 1123 date: " + date);
        }
        Instant now = clock.instant();
        if (Duration.between(sent, now).abs().compareTo(clockSkewTolerance) > 0) {
            throw new Ds3Failure(403, "RequestTimeTooSkewed", "Client clock (" + date + ") is not synchronized with "
                    + "server clock (" + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC))
                    + "); the difference must be at most " + clockSkewTolerance.toMinutes() + " minutes");
        }
        String authorization = in.headers.get("authorization");
        if (authorization == null || !authorization.startsWith("AWS ") || authorization.indexOf(':') < 0) {
            throw new Ds3Failure(403, "AccessDenied", "The request has no Authorization header of the form AWS <id>:<signature>");
        }
        String credentials = authorization.substring(4).trim();
        int colon = credentials.lastIndexOf(':');
        String accessKey = credentials.substring(0, colon);
        String signature = credentials.substring(colon + 1);
        String secret = secretsByAccessKey.get(accessKey);
        if (secret == null) {
            throw new Ds3Failure(403, "InvalidAccessKeyId", "No user has the access id " + accessKey);
        }
        String expected = RequestSignatures.sign(secret, RequestSignatures.stringToSign(in.method, in.headers, in.rawPath));
        if (!RequestSignatures.matches(expected, signature)) {
            throw new Ds3Failure(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided");
        }
    }

    // ---- faults -----------------------------------------------------------------------------------

    private int inject(Fault fault, Incoming in, ClassicHttpResponse response) throws IOException {
        if (fault instanceof Fault.ErrorResponse error) {
            throw new Ds3Failure(error.status(), error.code(), error.message(), error.retryAfterSeconds());
        }
        if (fault instanceof Fault.Redirect) {
            response.setCode(307);
            response.addHeader("Location", in.rawQuery == null ? in.rawPath : in.rawPath + "?" + in.rawQuery);
            return 307;
        }
        if (fault instanceof Fault.MalformedBody) {
            response.setCode(200);
            response.setEntity(new ByteArrayEntity("this is not XML <<<".getBytes(StandardCharsets.UTF_8), XML));
            return 200;
        }
        if (fault instanceof Fault.TruncatedBody) {
            int status = serve(in, response);
            byte[] whole = response.getEntity() == null ? new byte[0] : response.getEntity().getContent().readAllBytes();
            response.setEntity(new ByteArrayEntity(Arrays.copyOf(whole, whole.length / 2), XML));
            return status;
        }
        if (fault instanceof Fault.JobVanishes && in.jobRef != null) {
            appliance.resolve(in.jobRef).ifPresent(job -> appliance.remove(job.id()));
            return serve(in, response);
        }
        if (fault instanceof Fault.DropConnection) {
            // An IOException out of the handler makes the server close the connection without an answer.
            throw new SocketException("Injected connection drop");
        }
        return serve(in, response);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- operations -------------------------------------------------------------------------------

    private int serve(Incoming in, ClassicHttpResponse response) {
        return switch (in.operation) {
            case LIST_ACTIVE_JOBS -> list(in, response);
            case GET_ACTIVE_JOB -> {
                response.setCode(200);
                response.setEntity(new ByteArrayEntity(Ds3XmlWriter.activeJob(activeJob(in)), XML));
                yield 200;
            }
            case MODIFY_ACTIVE_JOB -> masterObjectList(modify(in, activeJob(in)), response);
            case MODIFY_JOB -> masterObjectList(modify(in, anyJob(in)), response);
            case GET_JOB -> masterObjectList(anyJob(in), response);
            case CANCEL_ACTIVE_JOB -> end(activeJob(in), SimulatedJob::canceledNow, response);
            case TRUNCATE_ACTIVE_JOB -> end(activeJob(in), SimulatedJob::truncatedNow, response);
            case CANCEL_ALL_ACTIVE_JOBS -> endAll(in, SimulatedJob::canceledNow, response);
            case TRUNCATE_ALL_ACTIVE_JOBS -> endAll(in, SimulatedJob::truncatedNow, response);
            case UNKNOWN -> throw new Ds3Failure(in.rawPath.startsWith("/_rest_/") ? 405 : 404,
                    in.rawPath.startsWith("/_rest_/") ? "MethodNotAllowed" : "NotFound",
                    "The simulator does not serve " + in.method + " " + in.rawPath);
        };
    }

    private SimulatedJob activeJob(Incoming in) {
        SimulatedJob job = anyJob(in);
        if (!job.active()) {
            throw notFound(in);
        }
        return job;
    }

    private SimulatedJob anyJob(Incoming in) {
        if (in.jobRef == null || in.jobRef.isEmpty()) {
            throw new Ds3Failure(400, "BadRequest", "The request names no job");
        }
        return appliance.resolve(in.jobRef).orElseThrow(() -> notFound(in));
    }

    private static Ds3Failure notFound(Incoming in) {
        return new Ds3Failure(404, "NotFound", "Job " + in.jobRef + " does not exist or is no longer active");
    }

    private SimulatedJob modify(Incoming in, SimulatedJob job) {
        SimulatedJob.Builder changed = job.toBuilder();
        String priority = in.query.get("priority");
        if (priority != null) {
            changed.priority(settablePriority(priority));
        }
        String createdAt = in.query.get("created_at");
        if (createdAt != null) {
            changed.createdAt(parseCreatedAt(createdAt));
        }
        String name = in.query.get("name");
        if (name != null) {
            changed.name(name);
        }
        String deadJobCleanup = in.query.get("dead_job_cleanup_allowed");
        if (deadJobCleanup != null) {
            changed.deadJobCleanupAllowed(parseBoolean("dead_job_cleanup_allowed", deadJobCleanup));
        }
        String protectedJob = in.query.get("protected");
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
            StringWriter writer = new StringWriter(1024 + job.objectCount() * 200);
            try {
                Ds3XmlWriter.masterObjectList(writer, job, nodeId, host, port, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            response.setEntity(new ByteArrayEntity(writer.toString().getBytes(StandardCharsets.UTF_8), XML));
        }
        return 200;
    }

    private int end(SimulatedJob job, UnaryOperator<SimulatedJob> ending, ClassicHttpResponse response) {
        appliance.update(job.id(), ending);
        response.setCode(204);
        return 204;
    }

    private int endAll(Incoming in, UnaryOperator<SimulatedJob> ending, ClassicHttpResponse response) {
        for (SimulatedJob job : appliance.activeJobs(listFilter(in))) {
            appliance.update(job.id(), ending);
        }
        response.setCode(204);
        return 204;
    }

    private int list(Incoming in, ClassicHttpResponse response) {
        List<SimulatedJob> matching = appliance.activeJobs(listFilter(in));
        int pageLength = intParam(in, "page_length", 1000, 1);
        int offset = intParam(in, "page_offset", 0, 0);
        String marker = in.query.get("page_start_marker");
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
        response.setEntity(new ByteArrayEntity(Ds3XmlWriter.activeJobList(matching.subList(from, to)), XML));
        return 200;
    }

    private Predicate<SimulatedJob> listFilter(Incoming in) {
        Predicate<SimulatedJob> filter = job -> true;
        String requestType = in.query.get("request_type");
        if (requestType != null) {
            String wanted = enumParam("request_type", requestType, REQUEST_TYPES);
            filter = filter.and(job -> job.requestType().equals(wanted));
        }
        String priority = in.query.get("priority");
        if (priority != null) {
            String wanted = enumParam("priority", priority, ALL_PRIORITIES);
            filter = filter.and(job -> job.priority().equals(wanted));
        }
        String bucketId = in.query.get("bucket_id");
        if (bucketId != null) {
            UUID wanted = uuidParam("bucket_id", bucketId);
            filter = filter.and(job -> job.bucketId().equals(wanted));
        }
        String userId = in.query.get("user_id");
        if (userId != null) {
            UUID wanted = uuidParam("user_id", userId);
            filter = filter.and(job -> job.userId().equals(wanted));
        }
        String name = in.query.get("name");
        if (name != null) {
            filter = filter.and(job -> job.name().equals(name));
        }
        String truncated = in.query.get("truncated");
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

    private static int intParam(Incoming in, String name, int defaultValue, int min) {
        String value = in.query.get(name);
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

    /** ISO-8601, or a number: below 10^11 seconds since the epoch, otherwise milliseconds (DS3-PROTOCOL.md §1). */
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
