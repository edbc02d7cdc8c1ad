package com.example.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example as shipped, pointed at the simulator instead of an appliance: it starts, reports and is healthy. */
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // metrics export on, as when the service runs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "blackpearl.escalation.cron=0/1 * * * * ?", "archive.report-period=500"})
class ArchiveServiceTest {

    static final Ds3Simulator SIMULATOR = Ds3Simulator.builder().credentials("dXNlcg==", "example-secret").build().start()
            .seed(SeedPlan.jobs(50).ages(Duration.ofMinutes(1), Duration.ofDays(2)));

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        registry.add("camel.component.blackpearl.endpoint", SIMULATOR::endpoint);
        registry.add("camel.component.blackpearl.secret-key", () -> "example-secret");
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    TestRestTemplate http;

    /**
     * Each part checked by what it alone does: the queue report lists LOW jobs (the health probe lists one job
     * of any priority), the escalation runs (its success counter over HTTP) in dry run (no modify reaches the
     * appliance, no job changes), and the health says so.
     */
    @Test
    void startsReportsEscalatesInDryRunAndIsHealthy() throws InterruptedException {
        Map<String, String> before = priorities();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (successfulRuns() < 2 || SIMULATOR.appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS).stream()
                .noneMatch(r -> r.param("priority").filter("LOW"::equals).isPresent())) {
            assertThat(System.nanoTime()).as("two escalation runs and the queue report's listing of LOW jobs within 30 s; "
                    + "listings so far: %s", SIMULATOR.appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS).stream()
                    .map(r -> r.rawQuery()).toList()).isLessThan(deadline);
            Thread.sleep(250);
        }
        assertThat(SIMULATOR.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).as("dry run: nothing sent").isZero();
        assertThat(priorities()).isEqualTo(before);
        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"blackpearl\":\"UP\"", "\"blackpearl-escalation\":\"UP\"");
    }

    private double successfulRuns() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        for (String line : metrics.split("\n")) {
            if (line.startsWith("blackpearl_escalation_runs_total{") && line.contains("result=\"success\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static Map<String, String> priorities() {
        Map<String, String> byId = new TreeMap<>();
        SIMULATOR.appliance().activeJobs().forEach(j -> byId.put(j.id().toString(), j.priority()));
        return byId;
    }
}
