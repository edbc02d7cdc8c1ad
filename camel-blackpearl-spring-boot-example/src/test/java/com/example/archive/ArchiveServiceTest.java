package com.example.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example as shipped, pointed at the simulator instead of an appliance: it starts, reports and is healthy. */
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

    @Test
    void startsAndIsHealthyAgainstTheSimulator() throws InterruptedException {
        Thread.sleep(2500);
        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"blackpearl\":\"UP\"", "\"blackpearl-escalation\":\"UP\"");
        assertThat(SIMULATOR.appliance().totalRequests()).isPositive();
    }
}
