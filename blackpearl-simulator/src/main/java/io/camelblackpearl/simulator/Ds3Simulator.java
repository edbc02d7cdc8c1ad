package io.camelblackpearl.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The simulator's HTTP face: a DS3 data path on loopback (port 0 picks a free one) over a
 * {@link SimulatedAppliance}. Build it, {@link #start()} it, point a client at {@link #endpoint()} with
 * {@link #accessKey()} and {@link #secretKey()}, {@link #close()} it.
 */
public final class Ds3Simulator implements AutoCloseable {

    private final SimulatedAppliance appliance;
    private final Map<String, String> credentials;
    private final Clock clock;
    private final Clock applianceClock;
    private final Duration clockSkewTolerance;
    private final InetAddress bindAddress;
    private final int requestedPort;
    private final SSLContext sslContext;
    private final UUID nodeId = UUID.randomUUID();
    /** HttpCore's classic server, plain or TLS: a worker thread per open connection. */
    private HttpServer server;
    private LazyHandler handler;

    private Ds3Simulator(Builder builder) {
        this.appliance = builder.appliance;
        this.credentials = Map.copyOf(builder.credentials);
        this.clock = builder.clock;
        this.applianceClock = builder.applianceClock;
        this.clockSkewTolerance = builder.clockSkewTolerance;
        this.bindAddress = builder.bindAddress;
        this.requestedPort = builder.port;
        this.sslContext = builder.sslContext;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this for chaining. */
    public synchronized Ds3Simulator start() {
        if (server != null) {
            return this;
        }
        handler = new LazyHandler();
        ServerBootstrap bootstrap = ServerBootstrap.bootstrap()
                .setLocalAddress(bindAddress)
                .setListenerPort(requestedPort)
                // One response per flush and TCP_NODELAY: otherwise keep-alive clients wait ~40 ms per call
                // for the delayed ACK (docs/ds3-protocol.md §5).
                .setSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoKeepAlive(true)
                        .setSoTimeout(Timeout.ofMinutes(5)).setBacklogSize(1024).build())
                .setExceptionListener(ExceptionListener.NO_OP);
        if (sslContext != null) {
            bootstrap.setSslContext(sslContext);
        }
        // Lets faults reach the socket: a reset mid-body, a stall that ends when the client hangs up.
        bootstrap.setConnectionFactory(new FaultConnections(sslContext == null ? "http" : "https"));
        // One handler for every request, whatever its Host: an appliance is reached by IP, name or alias.
        bootstrap.setRequestRouter((request, context) -> handler);
        server = bootstrap.create();
        try {
            server.start();
        } catch (IOException e) {
            server = null;
            throw new UncheckedIOException("Cannot bind the simulator to " + bindAddress.getHostAddress() + ":" + requestedPort, e);
        }
        handler.delegate = new Ds3RequestHandler(appliance,
                new RequestAuthenticator(credentials, clock, clockSkewTolerance),
                new JobResources(appliance, nodeId, bindAddress.getHostAddress(), server.getLocalPort()), applianceClock);
        return this;
    }

    /** The handler needs the bound port (for the MasterObjectList node), known only once the server runs. */
    private static final class LazyHandler implements HttpRequestHandler {
        volatile Ds3RequestHandler delegate;

        @Override
        public void handle(ClassicHttpRequest request,
                           ClassicHttpResponse response,
                           HttpContext context)
                throws HttpException, IOException {
            Ds3RequestHandler handler = delegate;
            if (handler == null) {
                response.setCode(503);
                return;
            }
            handler.handle(request, response, context);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            Ds3RequestHandler handler = this.handler == null ? null : this.handler.delegate;
            if (handler != null) {
                handler.closing();
            }
            server.close(CloseMode.IMMEDIATE);
            server = null;
        }
    }

    /** How many answers a {@link Fault.Stall} is holding back right now (0 once their clients hung up). */
    public int stalledResponses() {
        LazyHandler current = handler;
        Ds3RequestHandler delegate = current == null ? null : current.delegate;
        return delegate == null ? 0 : delegate.stalled();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The data path's base URL, e.g. {@code http://127.0.0.1:41234} ({@code https} when serving TLS). */
    public synchronized String endpoint() {
        String host = bindAddress.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (sslContext == null ? "http://" : "https://") + host + ":" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return server.getLocalPort();
    }

    /** The first access key the simulator accepts. */
    public String accessKey() {
        return credentials.keySet().iterator().next();
    }

    /** The secret key of {@link #accessKey()}. */
    public String secretKey() {
        return credentials.get(accessKey());
    }

    public SimulatedAppliance appliance() {
        return appliance;
    }

    /** Adds the jobs of {@code plan} to the appliance. */
    public Ds3Simulator seed(SeedPlan plan) {
        appliance.putAll(plan.jobs());
        return this;
    }

    /** Configures a {@link Ds3Simulator}. */
    public static final class Builder {
        private SimulatedAppliance appliance;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private Clock applianceClock;
        private double timeScale = 1;
        private Duration clockSkewTolerance = Duration.ofMinutes(15);
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private int requestLogCapacity = 100_000;
        private SSLContext sslContext;

        /** Serve https with this context's key (e.g. a self-signed certificate for TLS tests); default plain http. */
        public Builder tls(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /** Port to listen on; 0 (the default) picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder bindAddress(InetAddress value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** A user the simulator accepts; without one it makes up a random pair. May be called more than once. */
        public Builder credentials(String accessKey, String secretKey) {
            credentials.put(Objects.requireNonNull(accessKey, "accessKey"), Objects.requireNonNull(secretKey, "secretKey"));
            return this;
        }

        /** The server's clock, against which a request's Date is checked. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Runs the appliance's time {@code scale} times faster than the {@link #clock} (a {@link ScaledClock}):
         * ages, progress, every date it writes and its {@code Date} header; request signatures are still checked
         * against the clock itself, so unmodified clients work. Default 1.
         */
        public Builder timeScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("timeScale must be a positive number, was " + scale);
            }
            this.timeScale = scale;
            return this;
        }

        /** The appliance's clock: the {@link #clock}, run faster by the {@link #timeScale}. Made on first use. */
        public Clock applianceClock() {
            if (applianceClock == null) {
                applianceClock = timeScale == 1 ? clock : new ScaledClock(clock, timeScale);
            }
            return applianceClock;
        }

        /** How far a request's Date may be from the server's clock before a 403 "Client clock"; default 15 minutes. */
        public Builder clockSkewTolerance(Duration value) {
            this.clockSkewTolerance = Objects.requireNonNull(value, "clockSkewTolerance");
            return this;
        }

        /** Share state with another simulator or keep it across restarts. */
        public Builder appliance(SimulatedAppliance value) {
            this.appliance = value;
            return this;
        }

        /** How many of the latest requests the log keeps; default 100,000. */
        public Builder requestLogCapacity(int value) {
            this.requestLogCapacity = value;
            return this;
        }

        public Ds3Simulator build() {
            if (credentials.isEmpty()) {
                SecureRandom random = new SecureRandom();
                byte[] secret = new byte[12];
                random.nextBytes(secret);
                // BlackPearl access ids are the Base64 of the user name.
                credentials.put(Base64.getEncoder().encodeToString("simulator".getBytes(StandardCharsets.UTF_8)),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            }
            applianceClock();
            if (appliance == null) {
                appliance = new SimulatedAppliance(requestLogCapacity, applianceClock);
            }
            return new Ds3Simulator(this);
        }
    }
}
