package io.camelblackpearl.sample;

import io.camelblackpearl.cluster.ClusterSettings;
import io.camelblackpearl.cluster.QuartzCluster;
import io.camelblackpearl.component.ApplianceCheck;
import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConfiguration;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.route.EscalationProcessor;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import io.camelblackpearl.simulator.work.LoadArrivals;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.quartz.SchedulerException;
import org.quartz.simpl.SimpleInstanceIdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once every setting is known, whether the sample runs on a configured appliance or on the
 * embedded simulator; checks the sample's settings; and once started says in one line what it will do,
 * then checks once that the appliance answers. A failed check is reported, not fatal: the appliance may
 * come back, and every firing tries again.
 */
final class SampleStartup extends MainListenerSupport {

    static final String ENDPOINT = "camel.component.blackpearl.endpoint";
    static final String CLUSTER_PREFIX = "escalation.cluster.";
    /** The clustered mode's settings (docs/clustering.md); a JDBC URL switches it on. */
    static final List<String> CLUSTER_KEYS = List.of("jdbc-url", "username", "password", "node-id", "checkin-interval").stream()
            .map(key -> CLUSTER_PREFIX + key).toList();
    private static final Logger LOG = LoggerFactory.getLogger(SampleStartup.class);

    private Ds3Simulator simulator;
    private SampleSettings settings;
    private ClusterSettings cluster;
    private QuartzCluster quartzCluster;
    /** In a cluster: the job events' watermark and the escalation's last success, shared by every node. */
    private StateRepository<String, String> clusterState;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        boolean applianceConfigured = properties.resolveProperty(ENDPOINT).filter(v -> !v.isBlank()).isPresent();
        if (applianceConfigured) {
            properties.addInitialProperty(SampleSettings.CRON, "0 */5 * * * ?");
            properties.addInitialProperty(SampleSettings.MAX_RUNS, "0");
            properties.addInitialProperty(SampleSettings.EVENTS_DELAY, "30s");
        } else {
            properties.addInitialProperty(SampleSettings.CRON, "0/2 * * * * ?");
            properties.addInitialProperty(SampleSettings.MAX_RUNS, "12");
            properties.addInitialProperty(SampleSettings.EVENTS_DELAY, "2s");
        }
        settings = SampleSettings.read(properties);
        cluster = ClusterSettings.parse(setting(properties, "jdbc-url"), setting(properties, "username"),
                setting(properties, "password"), setting(properties, "node-id"), setting(properties, "checkin-interval"),
                key -> CLUSTER_PREFIX + key + " (environment variable " + EnvironmentVariables.variableName(CLUSTER_PREFIX + key) + ")")
                .orElse(null);
        if (cluster != null) {
            if (cluster.nodeId() == null) {
                // Quartz's own AUTO id (host name and time), taken now so that the audit can name it from the start
                try {
                    cluster = cluster.withNodeId(new SimpleInstanceIdGenerator().generateInstanceId());
                } catch (SchedulerException e) {
                    throw new IllegalStateException("Cannot generate this node's Quartz instance id", e);
                }
            }
            quartzCluster = new QuartzCluster(cluster, properties.resolveProperty("camel.main.name").orElse(null));
            quartzCluster.configure(main.getCamelContext());
            clusterState = quartzCluster.stateRepository();
            main.getCamelContext().getRegistry().bind(JobEventRoutes.CLUSTER_STATE, clusterState);
            // the escalation Kamelet's nodeId and clusterState parameters, in both DSLs
            properties.addOverrideProperty("escalation.node-id", cluster.nodeId());
            properties.addOverrideProperty("escalation.cluster-state", JobEventRoutes.CLUSTER_STATE);
        }
        managementServer(properties, applianceConfigured);
        if (!applianceConfigured) {
            simulator = startSimulator();
            properties.addOverrideProperty(ENDPOINT, simulator.endpoint());
            properties.addOverrideProperty("camel.component.blackpearl.access-key", simulator.accessKey());
            properties.addOverrideProperty("camel.component.blackpearl.secret-key", simulator.secretKey());
        }
        if (settings.dsl().equals("yaml")) {
            properties.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/escalation.yaml");
        }
        main.getCamelContext().getRegistry().bind("sampleSettings", settings);
    }

    /** Routes exist but nothing fires yet: the summary and the check come before the first run. */
    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        BlackPearlConfiguration appliance = context.getComponent("blackpearl", BlackPearlComponent.class).getConfiguration();
        if (settings.schedulePeriod().isEmpty()) {
            LOG.info("The schedule '{}' fires only once more: the escalation has no period to judge, so no "
                    + "blackpearl-escalation health check", settings.cron());
        }
        EscalationPolicy policy;
        try {
            policy = EscalationProcessor.loadPolicy(context, settings.policyFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid setting " + SampleSettings.POLICY_FILE + ": " + e.getMessage(), e);
        }
        if (cluster != null) {
            QuartzCluster.requireConsistent(context, main.configure().getName());
            HealthCheckRegistry health = HealthCheckRegistry.get(context);
            if (health != null) {
                health.register(quartzCluster.healthCheck());
            }
            LOG.info("Clustered: node {}, Quartz job store {} as {}, check-in every {}", cluster.nodeId(), cluster.jdbcUrl(),
                    cluster.username(), cluster.checkinInterval());
        }
        LOG.info("Escalation against {} as access key {}: policy {} ({}), schedule '{}', run limit {}, route in {} DSL",
                appliance.getEndpoint(), appliance.getAccessKey(), settings.policyFile(),
                policy.dryRun() ? "DRY RUN: decides and audits, sends nothing" : "applies its decisions",
                settings.cron(), settings.runLimit(), settings.dsl());
        SampleSettings.Events events = settings.events();
        LOG.info("Job events: {}", !events.enabled() ? "off (escalation.events.enabled=false)"
                : "polled every " + readable(events.delay()) + " for " + events.types() + (cluster != null
                        ? ", by one node of the cluster at a time, state in the cluster's database"
                        : events.stateFile() == null ? ", no state file (a restart starts from a new snapshot)" : ", state in " + events.stateFile()));
        BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
        ServiceHelper.startService(component);
        ApplianceCheck.Result check = component.checkAppliance();
        if (check.reachable()) {
            LOG.info("{}", check.message());
        } else {
            LOG.warn("{}. The escalation keeps its schedule and tries again at every firing.", check.message());
        }
    }

    /**
     * Where health, metrics and the dev console are served. On the embedded simulator (a demo, often on a
     * laptop where 8080 is taken): loopback only, and a free port when the configured one is busy. Against an
     * appliance: the configured address; a busy port stops the start in one line naming the setting.
     */
    private static void managementServer(PropertiesComponent properties, boolean applianceConfigured) {
        if (!properties.resolveProperty("camel.management.enabled").map(Boolean::parseBoolean).orElse(false)) {
            return;
        }
        if (!applianceConfigured && properties.resolveProperty("camel.management.host").isEmpty()) {
            properties.addOverrideProperty("camel.management.host", "127.0.0.1");
        }
        String host = properties.resolveProperty("camel.management.host").orElse("0.0.0.0");
        String portText = properties.resolveProperty("camel.management.port").orElse("8080");
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw SampleSettings.invalid("camel.server.port", portText, "expected a port number");
        }
        if (port == 0 || free(host, port)) {
            LOG.info("Health, metrics and the dev console at http://{}:{}/observe/health, /observe/metrics and /q/dev",
                    host.equals("0.0.0.0") ? "localhost" : host, port);
            return;
        }
        if (applianceConfigured) {
            throw new IllegalArgumentException("Port " + port + " (" + host + ") for health and metrics is in use: set "
                    + "CAMEL_SERVER_PORT (or CAMEL_MANAGEMENT_PORT, which wins over it) to a free port, or stop what uses " + port);
        }
        int chosen;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            chosen = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on " + host + " for health and metrics: " + e.getMessage(), e);
        }
        properties.addOverrideProperty("camel.management.port", String.valueOf(chosen));
        System.out.println("Port " + port + " is in use: health, metrics and the dev console are at http://" + host + ":"
                + chosen + "/observe/health, /observe/metrics and /q/dev (CAMEL_SERVER_PORT sets the port)");
    }

    private static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 60_000 == 0 ? millis / 60_000 + "m" : millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String setting(PropertiesComponent properties, String clusterKey) {
        return properties.resolveProperty(CLUSTER_PREFIX + clusterKey).orElse(null);
    }

    /** In a cluster: drop the triggers of escalation routes this application no longer has. */
    @Override
    public void afterStart(BaseMainSupport main) {
        if (cluster == null) {
            return;
        }
        try {
            QuartzCluster.removeStaleTriggers(main.getCamelContext());
        } catch (SchedulerException e) {
            LOG.warn("Could not check for stale escalation triggers: {}", e.getMessage());
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (simulator != null) {
            simulator.close();
        }
        if (quartzCluster != null) {
            quartzCluster.close();
        }
    }

    /** The embedded appliance's time runs this many times faster: a real second is ten simulated minutes. */
    static final double DEMO_TIME_SCALE = 600;

    /**
     * A busy appliance on its own clock (600 times faster): a backlog of 400 jobs aged from minutes to days, every
     * request type, several buckets and users, mostly low priorities; drives that work through them chunk by
     * chunk, by priority; and new jobs arriving for an offered load of 0.9, half of the restores with a deadline in
     * their name. The simulator's work model (docs/simulator.md) decides who finishes when, so the escalation's
     * raises show in who meets their deadline.
     */
    private static Ds3Simulator startSimulator() {
        Ds3Simulator.Builder builder = Ds3Simulator.builder().timeScale(DEMO_TIME_SCALE);
        Clock clock = builder.applianceClock();
        Ds3Simulator simulator = builder.build().start().seed(SeedPlan.jobs(400).clock(clock)
                .ages(Duration.ofMinutes(2), Duration.ofDays(4))
                .priorities("LOW", "LOW", "LOW", "NORMAL", "NORMAL", "HIGH")
                .requestTypes("PUT", "PUT", "GET", "VERIFY")
                .buckets("media-masters", "finance-records", "science-raw", "backups")
                .users("ingest", "restore-desk", "scheduler"));
        long start = clock.millis();
        WorkSettings work = WorkSettings.DEFAULTS;
        simulator.appliance().workModel(new WorkModel(work, new LoadArrivals(work, 0.9, 0.5, Set.of("GET"),
                List.of("LOW", "NORMAL", "NORMAL", "HIGH"), simulator.appliance().allJobs().size() + 1, 42, start, Long.MAX_VALUE),
                start));
        System.out.println("No camel.component.blackpearl.endpoint configured: using the embedded BlackPearl simulator at "
                + simulator.endpoint() + " with " + simulator.appliance().activeJobs().size() + " active jobs; its time runs "
                + Math.round(DEMO_TIME_SCALE) + " times faster (a second is ten minutes), new jobs arrive for an offered load of "
                + "0.9, half of the restores with a deadline");
        return simulator;
    }
}
