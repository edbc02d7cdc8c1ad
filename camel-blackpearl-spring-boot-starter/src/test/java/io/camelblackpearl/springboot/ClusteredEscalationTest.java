package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.cluster.ClusterPollScheduler;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * blackpearl.escalation.cluster.* in a Boot application: the escalation's trigger lives in Quartz's JDBC job
 * store (tables created on first start), clustered, and the due jobs are escalated. On the PostgreSQL of
 * .ci/run when BLACKPEARL_TEST_PG_URL is set, else on an H2 file database.
 */
@SpringBootTest(classes = {TestApplication.class, ClusteredEscalationTest.JobEventRoute.class}, properties = {
        "blackpearl.escalation.enabled=true",
        "blackpearl.escalation.cron=0/1 * * * * ?",
        "blackpearl.escalation.policy-file=classpath:boot-policy.yaml",
        "blackpearl.escalation.cluster.node-id=boot-node-1",
        "blackpearl.escalation.cluster.checkin-interval=2s"})
class ClusteredEscalationTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();
    static final SimulatedJob DUE = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(3));
    static final String[] DATABASE = database();

    /** URL, user, password of a fresh database. */
    private static String[] database() {
        try {
            String admin = System.getenv("BLACKPEARL_TEST_PG_URL");
            if (admin != null && !admin.isBlank()) {
                String name = "boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                try (Connection c = DriverManager.getConnection(admin, System.getenv("BLACKPEARL_TEST_PG_USER"),
                        System.getenv("BLACKPEARL_TEST_PG_PASSWORD")); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                return new String[] {admin.substring(0, admin.lastIndexOf('/') + 1) + name,
                        System.getenv("BLACKPEARL_TEST_PG_USER"), System.getenv("BLACKPEARL_TEST_PG_PASSWORD")};
            }
            Path dir = Files.createTempDirectory("boot-quartz");
            return new String[] {"jdbc:h2:file:" + dir.resolve("quartz"), "blackpearl", "cluster-secret"};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
        registry.add("blackpearl.escalation.cluster.jdbc-url", () -> DATABASE[0]);
        registry.add("blackpearl.escalation.cluster.username", () -> DATABASE[1]);
        registry.add("blackpearl.escalation.cluster.password", () -> DATABASE[2]);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;

    /** A user's job-event route in cluster mode, as docs/spring-boot.md shows it. */
    /** The job ids of the events the user's route received. */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @org.springframework.boot.test.context.TestConfiguration
    static class JobEventRoute {
        @org.springframework.context.annotation.Bean
        ClusterPollScheduler jobEventScheduler() {
            return new ClusterPollScheduler("job-events", "0/1 * * * * ?");
        }

        @org.springframework.context.annotation.Bean
        RouteBuilder jobEvents() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("blackpearl:activeJob?scheduler=#jobEventScheduler&stateRepository=#blackpearlClusterState"
                            + "&events=PRIORITY_CHANGED").routeId("job-events")
                            .process(e -> EVENTS.add(e.getMessage().getHeader("CamelBlackPearlJobId", String.class)));
                }
            };
        }
    }

    /**
     * The job-event route polls on the clustered schedule (its trigger in the job store), reports the
     * escalation's change, and keeps its watermark in the cluster's database; the escalation's last success is
     * recorded there too, and its health check judges the cluster's runs.
     */
    @Test
    void jobEventsAndTheEscalationsHealthUseTheClustersDatabase() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!EVENTS.contains(DUE.id().toString())) {
            assertThat(System.nanoTime()).as("the due job's PRIORITY_CHANGED was reported").isLessThan(deadline);
            Thread.sleep(200);
        }
        try (Connection c = DriverManager.getConnection(DATABASE[0], DATABASE[1], DATABASE[2]);
             Statement s = c.createStatement()) {
            try (ResultSet triggers = s.executeQuery("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'blackpearl'"
                    + " AND TRIGGER_NAME = 'job-events'")) {
                assertThat(triggers.next()).as("the job-event poll's trigger in the clustered job store").isTrue();
            }
            try (ResultSet state = s.executeQuery("SELECT state_key FROM blackpearl_state ORDER BY state_key")) {
                List<String> keys = new ArrayList<>();
                while (state.next()) {
                    keys.add(state.getString(1));
                }
                assertThat(keys).contains("blackpearl-escalation-last-success", "blackpearl-events-job-events");
            }
        }
        HealthCheck escalation = HealthCheckHelper
                .invokeReadiness(camelContext).stream().filter(r -> r.getCheck().getId().equals("blackpearl-escalation"))
                .findFirst().orElseThrow().getCheck();
        HealthCheck.Result result = escalation.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("scope", "cluster");
        assertThat(HealthCheckHelper.invokeReadiness(camelContext))
                .anySatisfy(r -> {
                    assertThat(r.getCheck().getId()).isEqualTo("blackpearl-cluster");
                    assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
                });
    }

    @Test
    void theTriggerLivesInTheClusteredJobStoreAndTheDueJobsAreEscalated() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!SIMULATOR.appliance().job(DUE.id()).orElseThrow().priority().equals("HIGH")) {
            assertThat(System.nanoTime()).as("the due job was raised").isLessThan(deadline);
            Thread.sleep(200);
        }
        QuartzComponent quartz = camelContext.getComponent("quartz", QuartzComponent.class);
        assertThat(quartz.getScheduler().getMetaData().isJobStoreClustered()).isTrue();
        assertThat(quartz.getScheduler().getSchedulerInstanceId()).isEqualTo("boot-node-1");
        try (Connection c = DriverManager.getConnection(DATABASE[0], DATABASE[1], DATABASE[2]);
             Statement s = c.createStatement();
             ResultSet triggers = s.executeQuery("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'blackpearl'")) {
            Set<String> names = new TreeSet<>();
            while (triggers.next()) {
                names.add(triggers.getString(1));
            }
            // the escalation's slot, and the test's job-event route's poll schedule
            assertThat(names).containsExactly("escalation", "job-events");
        }
    }
}
