package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
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
@SpringBootTest(classes = TestApplication.class, properties = {
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
            assertThat(triggers.next()).isTrue();
            assertThat(triggers.getString(1)).isEqualTo("escalation");
        }
    }
}
