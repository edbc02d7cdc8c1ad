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
              description = "For modify, whether the job is protected from deletion (BlackPearl 5.6 and later).")
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
    @UriParam(label = "consumer", javaType = "java.time.Duration")
    private long waitingAfter;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean emitExisting;
    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,advanced")
    private String stateKey;

    public String getEndpoint() {
        return endpoint;
    }

    /**
     * The appliance's data path as an http or https URL with no path, e.g. https://bp.example.com:443.
     */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The BlackPearl user's access id (the Base64 of the user name). It is an identifier sent in clear in
     * every Authorization header, so it is not treated as a secret; the secret key is.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** The BlackPearl user's secret key, used as typed (not decoded) to sign each request; never sent or logged. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a TCP and TLS connection to the appliance, in milliseconds (or 10s, 1m); 0 waits forever. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long to wait for data once a request is sent, in milliseconds (or 30s, 2m); 0 waits forever. A
     * modify on a job of millions of objects answers with a large document: raise it, or set includeObjects=false.
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** How many pooled, kept-alive connections the endpoint may open to the appliance. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How often a failed call is sent again before it fails: only failures without an answer (connection
     * refused or reset, cut-off body, timeout) and 502, 503, 504 and 429 answers, which are safe to retry
     * because every call is idempotent. 0 turns retrying off, leaving it to the route's redelivery policy.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * The upper bound of the first retry's wait, in milliseconds (or 200ms, 1s); each further retry doubles it,
     * up to retryMaxDelay, and the actual wait is drawn at random below it (full jitter).
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * The longest wait between two attempts, in milliseconds (or 10s); an appliance's Retry-After longer than
     * this is shortened to it.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * One deadline for a call with all its retries, in milliseconds (or 2m); no attempt starts after it, so a
     * call takes at most this plus one attempt's connect and response timeouts. 0 means no deadline.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public int getMaxRedirects() {
        return maxRedirects;
    }

    /**
     * How many times a 307 answer is followed by sending the same request again, as the DS3 SDKs do; 0
     * turns a 307 into an error at once.
     */
    public void setMaxRedirects(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings for an https endpoint (trust store, client key, protocols). Without them the JVM's
     * default trust store is used and certificates are verified.
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

    /** What to do: modify (the Modify Active Job PUT), get, list, cancel or truncate. */
    public void setOperation(BlackPearlOperation operation) {
        this.operation = operation;
    }

    public String getJobId() {
        return jobId;
    }

    /** The job to act on, a UUID (or job name); the CamelBlackPearlJobId header overrides it. */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Priority getPriority() {
        return priority;
    }

    /**
     * For modify, the priority to set; for list, the priority to filter by. URGENT, HIGH, NORMAL or LOW;
     * CRITICAL and BACKGROUND only with allowReservedPriorities. The CamelBlackPearlPriority header overrides it.
     */
    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getName() {
        return name;
    }

    /**
     * For modify, the job name to set; for list and the consumer, the name to filter by. The
     * CamelBlackPearlJobName header overrides it on a producer.
     */
    public void setName(String name) {
        this.name = name;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    /**
     * For modify, the creation time to set (within one priority older jobs go first): ISO-8601 such as
     * 2026-01-01T00:00:00Z, or epoch seconds (below 100000000000) or milliseconds. The CamelBlackPearlCreatedAt header
     * overrides it.
     */
    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public CreatedAtFormat getCreatedAtFormat() {
        return createdAtFormat;
    }

    /**
     * How created_at is written on the wire: ISO_8601 (as the DS3 documentation gives), EPOCH_MILLIS (as the
     * Java SDK sends) or EPOCH_SECONDS.
     */
    public void setCreatedAtFormat(CreatedAtFormat createdAtFormat) {
        this.createdAtFormat = createdAtFormat;
    }

    public Boolean getDeadJobCleanupAllowed() {
        return deadJobCleanupAllowed;
    }

    /** For modify, whether the appliance may clean the job up once it is dead (BlackPearl 5.6 and later). */
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
     * Whether the MasterObjectList of modify and get (job) includes the job's chunks and objects. With false
     * only the job's attributes and nodes are read and every chunk is skipped while streaming, so a job of
     * millions of objects costs no memory.
     */
    public void setIncludeObjects(boolean includeObjects) {
        this.includeObjects = includeObjects;
    }

    public boolean isAllowReservedPriorities() {
        return allowReservedPriorities;
    }

    /**
     * Allow setting CRITICAL and BACKGROUND, which the DS3 contract reserves for the appliance; without it
     * they are refused before anything is sent.
     */
    public void setAllowReservedPriorities(boolean allowReservedPriorities) {
        this.allowReservedPriorities = allowReservedPriorities;
    }

    public int getPageLength() {
        return pageLength;
    }

    /** For list and the consumer, how many jobs to ask for per request; every page is read whatever its length. */
    public void setPageLength(int pageLength) {
        this.pageLength = pageLength;
    }

    public JobRequestType getRequestType() {
        return requestType;
    }

    /** For list and the consumer, only jobs of this request type: PUT, GET or VERIFY. */
    public void setRequestType(JobRequestType requestType) {
        this.requestType = requestType;
    }

    public String getBucketId() {
        return bucketId;
    }

    /** For list and the consumer, only jobs of the bucket with this UUID. */
    public void setBucketId(String bucketId) {
        this.bucketId = bucketId;
    }

    public String getUserId() {
        return userId;
    }

    /** For list and the consumer, only jobs of the user with this UUID. */
    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEvents() {
        return events;
    }

    /**
     * The job events the consumer emits, comma-separated: CREATED, PRIORITY_CHANGED, WAITING (needs
     * waitingAfter), COMPLETED, CANCELED. The others are still tracked, just not emitted.
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public long getWaitingAfter() {
        return waitingAfter;
    }

    /**
     * The consumer emits WAITING once for each active job whose age passes this, in milliseconds (or 4h,
     * 30m); 0, the default, never.
     */
    public void setWaitingAfter(long waitingAfter) {
        this.waitingAfter = waitingAfter;
    }

    public boolean isEmitExisting() {
        return emitExisting;
    }

    /**
     * Whether the consumer's first poll emits CREATED (and WAITING) for the jobs already active. By default
     * it only takes them in, and reports their later changes, completion or cancel.
     */
    public void setEmitExisting(boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where the consumer keeps what it has seen and reported (e.g. a FileStateRepository), saved after each
     * poll, so that after a restart it misses nothing and repeats nothing. Without one, a restarted consumer
     * starts from a new snapshot.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /** The key under which the consumer's state is kept in the stateRepository; by default the route id. */
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
