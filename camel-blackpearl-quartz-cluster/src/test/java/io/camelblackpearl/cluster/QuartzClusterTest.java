package io.camelblackpearl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Every setting a failover needs, refused by name when it is missing, and the stale trigger that clustered
 * Quartz keeps after its route is gone, reproduced and removed. On an H2 file database, in one JVM.
 */
class QuartzClusterTest {

    @TempDir
    Path dir;

    private ClusterSettings settings() {
        return ClusterSettings.parse("jdbc:h2:file:" + dir.resolve("cluster"), "sa", "cluster-secret", "node-1", "2s",
                key -> "escalation.cluster." + key).orElseThrow();
    }

    private static RouteBuilder escalationRoute(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("escalation").process(exchange -> { });
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quartz:blackpearl/escalation?cron=0/5+*+*+*+*+?&recoverableJob=true | needs stateful=true",
        "quartz:blackpearl/escalation?cron=0/5+*+*+*+*+?&stateful=true       | needs recoverableJob=true",
    })
    void anEscalationEndpointThatCouldNotFailOverIsRefused(String uri, String message) throws Exception {
        try (QuartzCluster cluster = new QuartzCluster(settings(), "escalation");
             CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("escalation");
            cluster.configure(context);
            context.addRoutes(escalationRoute(uri));
            assertThatThrownBy(context::start).hasStackTraceContaining(message);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "org.quartz.jobStore.isClustered               | false                        | org.quartz.jobStore.isClustered=true",
        "org.quartz.jobStore.acquireTriggersWithinLock | false                        | org.quartz.jobStore.acquireTriggersWithinLock=true",
        "org.quartz.jobStore.class                     | org.quartz.simpl.RAMJobStore | org.quartz.jobStore.class=org.quartz.impl.jdbcjobstore.JobStoreTX",
    })
    void everyMandatoryQuartzPropertyIsRequired(String key, String value, String message) throws Exception {
        try (QuartzCluster cluster = new QuartzCluster(settings(), "escalation");
             CamelContext context = new DefaultCamelContext()) {
            cluster.configure(context);
            QuartzCluster.requireConsistent(context, "escalation"); // as configured: consistent
            Properties changed = cluster.quartzProperties();
            changed.setProperty(key, value); // as a user's own properties might
            context.getComponent("quartz", QuartzComponent.class).setProperties(changed);
            assertThatThrownBy(() -> QuartzCluster.requireConsistent(context, "escalation"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(message)
                    .hasMessageContaining("was " + value);
        }
    }

    @Test
    void aSchedulerNamePerNodeOrNoContextNameIsRefused() throws Exception {
        try (QuartzCluster cluster = new QuartzCluster(settings(), "escalation");
             CamelContext context = new DefaultCamelContext()) {
            cluster.configure(context);
            assertThatThrownBy(() -> QuartzCluster.requireConsistent(context, " "))
                    .hasMessageContaining("camel.main.name");
            context.getComponent("quartz", QuartzComponent.class).setPrefixInstanceName(true);
            assertThatThrownBy(() -> QuartzCluster.requireConsistent(context, "escalation"))
                    .hasMessageContaining("camel.component.quartz.prefix-instance-name=false");
        }
    }

    /**
     * A route renamed between two versions: the old trigger stays in the job store and keeps its schedule (it
     * would go on firing on any node that still knows its job). After the clean-up only the routes' own remain.
     */
    @Test
    void aStaleTriggerKeepsFiringUntilItIsRemoved() throws Exception {
        try (QuartzCluster cluster = new QuartzCluster(settings(), "escalation");
             CamelContext old = new DefaultCamelContext()) {
            old.getCamelContextExtension().setName("escalation");
            cluster.configure(old);
            old.addRoutes(escalationRoute("quartz:blackpearl/old-escalation?cron=0/5+*+*+*+*+?&stateful=true&recoverableJob=true"));
            old.start();
        }
        try (QuartzCluster cluster = new QuartzCluster(settings(), "escalation");
             CamelContext current = new DefaultCamelContext()) {
            current.getCamelContextExtension().setName("escalation");
            cluster.configure(current);
            current.addRoutes(escalationRoute("quartz:blackpearl/escalation?cron=0/5+*+*+*+*+?&stateful=true&recoverableJob=true"));
            current.start();
            Scheduler scheduler = current.getComponent("quartz", QuartzComponent.class).getScheduler();
            assertThat(triggerNames(scheduler)).as("the old route's trigger survived the old version").contains("old-escalation");
            assertThat(scheduler.getTrigger(new TriggerKey("old-escalation", QuartzCluster.TRIGGER_GROUP)).getNextFireTime())
                    .as("and it is still scheduled to fire").isNotNull();

            QuartzCluster.removeStaleTriggers(current);
            assertThat(triggerNames(scheduler)).containsExactly("escalation");
        }
    }

    private static Set<String> triggerNames(Scheduler scheduler) throws Exception {
        return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(QuartzCluster.TRIGGER_GROUP)).stream()
                .map(TriggerKey::getName).collect(Collectors.toSet());
    }

    /** Two nodes' repositories on one database: what one saves, the other reads. */
    @Test
    void theStateRepositoryIsSharedThroughTheDatabase() throws Exception {
        try (QuartzCluster one = new QuartzCluster(settings(), "escalation")) {
            JdbcStateRepository node1 = one.stateRepository();
            JdbcStateRepository node2 = one.stateRepository();
            node1.start();
            node2.start();
            assertThat(node2.getState("blackpearl-events-job-events")).isNull();
            node1.setState("blackpearl-events-job-events", "v1\nline two");
            assertThat(node2.getState("blackpearl-events-job-events")).isEqualTo("v1\nline two");
            node2.setState("blackpearl-events-job-events", "v2");
            assertThat(node1.getState("blackpearl-events-job-events")).isEqualTo("v2");
            assertThat(node1.toString()).doesNotContain("cluster-secret");
        }
    }

    @Test
    void cronsForPeriods() {
        assertThat(CronSchedule.every("delay", Duration.ofSeconds(30))).isEqualTo("0/30 * * * * ?");
        assertThat(CronSchedule.every("delay", Duration.ofMinutes(5))).isEqualTo("0 0/5 * * * ?");
        assertThat(CronSchedule.every("delay", Duration.ofHours(6))).isEqualTo("0 0 0/6 * * ?");
        assertThat(CronSchedule.every("delay", Duration.ofDays(1))).isEqualTo("0 0 0 * * ?");
        for (Duration odd : new Duration[] {Duration.ofSeconds(7), Duration.ofMillis(1500),
            Duration.ofMinutes(7), Duration.ofHours(5)}) {
            assertThatThrownBy(() -> CronSchedule.every("escalation.events.delay", odd))
                    .hasMessageContaining("escalation.events.delay").hasMessageContaining(odd.toString());
        }
    }
}
