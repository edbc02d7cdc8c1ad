package io.camelblackpearl.sample;

import io.camelblackpearl.component.ApplianceCheck;
import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConfiguration;
import io.camelblackpearl.component.BlackPearlEndpoint;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.route.EscalationProcessor;
import io.camelblackpearl.cluster.ClusterSettings;
import io.camelblackpearl.cluster.QuartzCluster;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.JobLifecycle;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceHelper;
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
    private org.apache.camel.spi.StateRepository<String, String> clusterState;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        boolean applianceConfigured = properties.resolveProperty(ENDPOINT).filter(v -> !v.isBlank()).isPresent();
        if (applianceConfigured) {
            properties.addInitialProperty(SampleSettings.CRON, "0 */5 * * * ?");
            properties.addInitialProperty(SampleSettings.MAX_RUNS, "0");
            properties.addInitialProperty(SampleSettings.EVENTS_DELAY, "30s");
        } else {
            properties.addInitialProperty(SampleSettings.CRON, "0/3 * * * * ?");
            properties.addInitialProperty(SampleSettings.MAX_RUNS, "3");
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
                    cluster = cluster.withNodeId(new org.quartz.simpl.SimpleInstanceIdGenerator().generateInstanceId());
                } catch (org.quartz.SchedulerException e) {
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
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Invalid setting " + SampleSettings.POLICY_FILE + ": " + e.getMessage(), e);
        }
        if (cluster != null) {
            QuartzCluster.requireConsistent(context, main.configure().getName());
            org.apache.camel.health.HealthCheckRegistry health = org.apache.camel.health.HealthCheckRegistry.get(context);
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
        BlackPearlEndpoint endpoint = context.getEndpoint("blackpearl:activeJob?operation=list", BlackPearlEndpoint.class);
        ServiceHelper.startService(endpoint); // builds the client; no I/O until the check's call
        ApplianceCheck.Result check = ApplianceCheck.run(endpoint.getClient(), appliance.getEndpoint());
        if (check.reachable()) {
            LOG.info("{}", check.message());
        } else {
            LOG.warn("{}. The escalation keeps its schedule and tries again at every firing.", check.message());
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
        } catch (org.quartz.SchedulerException e) {
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

    /**
     * Ages from minutes to days, every request type, several buckets and users, mostly low priorities; a
     * living appliance, on which jobs end (about every second one of the 400) and new ones arrive, so the
     * job-event route has something to report.
     */
    private static Ds3Simulator startSimulator() {
        Ds3Simulator simulator = Ds3Simulator.builder().build().start().seed(SeedPlan.jobs(400)
                .ages(Duration.ofMinutes(2), Duration.ofDays(4))
                .priorities("LOW", "LOW", "LOW", "NORMAL", "NORMAL", "HIGH")
                .requestTypes("PUT", "PUT", "GET", "VERIFY")
                .buckets("media-masters", "finance-records", "science-raw", "backups")
                .users("ingest", "restore-desk", "scheduler"));
        simulator.appliance().lifecycle(new JobLifecycle(Duration.ofMinutes(10), 0.1, Duration.ofSeconds(3), 42));
        System.out.println("No camel.component.blackpearl.endpoint configured: using the embedded BlackPearl simulator at "
                + simulator.endpoint() + " with " + simulator.appliance().activeJobs().size() + " active jobs");
        return simulator;
    }
}
