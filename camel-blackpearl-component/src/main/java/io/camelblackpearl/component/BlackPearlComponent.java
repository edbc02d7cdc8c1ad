package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Client;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.GlobalSSLContextParametersSupplier;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Creates {@code blackpearl:} endpoints, each with a copy of the component's default configuration. */
@Component("blackpearl")
public class BlackPearlComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private BlackPearlConfiguration configuration = new BlackPearlConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private BlackPearlHealthCheck healthCheck;
    private WritableHealthCheckRepository healthRepository;
    private final ApplianceClients clients = new ApplianceClients(this);

    /**
     * The {@code camel.component.<name>.*} settings were bound already, with Camel's lenient reading of
     * numbers: their text is checked here, strictly, from whichever source wins (a system property over an
     * environment variable over a properties file, as Camel Main binds them).
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        String prefix = "camel.component." + nameInContext() + ".";
        Set<String> checked = new HashSet<>();
        Properties system = System.getProperties();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                checkSetting(key.substring(prefix.length()), system.getProperty(key), "system property " + key, checked);
            }
        }
        String envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
            if (variable.getKey().startsWith(envPrefix)) {
                String option = variable.getKey().substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
                checkSetting(option, variable.getValue(), "environment variable " + variable.getKey(), checked);
            }
        }
        Properties files = getCamelContext().getPropertiesComponent().loadProperties(key -> key.startsWith(prefix));
        for (String key : files.stringPropertyNames()) {
            checkSetting(key.substring(prefix.length()), files.getProperty(key), "property " + key, checked);
        }
    }

    /** Checks one setting unless a source that wins over this one set the same option. */
    private static void checkSetting(String option, String value, String where, Set<String> checked) {
        String name = option.startsWith("configuration.") ? option.substring("configuration.".length()) : option;
        if (checked.add(name.replace("-", "").toLowerCase(Locale.ROOT))) {
            NumericOptions.check(name, value, where);
        }
    }

    /**
     * Adds the appliance's readiness check (id {@code blackpearl}) to Camel's producers health repository, when
     * the component has an appliance to check. Camel's {@code camel.health.producers-enabled} switches that
     * repository on (it is off by default, as for every component); {@code healthCheckProducerEnabled=false}
     * turns this component's check off.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        boolean configured = configuration.getDs3Client() != null
                || (configuration.getEndpoint() != null && !configuration.getEndpoint().isBlank());
        healthRepository = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null && configured) {
            healthCheck = new BlackPearlHealthCheck(this, nameInContext());
            healthCheck.setEnabled(isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        synchronized (this) {
            if (probeClient != null && configuration.getDs3Client() == null) {
                clients.release(probeClient);
            }
            probeClient = null;
        }
        clients.closeAll();
        super.doStop();
    }

    private volatile ApplianceCheck.Result lastVerdict;
    private volatile Instant lastVerdictAt;

    private Ds3Client probeClient;

    /**
     * Checks once, without retries, that the appliance answers to the component's settings (see
     * {@link ApplianceCheck}), through the client the component's endpoints share; the verdict is kept for the
     * dev console. Used by the health check {@code blackpearl} and by applications at start-up.
     *
     * @throws IllegalArgumentException when the settings could never make a request (named as for an endpoint)
     */
    public ApplianceCheck.Result checkAppliance() {
        String url = configuration.getEndpoint();
        ApplianceCheck.Result result = ApplianceCheck.run(probeClient(), configuration.getDs3Client() != null
                ? "(an injected ds3Client)" : url.trim());
        lastVerdictAt = Instant.now();
        lastVerdict = result;
        return result;
    }

    private synchronized Ds3Client probeClient() {
        if (configuration.getDs3Client() != null) {
            return configuration.getDs3Client();
        }
        if (probeClient == null) {
            validate(configuration, BlackPearlResource.activeJob);
            probeClient = clients.acquire(configuration, () -> sslContext(configuration));
        }
        return probeClient;
    }

    /** The appliance check's last verdict (health probe or start-up check); null before the first. */
    public ApplianceCheck.Result getLastVerdict() {
        return lastVerdict;
    }

    /** When {@link #getLastVerdict()} was reached. */
    public Instant getLastVerdictAt() {
        return lastVerdictAt;
    }

    /** The component's DS3 clients, shared by its endpoints with the same connection settings. */
    ApplianceClients clients() {
        return clients;
    }

    /** TLS for these settings: their own SSLContextParameters, else the global ones when enabled, else the JVM's. */
    SSLContext sslContext(BlackPearlConfiguration settings) {
        SSLContextParameters parameters = settings.getSslContextParameters();
        if (parameters == null && isUseGlobalSslContextParameters()) {
            parameters = retrieveGlobalSslContextParameters();
        }
        try {
            return parameters == null ? null : parameters.createSSLContext(getCamelContext());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: " + e.getMessage(), e);
        }
    }

    /** The name this instance is registered under ({@code blackpearl}, or another for a second appliance). */
    private String nameInContext() {
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                return name;
            }
        }
        return "blackpearl";
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BlackPearlResource resource = resource(remaining);
        BlackPearlEndpoint endpoint = new BlackPearlEndpoint(uri, this, resource, configuration.copy());
        NumericOptions.check(parameters, null);
        setProperties(endpoint, parameters);
        validate(endpoint.getConfiguration(), resource);
        return endpoint;
    }

    private static BlackPearlResource resource(String remaining) {
        for (BlackPearlResource resource : BlackPearlResource.values()) {
            if (resource.name().equals(remaining)) {
                return resource;
            }
        }
        throw new IllegalArgumentException("Unknown BlackPearl resource '" + remaining
                + "' in the endpoint URI: expected blackpearl:activeJob or blackpearl:job");
    }

    /** Refuses a configuration that could never send a request, before any is sent. */
    static void validate(BlackPearlConfiguration c, BlackPearlResource resource) {
        ExchangeInputs.requireSupported("option operation", c.getOperation(), resource);
        if (c.getDs3Client() == null) {
            String endpoint = c.getEndpoint();
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalArgumentException("Missing option endpoint: set the appliance's data path URL, e.g. "
                        + "camel.component.blackpearl.endpoint=https://blackpearl.example.com");
            }
            String lower = endpoint.trim().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw ExchangeInputs.invalid("option endpoint", endpoint, "expected an http:// or https:// URL of the appliance's data path");
            }
            if (c.getAccessKey() == null || c.getAccessKey().isBlank()) {
                throw new IllegalArgumentException("Missing option accessKey: set the BlackPearl user's access id");
            }
            if (c.getSecretKey() == null || c.getSecretKey().isEmpty()) {
                throw new IllegalArgumentException("Missing option secretKey: set the BlackPearl user's secret key");
            }
        }
        NumericOptions.requireInRange("pageLength", c.getPageLength());
        NumericOptions.requireInRange("maxConnections", c.getMaxConnections());
        NumericOptions.requireInRange("connectTimeout", c.getConnectTimeout());
        NumericOptions.requireInRange("responseTimeout", c.getResponseTimeout());
        NumericOptions.requireInRange("maxRedirects", c.getMaxRedirects());
        NumericOptions.requireInRange("maxRetries", c.getMaxRetries());
        NumericOptions.requireInRange("retryInitialDelay", c.getRetryInitialDelay());
        NumericOptions.requireInRange("retryMaxDelay", c.getRetryMaxDelay());
        NumericOptions.requireInRange("callTimeout", c.getCallTimeout());
        if (c.getRetryInitialDelay() > c.getRetryMaxDelay()) {
            throw ExchangeInputs.invalid("option retryInitialDelay", c.getRetryInitialDelay(),
                    "it must not exceed retryMaxDelay (" + c.getRetryMaxDelay() + " ms)");
        }
        uuid("bucketId", c.getBucketId());
        uuid("userId", c.getUserId());
        if (c.getOperation() == BlackPearlOperation.modify) {
            ExchangeInputs.requireSettable("option priority", c.getPriority(), c.isAllowReservedPriorities());
        }
        NumericOptions.requireInRange("waitingAfter", c.getWaitingAfter());
        BlackPearlConsumer.eventTypes(c.getEvents());
        OnFailure.of(c.getOnFailure());
        if (c.getStateKey() != null && (c.getStateKey().isBlank() || c.getStateKey().contains("=") || c.getStateKey().contains("\n"))) {
            throw ExchangeInputs.invalid("option stateKey", c.getStateKey(), "it must be a non-empty key without '=' or a line break");
        }
        if (c.getCreatedAt() != null && ExchangeInputs.toInstant(c.getCreatedAt()) == null) {
            throw ExchangeInputs.invalid("option createdAt", c.getCreatedAt(), ExchangeInputs.CREATED_AT_FORMS);
        }
    }

    private static void uuid(String option, String value) {
        if (value == null) {
            return;
        }
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ExchangeInputs.invalid("option " + option, value, "expected a UUID");
        }
    }

    public BlackPearlConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults every endpoint starts from; endpoint URI options override them. */
    public void setConfiguration(BlackPearlConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The CamelContext's global SSLContextParameters (Camel Main's {@code camel.ssl.*}); else a
     * {@code GlobalSSLContextParametersSupplier} in the registry; else the bean {@code sslContextParameters},
     * which is how Spring Boot's {@code camel.ssl.*} offers them (camel-spring-boot 4.18 binds that bean but
     * does not set it on the context).
     */
    @Override
    public SSLContextParameters retrieveGlobalSslContextParameters() {
        SSLContextParameters global = SSLContextParametersAware.super.retrieveGlobalSslContextParameters();
        if (global == null && isUseGlobalSslContextParameters()) {
            GlobalSSLContextParametersSupplier supplier = getCamelContext().getRegistry()
                    .findSingleByType(GlobalSSLContextParametersSupplier.class);
            global = supplier != null ? supplier.get() : getCamelContext().getRegistry()
                    .lookupByNameAndType("sslContextParameters", SSLContextParameters.class);
        }
        return global;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Component only: use the CamelContext's global SSLContextParameters when an endpoint sets none.
     */
    @Override
    /**
     * Component only: use the CamelContext's global SSLContextParameters when an endpoint sets none.
     */
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
