package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JacksonException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.Ds3Error;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.xml.stream.XMLStreamException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link Ds3Client} over Apache HttpClient 5 classic: one pooled, reused connection manager, connect and
 * response timeouts, TLS through an {@link SSLContext} (certificates verified unless the context says
 * otherwise). It signs each request, follows 307 by sending the same request again (as the SDKs do),
 * retries what {@link RetryPolicy} says is safe to retry (signing each attempt afresh, so its Date is
 * current), and turns every other failure into a {@link BlackPearlException} that says what each attempt
 * got.
 */
public final class HttpDs3Client implements Ds3Client {

    /** How much of an error body is read to find the {@code <Error>} document. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final String MANAGEMENT_PATH_HEADER = "Spectra-Data-Path-Request-Made-On-Management-Path";

    private final Ds3ClientSettings settings;
    private final Clock clock;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final RetryListener retryListener;
    /** False for a {@link #withRetry} view, which shares the pool of the client it came from. */
    private final boolean ownsConnections;
    /** Reads a list's pages two at a time (see {@link JobPages}). */
    private final ExecutorService pageReaders;
    /** Aborts an attempt still running at the call's deadline. */
    private final ScheduledExecutorService deadlines;
    private final CallDeadlines callDeadlines;
    /** False when the pools were given (by Camel's ExecutorServiceManager, which shuts them down). */
    private final boolean ownsPools;

    public HttpDs3Client(Ds3ClientSettings settings) {
        this(settings, Clock.systemUTC(), RetryListener.NONE);
    }

    /** @param clock the clock the Date header is taken from */
    public HttpDs3Client(Ds3ClientSettings settings, Clock clock) {
        this(settings, clock, RetryListener.NONE);
    }

    /**
     * A client with pools of its own: two page readers and one deadline thread, each existing only while in
     * use, shut down by {@link #close()}.
     *
     * @param clock          the clock the Date header is taken from
     * @param retryListener  told of every retry, e.g. to count them
     */
    public HttpDs3Client(Ds3ClientSettings settings, Clock clock, RetryListener retryListener) {
        this(settings, clock, retryListener, ownPageReaders(), ownDeadlines(), true);
    }

    /**
     * A client on the caller's pools (in Camel, from its ExecutorServiceManager: named, managed, shut down
     * with the context); {@link #close()} leaves them alone.
     *
     * @param pageReaders  runs the read-ahead of a list's next page; two threads are enough
     * @param deadlines    runs the abort of an attempt at the call's deadline; one thread is enough
     */
    public HttpDs3Client(Ds3ClientSettings settings, Clock clock, RetryListener retryListener,
                         ExecutorService pageReaders, ScheduledExecutorService deadlines) {
        this(settings, clock, retryListener, pageReaders, deadlines, false);
    }

    private HttpDs3Client(Ds3ClientSettings settings, Clock clock, RetryListener retryListener,
                          ExecutorService pageReaders, ScheduledExecutorService deadlines,
                          boolean ownsPools) {
        this.settings = settings;
        this.clock = clock;
        this.retryListener = retryListener;
        this.connections = createConnectionManager(settings);
        this.http = createHttpClient(settings, connections);
        this.ownsConnections = true;
        this.pageReaders = Objects.requireNonNull(pageReaders, "pageReaders");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.callDeadlines = new CallDeadlines(deadlines, settings.retry().callTimeout());
        this.ownsPools = ownsPools;
    }

    private static ThreadPoolExecutor ownPageReaders() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "blackpearl-page-reader");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ScheduledThreadPoolExecutor ownDeadlines() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "blackpearl-call-deadline");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setKeepAliveTime(10, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private HttpDs3Client(HttpDs3Client shared, RetryPolicy retry) {
        this.settings = shared.settings.withRetry(retry);
        this.clock = shared.clock;
        this.retryListener = shared.retryListener;
        this.connections = shared.connections;
        this.http = shared.http;
        this.ownsConnections = false;
        this.pageReaders = shared.pageReaders;
        this.deadlines = shared.deadlines;
        this.callDeadlines = shared.callDeadlines;
        this.ownsPools = false;
    }

    /** The same client, connections shared, with another retry policy; closing it leaves the pool open. */
    @Override
    public HttpDs3Client withRetry(RetryPolicy retry) {
        return new HttpDs3Client(this, retry);
    }

    private static PoolingHttpClientConnectionManager createConnectionManager(Ds3ClientSettings settings) {
        SSLContext ssl = settings.sslContext();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.responseTimeout()))
                        .build());
        if (ssl != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl));
        }
        return pool.build();
    }

    private static CloseableHttpClient createHttpClient(Ds3ClientSettings settings, PoolingHttpClientConnectionManager connections) {
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("camel-blackpearl")
                .build();
    }

    private static Timeout timeout(Duration duration) {
        return duration.isZero() ? Timeout.DISABLED : Timeout.ofMilliseconds(duration.toMillis());
    }

    public Ds3ClientSettings settings() {
        return settings;
    }

    /** The connection pool right now: {@code leased} connections are in use by a call. */
    public record PoolStats(int leased, int idle, int pending) {
    }

    public PoolStats connectionPool() {
        org.apache.hc.core5.pool.PoolStats total = connections.getTotalStats();
        return new PoolStats(total.getLeased(), total.getAvailable(), total.getPending());
    }

    @Override
    public Ds3Response<MasterObjectList> modifyActiveJob(String jobId, JobModification modification, boolean includeObjects) {
        return execute("PUT", Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, jobId), modification.toQuery(),
                masterObjectListReader(includeObjects));
    }

    @Override
    public Ds3Response<MasterObjectList> modifyJob(String jobId, JobModification modification, boolean includeObjects) {
        return execute("PUT", Ds3Paths.jobPath(Ds3Paths.JOB, jobId), modification.toQuery(),
                masterObjectListReader(includeObjects));
    }

    @Override
    public Ds3Response<MasterObjectList> getJob(String jobId, boolean includeObjects) {
        return execute("GET", Ds3Paths.jobPath(Ds3Paths.JOB, jobId), new QueryString(), masterObjectListReader(includeObjects));
    }

    @Override
    public Ds3Response<ActiveJob> getActiveJob(String jobId) {
        return execute("GET", Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, jobId), new QueryString(),
                new BodyReader<>("active job", Ds3Xml::readActiveJob));
    }

    @Override
    public Ds3Response<List<ActiveJob>> listActiveJobsPage(JobListFilter filter, long pageOffset, int pageLength) {
        return execute("GET", Ds3Paths.ACTIVE_JOB, listQuery(filter, pageOffset, pageLength),
                new BodyReader<>("active job list", Ds3Xml::readActiveJobs));
    }

    @Override
    public Ds3Response<List<CompletedJob>> listCompletedJobsPage(JobListFilter filter, long pageOffset, int pageLength) {
        return execute("GET", Ds3Paths.COMPLETED_JOB, listQuery(filter, pageOffset, pageLength),
                new BodyReader<>("completed job list", Ds3Xml::readCompletedJobs));
    }

    @Override
    public Ds3Response<List<CanceledJob>> listCanceledJobsPage(JobListFilter filter, long pageOffset, int pageLength) {
        return execute("GET", Ds3Paths.CANCELED_JOB, listQuery(filter, pageOffset, pageLength),
                new BodyReader<>("canceled job list", Ds3Xml::readCanceledJobs));
    }

    @Override
    public Ds3Response<CompletedJob> getCompletedJob(String jobId) {
        return execute("GET", Ds3Paths.jobPath(Ds3Paths.COMPLETED_JOB, jobId), new QueryString(),
                new BodyReader<>("completed job", Ds3Xml::readCompletedJob));
    }

    @Override
    public Ds3Response<CanceledJob> getCanceledJob(String jobId) {
        return execute("GET", Ds3Paths.jobPath(Ds3Paths.CANCELED_JOB, jobId), new QueryString(),
                new BodyReader<>("canceled job", Ds3Xml::readCanceledJob));
    }

    @Override
    public JobListing<ActiveJob> listActiveJobs(JobListFilter filter, int pageLength) {
        return JobPages.readAll((offset, length) -> listActiveJobsPage(filter, offset, length), pageLength, pageReaders);
    }

    @Override
    public JobListing<CompletedJob> listCompletedJobs(JobListFilter filter, int pageLength) {
        return JobPages.readAll((offset, length) -> listCompletedJobsPage(filter, offset, length), pageLength, pageReaders);
    }

    @Override
    public JobListing<CanceledJob> listCanceledJobs(JobListFilter filter, int pageLength) {
        return JobPages.readAll((offset, length) -> listCanceledJobsPage(filter, offset, length), pageLength, pageReaders);
    }

    private static QueryString listQuery(JobListFilter filter, long pageOffset, int pageLength) {
        if (pageLength < 1) {
            throw new IllegalArgumentException("pageLength must be at least 1, was " + pageLength);
        }
        QueryString query = new QueryString();
        (filter == null ? JobListFilter.ALL : filter).addTo(query);
        query.add("page_length", Integer.toString(pageLength));
        query.add("page_offset", Long.toString(pageOffset));
        return query;
    }

    @Override
    public Ds3Response<Void> cancelActiveJob(String jobId) {
        return execute("DELETE", Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, jobId), new QueryString().flag("force"), null);
    }

    @Override
    public Ds3Response<Void> truncateActiveJob(String jobId) {
        return execute("DELETE", Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, jobId), new QueryString(), null);
    }

    private static BodyReader<MasterObjectList> masterObjectListReader(boolean includeObjects) {
        return includeObjects
                ? new BodyReader<>("MasterObjectList", Ds3Xml::readMasterObjectList)
                : new BodyReader<>("MasterObjectList", Ds3Xml::readMasterObjectListSummary, true);
    }

    /**
     * Reads a successful answer's body.
     *
     * @param readsAPrefix whether the parser stops before the end of the body (the summary of a MasterObjectList)
     */
    private record BodyReader<T>(String what, Parser<T> parser, boolean readsAPrefix) {
        BodyReader(String what, Parser<T> parser) {
            this(what, parser, false);
        }
    }

    /**
     * Up to this many bytes of an answer a parser did not read are drained, so the connection is reused; past
     * it (or when the length is not announced) the connection is closed instead: measured on a 200,000-object
     * MasterObjectList over loopback, draining its ~30 MB took 68-80 ms and aborting 5-6 ms (docs/benchmarks.md,
     * figure 7), and a new connection costs far less than that even with TLS.
     */
    private static final long DRAIN_LIMIT = 256 * 1024;

    @FunctionalInterface
    private interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    /** Thrown out of the response handler to send the same request again. */
    private static final class RedirectSignal extends RuntimeException {
        RedirectSignal() {
            super(null, null, false, false);
        }
    }

    private <T> Ds3Response<T> execute(String method, String rawPath, QueryString query, BodyReader<T> reader) {
        // The path and query are already encoded (Ds3Paths, QueryString): set on a request made from the parsed
        // endpoint, they are not parsed again into a URI on every call.
        String pathAndQuery = query.isEmpty() ? rawPath : rawPath + "?" + query;
        RetryPolicy retry = settings.retry();
        long deadline = retry.callTimeout().isZero() ? Long.MAX_VALUE : System.nanoTime() + retry.callTimeout().toNanos();
        List<String> outcomes = new ArrayList<>();
        int redirects = 0;
        int retries = 0;
        while (true) {
            try {
                return attempt(method, rawPath, pathAndQuery, reader, deadline).withAttempts(outcomes.size() + 1);
            } catch (RedirectSignal redirect) {
                outcomes.add("307");
                if (++redirects > settings.maxRedirects()) {
                    BlackPearlException e = new BlackPearlException(method, rawPath, 307, new Ds3Error("TemporaryRedirect", 307,
                            "still redirected after " + settings.maxRedirects() + " redirects", null, null), null, false);
                    e.recordAttempts(outcomes, null);
                    throw e;
                }
            } catch (BlackPearlException e) {
                String outcome = e.outcome();
                outcomes.add(outcome);
                Duration delay = retry.delayBefore(e, retries, ThreadLocalRandom.current().nextDouble());
                if (System.nanoTime() >= deadline || delay != null && System.nanoTime() + delay.toNanos() >= deadline) {
                    e.recordAttempts(outcomes, "callTimeout " + retry.callTimeout() + " reached");
                    throw e;
                }
                if (delay == null) {
                    e.recordAttempts(outcomes, null);
                    throw e;
                }
                retryListener.retrying(method, rawPath, outcome, outcomes.size(), delay);
                sleep(delay, method, rawPath);
                retries++;
            }
        }
    }

    /**
     * One signed request; 307 comes back as {@link RedirectSignal}, every other failure as a BlackPearlException.
     * An attempt still running at the call's deadline is aborted, whatever it is doing (a body that trickles in a
     * byte at a time never trips a socket timeout): its connection is closed and released, not reused.
     */
    private <T> Ds3Response<T> attempt(String method, String rawPath, String pathAndQuery, BodyReader<T> reader, long deadline) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, settings.endpoint());
        request.setPath(pathAndQuery);
        Map<String, String> signed = Map.of("Date", Ds3RequestSigner.httpDate(clock.instant()));
        // No Content-Type on body-less calls: an empty line is signed, as the Python and Go SDKs do.
        request.setHeader("Date", signed.get("Date"));
        request.setHeader("Authorization", Ds3RequestSigner.authorization(settings.credentials(), method, rawPath, signed));
        CallDeadlines.Pending abort = null;
        AtomicBoolean timedOut = new AtomicBoolean();
        if (deadline != Long.MAX_VALUE) {
            if (deadline - System.nanoTime() <= 0) {
                throw deadlinePassed(method, rawPath);
            }
            abort = callDeadlines.watch(deadline, () -> {
                timedOut.set(true);
                request.cancel();
            });
        }
        try {
            return http.execute(request, response -> handle(method, rawPath, response, reader, request));
        } catch (UncheckedIOException e) {
            throw timedOut.get() ? deadlinePassed(method, rawPath) : new BlackPearlTransportException(method, rawPath, e.getCause());
        } catch (IOException e) {
            throw timedOut.get() ? deadlinePassed(method, rawPath) : new BlackPearlTransportException(method, rawPath, e);
        } catch (BlackPearlResponseParseException e) {
            // the abort can surface as a parse failure of the half-read body
            throw timedOut.get() ? deadlinePassed(method, rawPath) : e;
        } finally {
            if (abort != null) {
                callDeadlines.done(abort);
            }
        }
    }

    private BlackPearlTransportException deadlinePassed(String method, String rawPath) {
        return new BlackPearlTransportException(method, rawPath, new TimeoutException(
                "the call's deadline (callTimeout " + settings.retry().callTimeout() + ") passed during the attempt, which was aborted"));
    }

    private static void sleep(Duration delay, String method, String rawPath) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlackPearlTransportException(method, rawPath, e);
        }
    }

    private <T> Ds3Response<T> handle(String method, String rawPath, ClassicHttpResponse response, BodyReader<T> reader,
                                      HttpUriRequestBase request) throws IOException {
        int status = response.getCode();
        HttpEntity entity = response.getEntity();
        if (status == 307) {
            throw new RedirectSignal();
        }
        if (status < 200 || status >= 300) {
            // At most a bounded prefix: a 20 MB error page from a proxy is neither read whole nor drained.
            byte[] body = entity == null ? new byte[0] : readAtMost(entity.getContent(), MAX_ERROR_BODY, request);
            Header retryAfter = response.getFirstHeader("Retry-After");
            BlackPearlException error = new BlackPearlException(method, rawPath, status, Ds3Xml.readError(body), retryAfter(retryAfter),
                    status == 404 && response.containsHeader(MANAGEMENT_PATH_HEADER));
            error.setRequestId(requestId(response));
            throw error;
        }
        T body = null;
        if (reader != null) {
            if (entity == null) {
                throw new BlackPearlResponseParseException(method, rawPath, status, reader.what(),
                        new IOException("the answer has no body"));
            }
            String type = entity.getContentType();
            if (type != null && !type.toLowerCase(Locale.ROOT).contains("xml")) {
                throw new BlackPearlResponseParseException(method, rawPath, status, reader.what(),
                        new IOException("the answer is " + type + ", not XML"));
            }
            InputStream in = entity.getContent();
            try {
                body = reader.parser().parse(in);
                long length = entity.getContentLength();
                if (reader.readsAPrefix() && (length < 0 || length > DRAIN_LIMIT)) {
                    // What the parser needed is read: drop the connection rather than move the rest of the bytes
                    // (closing the stream would drain them).
                    request.cancel();
                } else {
                    in.close(); // drains what is left, so the connection is reused; a body cut short fails here
                }
            } catch (IOException | RuntimeException e) {
                try {
                    in.close();
                } catch (IOException | RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                IOException transport = transportFailure(e);
                if (transport != null) {
                    throw transport;
                }
                BlackPearlResponseParseException unreadable = new BlackPearlResponseParseException(method, rawPath, status, reader.what(), e);
                unreadable.setRequestId(requestId(response));
                throw unreadable;
            }
        }
        return new Ds3Response<>(status, body, headers(response));
    }

    /**
     * The I/O failure behind a failed read, if the connection broke (reset, closed early, timed out) rather
     * than the document being bad. Jackson reports malformed XML as IOException subclasses, and wraps the
     * parser's own I/O failures, so the causes are searched.
     */
    private static IOException transportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io && !(io instanceof JacksonException)) {
                return io;
            }
            if (t instanceof XMLStreamException xml && xml.getNestedException() instanceof IOException io
                    && !(io instanceof JacksonException)) {
                return io;
            }
        }
        return null;
    }

    private static String requestId(ClassicHttpResponse response) {
        Header id = response.getFirstHeader(Ds3Response.REQUEST_ID_HEADER);
        return id == null ? null : id.getValue();
    }

    private static Map<String, String> headers(ClassicHttpResponse response) {
        return new ResponseHeaders(response.getHeaders());
    }

    /**
     * The answer's headers by lower-cased name, put in a map only when first read: most callers (every modify)
     * never read them, and building the map was a measurable share of a modify's CPU time.
     */
    private static final class ResponseHeaders extends AbstractMap<String, String> {
        private final Header[] received;
        private Map<String, String> byName;

        ResponseHeaders(Header[] received) {
            this.received = received;
        }

        private synchronized Map<String, String> byName() {
            if (byName == null) {
                Map<String, String> map = new HashMap<>();
                for (Header header : received) {
                    map.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                byName = Collections.unmodifiableMap(map);
            }
            return byName;
        }

        /** One name looked up (the request id on every call) is found by a scan, without building the map. */
        @Override
        public String get(Object name) {
            if (byName == null && name instanceof String wanted) {
                for (Header header : received) {
                    if (header.getName().equalsIgnoreCase(wanted)) {
                        return header.getValue();
                    }
                }
                return null;
            }
            return byName().get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return byName().containsKey(name);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return byName().entrySet();
        }
    }

    /** Retry-After as delay-seconds or as an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
    private Duration retryAfter(Header header) {
        if (header == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /**
     * Reads up to {@code limit} bytes. When more may follow, the request is cancelled, which discards the
     * connection: closing the stream instead would drain the rest to reuse it.
     */
    private static byte[] readAtMost(InputStream in, int limit, HttpUriRequestBase request) throws IOException {
        byte[] prefix = in.readNBytes(limit);
        if (prefix.length < limit) {
            in.close();
        } else {
            request.cancel();
        }
        return prefix;
    }

    @Override
    public void close() {
        if (ownsPools) {
            pageReaders.shutdownNow();
            deadlines.shutdownNow();
        }
        if (ownsConnections) {
            http.close(CloseMode.GRACEFUL);
        }
    }

    @Override
    public String toString() {
        return "HttpDs3Client[" + settings.baseUrl() + ", accessKey=" + settings.credentials().accessKey() + "]";
    }
}
