package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import io.camelblackpearl.simulator.work.Arrivals;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deadlines by properties: on a time-scaled simulator (a second is ten minutes) doing its work, a restore that
 * would miss its deadline behind a long archive is raised to HIGH, and no higher; its progress history is kept in
 * blackpearl.escalation.progress-file; the jobs at risk are a gauge.
 */
@AutoConfigureObservability
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "blackpearl.escalation.enabled=true",
        "blackpearl.escalation.cron=0/1 * * * * ?",
        "blackpearl.escalation.policy-file=classpath:boot-deadline-policy.yaml"})
class DeadlinesByPropertiesTest {

    static final Path PROGRESS;
    static final Ds3Simulator SIMULATOR;
    static final SimulatedJob RESTORE;

    static {
        try {
            PROGRESS = Files.createTempDirectory("progress").resolve("escalation-progress.state");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Ds3Simulator.Builder builder = Ds3Simulator.builder().credentials(SimulatorForBoot.ACCESS_KEY, "boot-secret-from-a-properties-file")
                .timeScale(600);
        Clock clock = builder.applianceClock();
        SIMULATOR = builder.build().start();
        Instant now = clock.instant();
        // One drive at 1 GB/s: the 30 TB archive ahead takes over eight hours at NORMAL, the restore a minute.
        WorkSettings oneDrive = new WorkSettings(1, WorkSettings.GB, 64 * WorkSettings.GB, 2 * WorkSettings.TB, 0.15);
        SIMULATOR.appliance().workModel(new WorkModel(oneDrive, Arrivals.NONE, clock.millis()));
        SIMULATOR.appliance().put(SimulatedJob.builder(UUID.randomUUID()).name("archive-big").requestType("PUT")
                .priority("NORMAL").createdAt(now.minusSeconds(60)).originalSizeInBytes(30 * WorkSettings.TB).build());
        RESTORE = SimulatedJob.builder(UUID.randomUUID()).requestType("GET").priority("NORMAL").createdAt(now)
                .name("restore-1 due=" + now.plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MINUTES))
                .originalSizeInBytes(60 * WorkSettings.GB).build();
        SIMULATOR.appliance().put(RESTORE);
    }

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
        registry.add("blackpearl.escalation.progress-file", PROGRESS::toString);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aRestoreProjectedToMissItsDeadlineIsRaisedToTheLowestPriorityThatMeetsIt() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!SIMULATOR.appliance().job(RESTORE.id()).orElseThrow().priority().equals("HIGH")) {
            assertThat(System.nanoTime()).as("the restore was raised").isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        assertThat(SIMULATOR.appliance().job(RESTORE.id()).orElseThrow().priority()).as("HIGH meets it: not URGENT").isEqualTo("HIGH");
        assertThat(Files.readString(PROGRESS)).as("the progress history, kept for a restart").contains("blackpearl-escalation-progress");
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("blackpearl_escalation_deadline_jobs", "blackpearl_escalation_jobs_at_risk", "blackpearl_escalation_deadline_least_slack_seconds",
                "blackpearl_escalation_decisions_total{outcome=\"APPLIED\",rule=\"named-deadlines\"}");
    }
}
