package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The escalation by properties alone: the Quartz route escalates the seeded jobs, its health and meters show. */
@AutoConfigureObservability // Boot's tests turn metrics export off unless asked: a user's application has it on
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "blackpearl.escalation.enabled=true",
        "blackpearl.escalation.cron=0/1 * * * * ?",
        "blackpearl.escalation.policy-file=classpath:boot-policy.yaml"})
class EscalationByPropertiesTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();
    static final List<SimulatedJob> DUE = List.of(
            SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(3)),
            SimulatorForBoot.job(SIMULATOR, "NORMAL", Duration.ofHours(2)));
    static final SimulatedJob YOUNG = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofMinutes(5));

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    TestRestTemplate http;

    @Test
    void escalatesTheDueJobsAndReportsHealthAndMeters() throws InterruptedException {
        assertThat(camelContext.getRoute("escalation")).isNotNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!DUE.stream().allMatch(j -> SIMULATOR.appliance().job(j.id()).orElseThrow().priority().equals("HIGH"))) {
            assertThat(System.nanoTime()).as("the due jobs were raised").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(SIMULATOR.appliance().job(YOUNG.id()).orElseThrow().priority()).isEqualTo("LOW");

        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"blackpearl-escalation\":\"UP\"", "\"blackpearl\":\"UP\"");
        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertThat(prometheus).contains("blackpearl_escalation_runs_total{result=\"success\"}",
                "blackpearl_escalation_decisions_total{outcome=\"APPLIED\",rule=\"old\"}");
    }
}
