package io.camelblackpearl.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation on several nodes, with Quartz's own JDBC job-store clustering: each schedule slot fires
 * on exactly one node, and a slot whose node died mid-sweep is run again by a survivor (the escalation is
 * an idempotent reconciliation, so that is safe). Everything a failover needs is set here and checked
 * before the first firing; a setting that would break it stops the application, naming the setting.
 */
public final class QuartzCluster implements AutoCloseable {

    /** The Quartz trigger group of the escalation route ({@code quartz:blackpearl/escalation}). */
    public static final String TRIGGER_GROUP = "blackpearl";
    private static final String DATA_SOURCE = "blackpearlEscalation";
    private static final Logger LOG = LoggerFactory.getLogger(QuartzCluster.class);

    private final ClusterSettings settings;
    private final String schedulerName;
    private final HikariDataSource dataSource;

    /** Opens the pool, creates the tables when absent and hands the pool to Quartz (no password in its properties). */
    public QuartzCluster(ClusterSettings settings, String schedulerName) {
        this.settings = settings;
        this.schedulerName = schedulerName;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.username());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(5);
        pool.setPoolName("blackpearl-escalation-quartz");
        pool.setAutoCommit(false);
        // A health probe or a poll waits this long for a connection when the database is gone (Hikari's default: 30 s).
        pool.setConnectionTimeout(5000);
        this.dataSource = new HikariDataSource(pool);
        try {
            if (QuartzSchema.createIfAbsent(dataSource, settings.postgres())) {
                LOG.info("Created the Quartz tables in {}", settings.jdbcUrl());
            }
            JdbcStateRepository.createTableIfAbsent(dataSource);
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot create the Quartz tables in " + settings.jdbcUrl() + " as "
                    + settings.username() + ": " + e.getMessage(), e);
        }
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool is closed by QuartzCluster.close(), after Camel has stopped the scheduler
            }

            @Override
            public void initialize() {
                // the pool is ready
            }
        });
    }

    /**
     * State shared by every node, in the cluster's database: the job-event consumer's watermark
     * ({@code stateRepository}) and the escalation's last successful run.
     */
    public JdbcStateRepository stateRepository() {
        return new JdbcStateRepository(dataSource, settings.postgres());
    }

    /** The {@code blackpearl-cluster} readiness check: this node reaches the cluster's database. */
    public ClusterHealthCheck healthCheck() {
        return new ClusterHealthCheck(dataSource, settings);
    }

    /** This node's Quartz instance id, as the audit names it. */
    public String nodeId() {
        return settings.nodeId();
    }

    /** The Quartz settings of the cluster, for the quartz component. */
    public Properties quartzProperties() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", settings.nodeId() != null ? settings.nodeId() : "AUTO");
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass",
                (settings.postgres() ? PostgreSQLDelegate.class : StdJDBCDelegate.class).getName());
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // A slot more than 5 s late (all nodes were down, or the previous sweep still ran) is a misfire, and the
        // escalation's misfire instruction skips it: Quartz's default of 60 s would run every missed slot in a row.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        return p;
    }

    /** Configures the quartz component, and refuses any quartz endpoint of the escalation that could not fail over. */
    public void configure(CamelContext context) {
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        quartz.setProperties(quartzProperties());
        quartz.setPrefixInstanceName(false);
        context.getLifecycleStrategies().add(new LifecycleStrategySupport() {
            @Override
            public void onEndpointAdd(Endpoint endpoint) {
                if (endpoint instanceof QuartzEndpoint q && TRIGGER_GROUP.equals(q.getGroupName())) {
                    requireEndpoint(q);
                }
            }
        });
    }

    private static void requireEndpoint(QuartzEndpoint endpoint) {
        if (!endpoint.isStateful()) {
            throw new IllegalStateException("Clustered escalation needs stateful=true on " + endpoint.getEndpointUri()
                    + ": otherwise two nodes may run the same slot at once");
        }
        if (!endpoint.isRecoverableJob()) {
            throw new IllegalStateException("Clustered escalation needs recoverableJob=true on " + endpoint.getEndpointUri()
                    + ": otherwise a slot whose node died mid-sweep is not run again");
        }
    }

    /** After auto-configuration: what a user's properties may have changed must still be consistent. */
    public static void requireConsistent(CamelContext context, String mainName) {
        if (mainName == null || mainName.isBlank()) {
            throw new IllegalStateException("Clustered escalation needs a Camel context name (camel.main.name), the same on "
                    + "every node: it names the Camel context that recovered jobs are looked up in");
        }
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        if (quartz.isPrefixInstanceName()) {
            throw new IllegalStateException("Clustered escalation needs camel.component.quartz.prefix-instance-name=false: "
                    + "otherwise each node's scheduler has its own name and they do not form a cluster");
        }
        Map<?, ?> properties = quartz.getProperties();
        require(properties, "org.quartz.jobStore.isClustered", "true");
        require(properties, "org.quartz.jobStore.acquireTriggersWithinLock", "true");
        require(properties, "org.quartz.jobStore.class", JobStoreTX.class.getName());
    }

    private static void require(Map<?, ?> properties, String key, String value) {
        Object actual = properties == null ? null : properties.get(key);
        if (actual == null || !value.equalsIgnoreCase(actual.toString().trim())) {
            throw new IllegalStateException("Clustered escalation needs the Quartz property " + key + "=" + value
                    + ", was " + actual + " (camel.component.quartz.properties)");
        }
    }

    /**
     * The escalation group's triggers this application's routes own: their quartz endpoints' and their
     * consumers' that poll on a {@link ClusterPollScheduler}.
     */
    public static Set<TriggerKey> ownedTriggers(CamelContext context) {
        Set<TriggerKey> owned = new HashSet<>();
        for (Route route : context.getRoutes()) {
            if (route.getEndpoint() instanceof QuartzEndpoint quartz) {
                owned.add(quartz.getTriggerKey());
            }
            if (route.getConsumer() instanceof ScheduledPollConsumer polling
                    && polling.getScheduler() instanceof ClusterPollScheduler scheduler) {
                owned.add(new TriggerKey(scheduler.getTriggerId(), scheduler.getTriggerGroup()));
            }
        }
        return owned;
    }

    /** {@link #removeStaleTriggers(Scheduler, Set)} for what the context's routes own. */
    public static void removeStaleTriggers(CamelContext context) throws SchedulerException {
        removeStaleTriggers(context.getComponent("quartz", QuartzComponent.class).getScheduler(), ownedTriggers(context));
    }

    /**
     * Clustered Quartz keeps a trigger in the database after its route is gone (renamed or removed), and it
     * keeps firing: remove the escalation group's triggers that no route of this application owns.
     */
    public static void removeStaleTriggers(Scheduler scheduler, Set<TriggerKey> owned) throws SchedulerException {
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(TRIGGER_GROUP))) {
            if (!owned.contains(key)) {
                scheduler.unscheduleJob(key);
                scheduler.deleteJob(new JobKey(key.getName(), key.getGroup()));
                LOG.info("Removed the stale escalation trigger {}: no route owns it any more", key);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
