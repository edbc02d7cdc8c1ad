package io.camelblackpearl.springboot;

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
     * The appliance's data path as an http or https URL with no path, e.g. https://bp.example.com:443.
     */
    private String endpoint;

    /**
     * Allow setting CRITICAL and BACKGROUND, which the DS3 contract reserves for the appliance; without it they are refused before anything is sent.
     */
    private Boolean allowReservedPriorities;

    /**
     * For list and the consumer, only jobs of the bucket with this UUID.
     */
    private String bucketId;

    /**
     * The defaults every endpoint starts from; endpoint URI options override them.
     */
    private String configuration;

    /**
     * For modify, the creation time to set (within one priority older jobs go first): ISO-8601 such as 2026-01-01T00:00:00Z, or epoch seconds (below 100000000000) or milliseconds. The CamelBlackPearlCreatedAt header overrides it.
     */
    private String createdAt;

    /**
     * How created_at is written on the wire: ISO_8601 (as the DS3 documentation gives), EPOCH_MILLIS (as the Java SDK sends) or EPOCH_SECONDS.
     */
    private io.camelblackpearl.ds3.CreatedAtFormat createdAtFormat;

    /**
     * For modify, whether the appliance may clean the job up once it is dead (BlackPearl 5.6 and later).
     */
    private Boolean deadJobCleanupAllowed;

    /**
     * Whether the MasterObjectList of modify and get (job) includes the job's chunks and objects. With false only the job's attributes and nodes are read and every chunk is skipped while streaming, so a job of millions of objects costs no memory.
     */
    private Boolean includeObjects;

    /**
     * The job to act on, a UUID (or job name); the CamelBlackPearlJobId header overrides it.
     */
    private String jobId;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer;

    /**
     * For modify, the job name to set; for list and the consumer, the name to filter by. The CamelBlackPearlJobName header overrides it on a producer.
     */
    private String name;

    /**
     * What to do: modify (the Modify Active Job PUT), get, list, cancel or truncate.
     */
    private io.camelblackpearl.component.BlackPearlOperation operation;

    /**
     * For list and the consumer, how many jobs to ask for per request; every page is read whatever its length.
     */
    private Integer pageLength;

    /**
     * For modify, the priority to set; for list, the priority to filter by. URGENT, HIGH, NORMAL or LOW; CRITICAL and BACKGROUND only with allowReservedPriorities. The CamelBlackPearlPriority header overrides it.
     */
    private io.camelblackpearl.ds3.model.Priority priority;

    /**
     * For modify, whether the job is protected from deletion (BlackPearl 5.6 and later).
     */
    private Boolean protectedJob;

    /**
     * For list and the consumer, only jobs of this request type: PUT, GET or VERIFY.
     */
    private io.camelblackpearl.ds3.model.JobRequestType requestType;

    /**
     * For list and the consumer, only jobs of the user with this UUID.
     */
    private String userId;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * One deadline for a call with all its retries, in milliseconds (or 2m); no attempt starts after it, so a call takes at most this plus one attempt's connect and response timeouts. 0 means no deadline.
     */
    private java.time.Duration callTimeout;

    /**
     * How long to wait for a TCP and TLS connection to the appliance, in milliseconds (or 10s, 1m); 0 waits forever.
     */
    private java.time.Duration connectTimeout;

    /**
     * A DS3 client to use instead of building one from the connection options; the endpoint does not close a client it was given.
     */
    private String ds3Client;

    /**
     * How many pooled, kept-alive connections the endpoint may open to the appliance.
     */
    private Integer maxConnections;

    /**
     * How many times a 307 answer is followed by sending the same request again, as the DS3 SDKs do; 0 turns a 307 into an error at once.
     */
    private Integer maxRedirects;

    /**
     * How often a failed call is sent again before it fails: only failures without an answer (connection refused or reset, cut-off body, timeout) and 502, 503, 504 and 429 answers, which are safe to retry because every call is idempotent. 0 turns retrying off, leaving it to the route's redelivery policy.
     */
    private Integer maxRetries;

    /**
     * How long to wait for data once a request is sent, in milliseconds (or 30s, 2m); 0 waits forever. A modify on a job of millions of objects answers with a large document: raise it, or set includeObjects=false.
     */
    private java.time.Duration responseTimeout;

    /**
     * The upper bound of the first retry's wait, in milliseconds (or 200ms, 1s); each further retry doubles it, up to retryMaxDelay, and the actual wait is drawn at random below it (full jitter).
     */
    private java.time.Duration retryInitialDelay;

    /**
     * The longest wait between two attempts, in milliseconds (or 10s); an appliance's Retry-After longer than this is shortened to it.
     */
    private java.time.Duration retryMaxDelay;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default disabled all producer based health-checks. You can turn on producer checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * The BlackPearl user's access id (the Base64 of the user name). It is an identifier sent in clear in every Authorization header, so it is not treated as a secret; the secret key is.
     */
    private String accessKey;

    /**
     * The BlackPearl user's secret key, used as typed (not decoded) to sign each request; never sent or logged.
     */
    private String secretKey;

    /**
     * TLS settings for an https endpoint (trust store, client key, protocols). Without them the JVM's default trust store is used and certificates are verified.
     */
    private String sslContextParameters;

    /**
     * Use the CamelContext's global SSLContextParameters for https endpoints that set none of their own.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd party component and make this possible for future releases. By default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Whether the consumer's first poll emits CREATED (and WAITING) for the jobs already active. By default it only takes them in, and reports their later changes, completion or cancel.
     */
    private Boolean emitExisting;

    /**
     * The job events the consumer emits, comma-separated: CREATED, PRIORITY_CHANGED, WAITING (needs waitingAfter), COMPLETED, CANCELED. The others are still tracked, just not emitted.
     */
    private String events;

    /**
     * The consumer emits WAITING once for each active job whose age passes this, in milliseconds (or 4h, 30m); 0, the default, never.
     */
    private java.time.Duration waitingAfter;

    /**
     * The key under which the consumer's state is kept in the stateRepository; by default the route id.
     */
    private String stateKey;

    /**
     * Where the consumer keeps what it has seen and reported (e.g. a FileStateRepository), saved after each poll, so that after a restart it misses nothing and repeats nothing. Without one, a restarted consumer starts from a new snapshot. Given as a reference to a bean in the registry, e.g. #myBean.
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

    public io.camelblackpearl.ds3.CreatedAtFormat getCreatedAtFormat() {
        return createdAtFormat;
    }

    public void setCreatedAtFormat(io.camelblackpearl.ds3.CreatedAtFormat createdAtFormat) {
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

    public io.camelblackpearl.component.BlackPearlOperation getOperation() {
        return operation;
    }

    public void setOperation(io.camelblackpearl.component.BlackPearlOperation operation) {
        this.operation = operation;
    }

    public Integer getPageLength() {
        return pageLength;
    }

    public void setPageLength(Integer pageLength) {
        this.pageLength = pageLength;
    }

    public io.camelblackpearl.ds3.model.Priority getPriority() {
        return priority;
    }

    public void setPriority(io.camelblackpearl.ds3.model.Priority priority) {
        this.priority = priority;
    }

    public Boolean getProtectedJob() {
        return protectedJob;
    }

    public void setProtectedJob(Boolean protectedJob) {
        this.protectedJob = protectedJob;
    }

    public io.camelblackpearl.ds3.model.JobRequestType getRequestType() {
        return requestType;
    }

    public void setRequestType(io.camelblackpearl.ds3.model.JobRequestType requestType) {
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

    public java.time.Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(java.time.Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public java.time.Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(java.time.Duration connectTimeout) {
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

    public java.time.Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(java.time.Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public java.time.Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(java.time.Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public java.time.Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(java.time.Duration retryMaxDelay) {
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

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public java.time.Duration getWaitingAfter() {
        return waitingAfter;
    }

    public void setWaitingAfter(java.time.Duration waitingAfter) {
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
