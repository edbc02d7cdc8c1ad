package io.camelblackpearl.springboot;

import io.camelblackpearl.cluster.ClusterSettings;
import io.camelblackpearl.cluster.JdbcStateRepository;
import io.camelblackpearl.cluster.QuartzCluster;
import io.camelblackpearl.escalation.route.CronPeriod;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.SchedulerException;
import org.quartz.simpl.SimpleInstanceIdGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * The escalation by properties alone ({@code blackpearl.escalation.enabled=true}): the route
 * {@code escalation}, which is the Kamelet {@code blackpearl-escalation} with the properties as
 * its parameters. The policy is loaded and validated while the context starts (a bad one stops it with the
 * policy's own message); the health check {@code blackpearl-escalation} joins Camel's health registry.
 */
@AutoConfiguration(after = BlackPearlComponentAutoConfiguration.class)
@ConditionalOnProperty(prefix = "blackpearl.escalation", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BlackPearlEscalationProperties.class)
public class BlackPearlEscalationAutoConfiguration {

    /**
     * Clustered mode ({@code blackpearl.escalation.cluster.jdbc-url} set): the quartz component on Quartz's JDBC
     * job store, its tables created when absent, every setting failover needs checked (docs/clustering.md).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "blackpearl.escalation.cluster", name = "jdbc-url")
    public QuartzCluster blackpearlQuartzCluster(CamelContext camelContext, BlackPearlEscalationProperties properties)
            throws SchedulerException {
        BlackPearlEscalationProperties.Cluster c = properties.getCluster();
        ClusterSettings settings = ClusterSettings.parse(c.getJdbcUrl(), c.getUsername(), c.getPassword(), c.getNodeId(),
                c.getCheckinInterval() == null ? null : c.getCheckinInterval().toMillis() + "ms",
                key -> "blackpearl.escalation.cluster." + key).orElseThrow();
        if (settings.nodeId() == null) {
            // Quartz's own AUTO id, taken in advance so that the audit names this node from the first run
            settings = settings.withNodeId(new SimpleInstanceIdGenerator().generateInstanceId());
        }
        QuartzCluster cluster = new QuartzCluster(settings, camelContext.getName());
        cluster.configure(camelContext);
        QuartzCluster.requireConsistent(camelContext, camelContext.getName());
        return cluster;
    }

    /** In a cluster: at start, drop the escalation group's triggers that no route of this application owns. */
    @Bean
    @ConditionalOnProperty(prefix = "blackpearl.escalation.cluster", name = "jdbc-url")
    public CamelContextConfiguration blackpearlStaleTriggers() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // nothing before: the routes are not started yet
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                try {
                    QuartzCluster.removeStaleTriggers(camelContext);
                } catch (SchedulerException e) {
                    throw new IllegalStateException("Cannot check the escalation's Quartz triggers: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * In a cluster: state every node shares, in the cluster's database. The escalation records its last
     * success there (so every node's health check judges the cluster's runs), and a job-event route polling
     * on a {@link io.camelblackpearl.cluster.ClusterPollScheduler} keeps its watermark there with
     * {@code stateRepository=#blackpearlClusterState} (docs/spring-boot.md).
     */
    @Bean
    @ConditionalOnProperty(prefix = "blackpearl.escalation.cluster", name = "jdbc-url")
    public JdbcStateRepository blackpearlClusterState(QuartzCluster blackpearlQuartzCluster) {
        return blackpearlQuartzCluster.stateRepository();
    }

    /** In a cluster: the {@code blackpearl-cluster} readiness check (the cluster's database answers). */
    @Bean
    @ConditionalOnProperty(prefix = "blackpearl.escalation.cluster", name = "jdbc-url")
    public CamelContextConfiguration blackpearlClusterHealth(QuartzCluster blackpearlQuartzCluster) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
                if (registry != null) {
                    registry.register(blackpearlQuartzCluster.healthCheck());
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // registered before the start
            }
        };
    }

    /**
     * The Kamelet {@code blackpearl-escalation} as the route {@code escalation} (not {@code blackpearl-escalation}: Camel
     * would take the health check of that id for the route's), with the
     * {@code blackpearl.escalation.*} properties as its parameters. The policy is loaded and checked when the
     * route is created, so a bad one stops the context with the policy's own message.
     */
    @Bean
    public RouteBuilder blackpearlEscalationRoute(BlackPearlEscalationProperties properties, ResourceLoader resources,
                                                  ObjectProvider<QuartzCluster> cluster) {
        String location = properties.getPolicyFile();
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("Missing blackpearl.escalation.policy-file: the escalation policy, "
                    + "classpath:..., file:... or a file path");
        }
        String spec = location.startsWith("classpath:") || location.startsWith("file:") ? location : "file:" + location;
        if (!resources.getResource(spec).exists()) {
            throw new IllegalStateException("blackpearl.escalation.policy-file " + location + " does not exist");
        }
        String cron = properties.getCron();
        checkCron(cron);
        StringBuilder uri = new StringBuilder("kamelet:blackpearl-escalation?cron=RAW(").append(cron)
                .append(")&policyFile=RAW(").append(spec).append(")&healthPeriods=").append(properties.getHealthPeriods());
        if (Boolean.TRUE.equals(properties.getDryRun())) {
            uri.append("&dryRun=true");
        }
        QuartzCluster clustered = cluster.getIfAvailable();
        if (clustered != null) {
            uri.append("&nodeId=RAW(").append(clustered.nodeId()).append(")&clusterState=blackpearlClusterState");
        } else if (properties.getProgressFile() != null && !properties.getProgressFile().isBlank()) {
            uri.append("&progressFile=RAW(").append(properties.getProgressFile().trim()).append(")");
        }
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri.toString()).routeId("escalation").to("log:io.camelblackpearl.escalation.report?level=DEBUG");
            }
        };
    }

    /** A bad cron, or one that never fires again, names the property before any route exists. */
    static void checkCron(String cron) {
        try {
            CronPeriod.of("blackpearl.escalation.cron", cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
