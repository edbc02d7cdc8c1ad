package io.camelblackpearl.component;

import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.RetryListener;
import io.camelblackpearl.ds3.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * The DS3 clients of one {@code blackpearl} component, one per distinct set of connection settings: every
 * endpoint with the component's settings (the usual case: a list, a modify and a job-event endpoint)
 * shares one connection pool, and the health check probes through that same client. A client is closed
 * when its last endpoint stops. Its threads come from Camel's ExecutorServiceManager: named, managed and
 * shut down with the context.
 */
final class ApplianceClients {

    /** What makes two endpoints' clients interchangeable; its text shows no secret. */
    record Key(String endpoint, String accessKey, String secretKey, long connectTimeout, long responseTimeout, int maxConnections,
               Object sslContextParameters, int maxRedirects, int maxRetries, long retryInitialDelay, long retryMaxDelay,
               long callTimeout) {

        static Key of(BlackPearlConfiguration c) {
            return new Key(c.getEndpoint().trim(), c.getAccessKey(), c.getSecretKey(), c.getConnectTimeout(), c.getResponseTimeout(),
                    c.getMaxConnections(), c.getSslContextParameters(), c.getMaxRedirects(), c.getMaxRetries(),
                    c.getRetryInitialDelay(), c.getRetryMaxDelay(), c.getCallTimeout());
        }

        @Override
        public String toString() {
            return endpoint + " as " + accessKey;
        }
    }

    /** A shared client, how many endpoints use it, and its retries by reason (for the dev console). */
    static final class Shared {
        final Key key;
        final HttpDs3Client client;
        final ExecutorService pageReaders;
        final ScheduledExecutorService deadlines;
        final Map<String, LongAdder> retries;
        int users;

        Shared(Key key, HttpDs3Client client, ExecutorService pageReaders, ScheduledExecutorService deadlines,
               Map<String, LongAdder> retries) {
            this.key = key;
            this.client = client;
            this.pageReaders = pageReaders;
            this.deadlines = deadlines;
            this.retries = retries;
        }

        /** Retries so far by what the failed attempt got ({@code 503}, {@code SocketTimeoutException}, ...). */
        Map<String, Long> retryCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            retries.forEach((reason, count) -> counts.put(reason, count.sum()));
            return counts;
        }
    }

    private final BlackPearlComponent component;
    private final Map<Key, Shared> clients = new ConcurrentHashMap<>();

    ApplianceClients(BlackPearlComponent component) {
        this.component = component;
    }

    /** The shared client for these settings, created (no I/O yet) for its first user. */
    synchronized Ds3Client acquire(BlackPearlConfiguration configuration, Supplier<SSLContext> ssl) {
        Shared shared = clients.computeIfAbsent(Key.of(configuration), key -> create(key, configuration, ssl.get()));
        shared.users++;
        return shared.client;
    }

    /** Closes the client and gives its threads back when no endpoint uses it any more. */
    synchronized void release(Ds3Client client) {
        for (Shared shared : clients.values()) {
            if (shared.client == client && --shared.users <= 0) {
                clients.remove(shared.key);
                close(shared);
                return;
            }
        }
    }

    synchronized void closeAll() {
        clients.values().forEach(this::close);
        clients.clear();
    }

    Collection<Shared> all() {
        return clients.values();
    }

    private Shared create(Key key, BlackPearlConfiguration c, SSLContext sslContext) {
        CamelContext context = component.getCamelContext();
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        ExecutorService pageReaders = executors.newThreadPool(this, "BlackPearlPageReader",
                new ThreadPoolProfileBuilder("BlackPearlPageReader").poolSize(2).maxPoolSize(2)
                        .maxQueueSize(Integer.MAX_VALUE).allowCoreThreadTimeOut(true).keepAliveTime(10L).build());
        // Runs the call-deadline sweep (one task at a time, only while calls are in flight; see CallDeadlines). No
        // queue limit: Camel's default of 1,000 would be a limit that never means anything here.
        ScheduledExecutorService deadlines = executors.newScheduledThreadPool(this, "BlackPearlCallDeadline",
                new ThreadPoolProfileBuilder("BlackPearlCallDeadline").poolSize(1).maxQueueSize(-1).build());
        Map<String, LongAdder> retries = new ConcurrentHashMap<>();
        RetryListener meter = ClientMeters.retryListener(context);
        RetryListener listener = (method, path, reason, attempt, delay) -> {
            retries.computeIfAbsent(reason, r -> new LongAdder()).increment();
            meter.retrying(method, path, reason, attempt, delay);
        };
        Ds3ClientSettings settings = new Ds3ClientSettings(URI.create(key.endpoint()),
                new Ds3Credentials(c.getAccessKey(), c.getSecretKey()),
                Duration.ofMillis(c.getConnectTimeout()), Duration.ofMillis(c.getResponseTimeout()), c.getMaxConnections(),
                sslContext, c.getMaxRedirects(),
                new RetryPolicy(c.getMaxRetries(), Duration.ofMillis(c.getRetryInitialDelay()), Duration.ofMillis(c.getRetryMaxDelay()),
                        Duration.ofMillis(c.getCallTimeout())));
        HttpDs3Client client = new HttpDs3Client(settings, Clock.systemUTC(), listener, pageReaders, deadlines);
        ClientMeters.connectionPoolGauges(context, client, key.endpoint());
        return new Shared(key, client, pageReaders, deadlines, retries);
    }

    private void close(Shared shared) {
        shared.client.close();
        ExecutorServiceManager executors = component.getCamelContext().getExecutorServiceManager();
        executors.shutdownNow(shared.pageReaders);
        executors.shutdownNow(shared.deadlines);
        ClientMeters.removeConnectionPoolGauges(component.getCamelContext(), shared.key.endpoint());
    }
}
