package io.camelblackpearl.springboot;

import io.camelblackpearl.component.BlackPearlOperation;
import io.camelblackpearl.ds3.CreatedAtFormat;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code camel.component.blackpearl.*}: every option of the BlackPearl component, as the component's catalog
 * (blackpearl.json) lists it; {@code BlackPearlConfigurationMetadataTest} keeps the two in step. Unset options
 * keep the component's defaults. Durations take Spring's forms ({@code 10s}, {@code 500ms}, {@code PT2M}).
 */
@ConfigurationProperties(prefix = "camel.component.blackpearl")
public class BlackPearlComponentProperties {

    /**
     * Whether to configure the blackpearl component from these properties.
     */
    private boolean enabled = true;

    /**
     * The appliance's data path, http://host or https://host:port, with no path. Required (unless ds3Client is
     * given).
     */
    private String endpoint;

    /**
     * CRITICAL and BACKGROUND are reserved for the appliance by the DS3 contract and refused before sending unless
     * this is true.
     */
    private Boolean allowReservedPriorities;

    /**
     * list and the consumer: only jobs of the bucket with this UUID.
     */
    private String bucketId;

    /**
     * The defaults every endpoint starts from; endpoint URI options override them.
     */
    private String configuration;

    /**
     * modify: the creation time to set (within one priority, older jobs go first). The header accepts Instant, Date,
     * OffsetDateTime, ZonedDateTime, a number (below 100000000000 epoch seconds, above epoch milliseconds) or an
     * ISO-8601 string with a zone; the option takes the string forms.
     */
    private String createdAt;

    /**
     * How created_at is written: ISO_8601 (2026-01-01T00:00:00.000Z), EPOCH_MILLIS (what the official Java SDK
     * sends), EPOCH_SECONDS.
     */
    private CreatedAtFormat createdAtFormat;

    /**
     * modify: whether the appliance may clean the job up when it is dead (BlackPearl 5.6 or later).
     */
    private Boolean deadJobCleanupAllowed;

    /**
     * modify and get on job: with false only the job's attributes and nodes are read and every Objects chunk is
     * skipped while streaming, so a job of millions of objects costs no memory.
     */
    private Boolean includeObjects;

    /**
     * The job's UUID (or name). Required by every operation but list. Ids containing a slash, a question mark, #, \,
     * .. or control characters are refused; the rest is percent-encoded.
     */
    private String jobId;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * modify: the name to set. list and the consumer: the name to filter by.
     */
    private String name;

    /**
     * modify, get, list, cancel or truncate.
     */
    private BlackPearlOperation operation;

    /**
     * list and the consumer: jobs per request. Every page is read, until Total-Result-Count jobs were read or a page
     * is empty.
     */
    private Integer pageLength;

    /**
     * modify: the priority to set. list: the priority to filter by. URGENT, HIGH, NORMAL, LOW (any case in the
     * header).
     */
    private Priority priority;

    /**
     * modify: whether the job is protected from deletion (BlackPearl 5.6 or later).
     */
    private Boolean protectedJob;

    /**
     * list and the consumer: only PUT, GET or VERIFY jobs.
     */
    private JobRequestType requestType;

    /**
     * list and the consumer: only jobs of the user with this UUID.
     */
    private String userId;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * Milliseconds (or 2m): one deadline for a call with all its retries, each answer's body read included: an
     * attempt still running at it is aborted (within 1% of callTimeout, at most 1 s, after it) and its connection
     * released, so a call takes at most about callTimeout (for a list, each page's call). 0: no deadline.
     */
    private Duration callTimeout;

    /**
     * Milliseconds (or 10s, 1m) to wait for a TCP/TLS connection; 0 waits forever.
     */
    private Duration connectTimeout;

    /**
     * A DS3 client to use instead of building one from the connection options; the endpoint does not close a client
     * it was given.
     */
    private String ds3Client;

    /**
     * Pooled, kept-alive connections per endpoint.
     */
    private Integer maxConnections;

    /**
     * How often a 307 answer is followed by sending the same request again (as the DS3 SDKs do).
     */
    private Integer maxRedirects;

    /**
     * How often a failed call is sent again: only failures without an answer (connection refused or reset, cut-off
     * body, timeout) and 502, 503, 504, 429. 0 turns the client's retries off.
     */
    private Integer maxRetries;

    /**
     * Milliseconds (or 30s, 2m) to wait for data once a request is sent; 0 waits forever.
     */
    private Duration responseTimeout;

    /**
     * Milliseconds (or 200ms, 1s): the upper bound of the first retry's wait; it doubles per retry up to
     * retryMaxDelay, and the actual wait is drawn at random below it (full jitter).
     */
    private Duration retryInitialDelay;

    /**
     * Milliseconds (or 10s): the longest wait between attempts; an appliance's Retry-After (seconds or an HTTP date)
     * longer than this is shortened to it.
     */
    private Duration retryMaxDelay;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * The BlackPearl user's access id (the Base64 of the user name). Required. It is sent in clear in every request,
     * so it is not treated as a secret.
     */
    private String accessKey;

    /**
     * The user's secret key, used as typed to sign requests. Required. Marked secret: masked in logs and endpoint
     * URIs, never sent, never in an exception.
     */
    private String secretKey;

    /**
     * Camel SSLContextParameters for https (trust store, key store, protocols). Without it the JVM's trust store is
     * used and certificates are always verified.
     */
    private String sslContextParameters;

    /**
     * Component only: use the CamelContext's global SSLContextParameters when an endpoint sets none.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * The first poll emits CREATED (and WAITING) for the jobs already active.
     */
    private Boolean emitExisting;

    /**
     * What happens to a job event whose exchange failed (an exception the route's error handler did not handle):
     * retry delivers it again at the next poll (and the later events of its job after it), the batch going on with
     * other jobs' events; skip marks it seen, as if it had succeeded; stop ends the batch there, and the next poll
     * delivers it and everything after it again.
     */
    private String onFailure;

    /**
     * The events to emit, comma-separated. The others are still tracked (a job whose CREATED is not emitted still
     * gets its PRIORITY_CHANGED). An unknown name is refused when the endpoint is created.
     */
    private String events;

    /**
     * Milliseconds (or 4h, 2d): the age at which an active job is reported WAITING, once.
     */
    private Duration waitingAfter;

    /**
     * The key of this consumer's state in the repository (blackpearl-events-the route id); give each consumer of one
     * repository its own.
     */
    private String stateKey;

    /**
     * A Camel StateRepository of strings (e.g. FileStateRepository, or
     * io.camelblackpearl.cluster.JdbcStateRepository for several nodes) where the state is saved after every poll
     * and read back before the next one when it changed there (another node polled): after a restart the consumer
     * misses nothing and repeats nothing. Without one, a restarted consumer starts from a new snapshot.
     */
    private String stateRepository;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Boolean getAllowReservedPriorities() {
        return allowReservedPriorities;
    }

    public void setAllowReservedPriorities(Boolean allowReservedPriorities) {
        this.allowReservedPriorities = allowReservedPriorities;
    }

    public String getBucketId() {
        return bucketId;
    }

    public void setBucketId(String bucketId) {
        this.bucketId = bucketId;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public CreatedAtFormat getCreatedAtFormat() {
        return createdAtFormat;
    }

    public void setCreatedAtFormat(CreatedAtFormat createdAtFormat) {
        this.createdAtFormat = createdAtFormat;
    }

    public Boolean getDeadJobCleanupAllowed() {
        return deadJobCleanupAllowed;
    }

    public void setDeadJobCleanupAllowed(Boolean deadJobCleanupAllowed) {
        this.deadJobCleanupAllowed = deadJobCleanupAllowed;
    }

    public Boolean getIncludeObjects() {
        return includeObjects;
    }

    public void setIncludeObjects(Boolean includeObjects) {
        this.includeObjects = includeObjects;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BlackPearlOperation getOperation() {
        return operation;
    }

    public void setOperation(BlackPearlOperation operation) {
        this.operation = operation;
    }

    public Integer getPageLength() {
        return pageLength;
    }

    public void setPageLength(Integer pageLength) {
        this.pageLength = pageLength;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Boolean getProtectedJob() {
        return protectedJob;
    }

    public void setProtectedJob(Boolean protectedJob) {
        this.protectedJob = protectedJob;
    }

    public JobRequestType getRequestType() {
        return requestType;
    }

    public void setRequestType(JobRequestType requestType) {
        this.requestType = requestType;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getDs3Client() {
        return ds3Client;
    }

    public void setDs3Client(String ds3Client) {
        this.ds3Client = ds3Client;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getMaxRedirects() {
        return maxRedirects;
    }

    public void setMaxRedirects(Integer maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getEmitExisting() {
        return emitExisting;
    }

    public void setEmitExisting(Boolean emitExisting) {
        this.emitExisting = emitExisting;
    }

    public String getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public Duration getWaitingAfter() {
        return waitingAfter;
    }

    public void setWaitingAfter(Duration waitingAfter) {
        this.waitingAfter = waitingAfter;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public String getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(String stateRepository) {
        this.stateRepository = stateRepository;
    }
}
