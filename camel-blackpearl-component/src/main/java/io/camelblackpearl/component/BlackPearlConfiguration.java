package io.camelblackpearl.component;

import io.camelblackpearl.ds3.CreatedAtFormat;
import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code blackpearl:} endpoint. Connection options are usually set once on the
 * component ({@code camel.component.blackpearl.*}); request options per endpoint or per message header.
 */
@UriParams
public class BlackPearlConfiguration implements Cloneable {

    // ---- connection -------------------------------------------------------------------------------

    @UriParam(label = "common")
    private String endpoint;
    @UriParam(label = "security")
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long responseTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRedirects = 5;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "200", javaType = "java.time.Duration")
    private long retryInitialDelay = 200;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long retryMaxDelay = 10_000;
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration")
    private long callTimeout = 120_000;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private Ds3Client ds3Client;

    // ---- request ----------------------------------------------------------------------------------

    @UriParam(label = "producer", defaultValue = "modify")
    private BlackPearlOperation operation = BlackPearlOperation.modify;
    @UriParam(label = "producer")
    private String jobId;
    @UriParam(label = "producer")
    private Priority priority;
    @UriParam(label = "common")
    private String name;
    @UriParam(label = "producer")
    private String createdAt;
    @UriParam(label = "producer", defaultValue = "ISO_8601")
    private CreatedAtFormat createdAtFormat = CreatedAtFormat.ISO_8601;
    @UriParam(label = "producer")
    private Boolean deadJobCleanupAllowed;
    @UriParam(label = "producer", name = "protected",
              description = "modify: whether the job is protected from deletion (BlackPearl 5.6 or later).")
    private Boolean protectedJob;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean includeObjects = true;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean allowReservedPriorities;

    // ---- list (the producer's list operation, and every poll of the consumer) ----------------------

    @UriParam(label = "common", defaultValue = "1000")
    private int pageLength = 1000;
    @UriParam(label = "common")
    private JobRequestType requestType;
    @UriParam(label = "common")
    private String bucketId;
    @UriParam(label = "common")
    private String userId;

    // ---- consumer (job events) ----------------------------------------------------------------------

    @UriParam(label = "consumer", defaultValue = "CREATED,PRIORITY_CHANGED,WAITING,COMPLETED,CANCELED")
    private String events = "CREATED,PRIORITY_CHANGED,WAITING,COMPLETED,CANCELED";
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long waitingAfter;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean emitExisting;
    @UriParam(label = "consumer", defaultValue = "retry", enums = "retry,skip,stop")
    private String onFailure = "retry";
    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced")
    private String stateKey;

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * The appliance's data path, http://host or https://host:port, with no path. Required (unless ds3Client is
     * given).
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The BlackPearl user's access id (the Base64 of the user name). Required. It is sent in clear in every
     * request, so it is not treated as a secret.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * The user's secret key, used as typed to sign requests. Required. Marked secret: masked in logs and endpoint
     * URIs, never sent, never in an exception.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Milliseconds (or 10s, 1m) to wait for a TCP/TLS connection; 0 waits forever.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Milliseconds (or 30s, 2m) to wait for data once a request is sent; 0 waits forever.
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Pooled, kept-alive connections per endpoint.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How often a failed call is sent again: only failures without an answer (connection refused or reset, cut-off
     * body, timeout) and 502, 503, 504, 429. 0 turns the client's retries off.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * Milliseconds (or 200ms, 1s): the upper bound of the first retry's wait; it doubles per retry up to
     * retryMaxDelay, and the actual wait is drawn at random below it (full jitter).
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * Milliseconds (or 10s): the longest wait between attempts; an appliance's Retry-After (seconds or an HTTP
     * date) longer than this is shortened to it.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * Milliseconds (or 2m): one deadline for a call with all its retries, each answer's body read included: an
     * attempt still running at it is aborted (within 1% of callTimeout, at most 1 s, after it) and its connection
     * released, so a call takes at most about callTimeout (for a list, each page's call). 0: no deadline.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public int getMaxRedirects() {
        return maxRedirects;
    }

    /**
     * How often a 307 answer is followed by sending the same request again (as the DS3 SDKs do).
     */
    public void setMaxRedirects(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel SSLContextParameters for https (trust store, key store, protocols). Without it the JVM's trust store
     * is used and certificates are always verified.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Ds3Client getDs3Client() {
        return ds3Client;
    }

    /**
     * A DS3 client to use instead of building one from the connection options; the endpoint does not
     * close a client it was given.
     */
    public void setDs3Client(Ds3Client ds3Client) {
        this.ds3Client = ds3Client;
    }

    public BlackPearlOperation getOperation() {
        return operation;
    }

    /**
     * modify, get, list, cancel or truncate.
     */
    public void setOperation(BlackPearlOperation operation) {
        this.operation = operation;
    }

    public String getJobId() {
        return jobId;
    }

    /**
     * The job's UUID (or name). Required by every operation but list. Ids containing a slash, a question mark, #,
     * \, .. or control characters are refused; the rest is percent-encoded.
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Priority getPriority() {
        return priority;
    }

    /**
     * modify: the priority to set. list: the priority to filter by. URGENT, HIGH, NORMAL, LOW (any case in the
     * header).
     */
    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getName() {
        return name;
    }

    /**
     * modify: the name to set. list and the consumer: the name to filter by.
     */
    public void setName(String name) {
        this.name = name;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    /**
     * modify: the creation time to set (within one priority, older jobs go first). The header accepts Instant,
     * Date, OffsetDateTime, ZonedDateTime, a number (below 100000000000 epoch seconds, above epoch milliseconds)
     * or an ISO-8601 string with a zone; the option takes the string forms.
     */
    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public CreatedAtFormat getCreatedAtFormat() {
        return createdAtFormat;
    }

    /**
     * How created_at is written: ISO_8601 (2026-01-01T00:00:00.000Z), EPOCH_MILLIS (what the official Java SDK
     * sends), EPOCH_SECONDS.
     */
    public void setCreatedAtFormat(CreatedAtFormat createdAtFormat) {
        this.createdAtFormat = createdAtFormat;
    }

    public Boolean getDeadJobCleanupAllowed() {
        return deadJobCleanupAllowed;
    }

    /**
     * modify: whether the appliance may clean the job up when it is dead (BlackPearl 5.6 or later).
     */
    public void setDeadJobCleanupAllowed(Boolean deadJobCleanupAllowed) {
        this.deadJobCleanupAllowed = deadJobCleanupAllowed;
    }

    public Boolean getProtected() {
        return protectedJob;
    }

    /** For modify, whether the job is protected from deletion (BlackPearl 5.6 and later). */
    public void setProtected(Boolean protectedJob) {
        this.protectedJob = protectedJob;
    }

    public boolean isIncludeObjects() {
        return includeObjects;
    }

    /**
     * modify and get on job: with false only the job's attributes and nodes are read and every Objects chunk is
     * skipped while streaming, so a job of millions of objects costs no memory.
     */
    public void setIncludeObjects(boolean includeObjects) {
        this.includeObjects = includeObjects;
    }

    public boolean isAllowReservedPriorities() {
        return allowReservedPriorities;
    }

    /**
     * CRITICAL and BACKGROUND are reserved for the appliance by the DS3 contract and refused before sending unless
     * this is true.
     */
    public void setAllowReservedPriorities(boolean allowReservedPriorities) {
        this.allowReservedPriorities = allowReservedPriorities;
    }

    public int getPageLength() {
        return pageLength;
    }

    /**
     * list and the consumer: jobs per request. Every page is read, until Total-Result-Count jobs were read or a
     * page is empty.
     */
    public void setPageLength(int pageLength) {
        this.pageLength = pageLength;
    }

    public JobRequestType getRequestType() {
        return requestType;
    }

    /**
     * list and the consumer: only PUT, GET or VERIFY jobs.
     */
    public void setRequestType(JobRequestType requestType) {
        this.requestType = requestType;
    }

    public String getBucketId() {
        return bucketId;
    }

    /**
     * list and the consumer: only jobs of the bucket with this UUID.
     */
    public void setBucketId(String bucketId) {
        this.bucketId = bucketId;
    }

    public String getUserId() {
        return userId;
    }

    /**
     * list and the consumer: only jobs of the user with this UUID.
     */
    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEvents() {
        return events;
    }

    /**
     * The events to emit, comma-separated. The others are still tracked (a job whose CREATED is not emitted still
     * gets its PRIORITY_CHANGED). An unknown name is refused when the endpoint is created.
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public long getWaitingAfter() {
        return waitingAfter;
    }

    /**
     * Milliseconds (or 4h, 2d): the age at which an active job is reported WAITING, once.
     */
    public void setWaitingAfter(long waitingAfter) {
        this.waitingAfter = waitingAfter;
    }

    public boolean isEmitExisting() {
        return emitExisting;
    }

    /**
     * The first poll emits CREATED (and WAITING) for the jobs already active.
     */
    public void setEmitExisting(boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public String getOnFailure() {
        return onFailure;
    }

    /**
     * What happens to a job event whose exchange failed (an exception the route's error handler did not
     * handle): retry delivers it again at the next poll (and the later events of its job after it), the batch
     * going on with other jobs' events; skip marks it seen, as if it had succeeded; stop ends the batch there,
     * and the next poll delivers it and everything after it again.
     */
    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * A Camel StateRepository of strings (e.g. FileStateRepository, or
     * io.camelblackpearl.cluster.JdbcStateRepository for several nodes) where the state is saved after every poll
     * and read back before the next one when it changed there (another node polled): after a restart the consumer
     * misses nothing and repeats nothing. Without one, a restarted consumer starts from a new snapshot.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The key of this consumer's state in the repository (blackpearl-events-the route id); give each consumer of
     * one repository its own.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public BlackPearlConfiguration copy() {
        try {
            return (BlackPearlConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "BlackPearlConfiguration[endpoint=" + endpoint + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? "null" : "******") + ", operation=" + operation + "]";
    }
}
