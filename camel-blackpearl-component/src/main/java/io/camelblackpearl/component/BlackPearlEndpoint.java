package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.model.Priority;
import java.util.UUID;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Manage Spectra Logic BlackPearl archive jobs through the DS3 API: list, get, modify (priority, name,
 * creation time, flags), cancel and truncate active jobs; consume job events (created, priority changed,
 * waiting, completed, canceled).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "blackpearl", title = "BlackPearl", syntax = "blackpearl:resource",
             remote = true, category = { Category.FILE, Category.CLOUD },
             headersClass = BlackPearlConstants.class)
public class BlackPearlEndpoint extends ScheduledPollEndpoint {

    /** A poll lists every active, completed and canceled job: Camel's usual 500 ms would load the appliance. */
    static final long DEFAULT_POLL_DELAY = 30_000;

    /** Declared again only to document this component's default; the value lives in ScheduledPollEndpoint. */
    @UriParam(label = "consumer,scheduler", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Milliseconds (or 30s, 5m) from the end of one poll to the start of the next. 30 seconds, not Camel's usual 500 ms: each poll lists every active, completed and canceled job.")
    private long delay = DEFAULT_POLL_DELAY;

    @UriPath(description = "The DS3 resource: activeJob (/_rest_/active_job, running jobs), job (/_rest_/job, jobs in any state) "
            + "or completedJob (/_rest_/completed_job, jobs that completed; list only)")
    @Metadata(required = true)
    private final BlackPearlResource resource;

    @UriParam
    private final BlackPearlConfiguration configuration;

    private Ds3Client client;
    private boolean ownsClient;

    public BlackPearlEndpoint(String uri, BlackPearlComponent component, BlackPearlResource resource,
                              BlackPearlConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
        super.setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public BlackPearlComponent getComponent() {
        return (BlackPearlComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new BlackPearlProducer(this);
    }

    /** The job-event consumer; only {@code blackpearl:activeJob} has one. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resource != BlackPearlResource.activeJob) {
            throw new IllegalArgumentException("The blackpearl consumer watches active jobs: use from(\"blackpearl:activeJob\"), "
                    + "not blackpearl:" + resource);
        }
        BlackPearlConsumer consumer = new BlackPearlConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The list filters of the options (request type, bucket, user) with a priority and name, for list and the consumer. */
    JobListFilter listFilter(Priority priority, String name) {
        return new JobListFilter(configuration.getRequestType(), priority,
                configuration.getBucketId() == null ? null : UUID.fromString(configuration.getBucketId()),
                configuration.getUserId() == null ? null : UUID.fromString(configuration.getUserId()),
                name);
    }

    public BlackPearlResource getResource() {
        return resource;
    }

    public BlackPearlConfiguration getConfiguration() {
        return configuration;
    }

    /** The DS3 client, available once the endpoint is started. */
    public Ds3Client getClient() {
        return client;
    }

    /** Takes the component's client for these settings (shared with its other endpoints) unless one was given; no I/O happens here. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getDs3Client() != null) {
            client = configuration.getDs3Client();
            ownsClient = false;
            return;
        }
        client = getComponent().clients().acquire(configuration, () -> getComponent().sslContext(configuration));
        ownsClient = true;
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null && ownsClient) {
            getComponent().clients().release(client);
        }
        client = null;
        super.doStop();
    }
}
