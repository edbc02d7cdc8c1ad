package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Escalation settings as a user gives them: bad ones stop the application at start-up with a message naming
 * what to fix; every form of the policy location works; dry-run overrides the policy.
 */
class StartupFailuresTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private static void start(String... properties) {
        running(properties).close();
    }

    private static ConfigurableApplicationContext running(String... properties) {
        return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .properties("camel.component.blackpearl.endpoint=" + SIMULATOR.endpoint(),
                        "camel.component.blackpearl.access-key=" + SimulatorForBoot.ACCESS_KEY,
                        "blackpearl.escalation.enabled=true")
                .properties(properties).run();
    }

    /** The policy file as a plain path and as file:, besides classpath: (the other tests); dry-run overrides the policy. */
    @Test
    void aPlainPathAndFileUrlAreAcceptedAndDryRunSendsNothing() throws Exception {
        Path policy = Files.createTempFile("policy", ".yaml");
        try (InputStream in = getClass().getResourceAsStream("/boot-policy.yaml")) {
            Files.copy(in, policy, StandardCopyOption.REPLACE_EXISTING);
        }
        SimulatedJob due = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(3));
        for (String location : new String[] {policy.toString(), "file:" + policy}) {
            SIMULATOR.appliance().resetRequests(); // each form proves itself: none counts the other's requests
            try (ConfigurableApplicationContext app = running("blackpearl.escalation.policy-file=" + location,
                    "blackpearl.escalation.cron=0/1 * * * * ?", "blackpearl.escalation.dry-run=true")) {
                // The escalation lists whole pages; the health check's probe asks for one job (page_length=1).
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                        assertThat(SIMULATOR.appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS))
                                .as("escalation listings with the policy at %s", location)
                                .anySatisfy(r -> assertThat(r.param("page_length")).isNotEqualTo(Optional.of("1"))));
            }
        }
        assertThat(SIMULATOR.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB))
                .as("dry run: nothing sent").isZero();
        assertThat(SIMULATOR.appliance().job(due.id()).orElseThrow().priority()).isEqualTo("LOW");
    }

    @Test
    void aBadPolicyFailsWithThePolicysOwnMessage() {
        assertThatThrownBy(() -> start("blackpearl.escalation.policy-file=classpath:bad-policy.yaml"))
                .hasStackTraceContaining("Escalation policy classpath:bad-policy.yaml, rule 'broken', field 'ladder[2].after'");
    }

    @Test
    void aMissingPolicyFileIsNamed() {
        assertThatThrownBy(() -> start("blackpearl.escalation.policy-file=/no/such/policy.yaml"))
                .hasStackTraceContaining("blackpearl.escalation.policy-file /no/such/policy.yaml does not exist");
    }

    @Test
    void aBadCronIsNamed() {
        assertThatThrownBy(() -> start("blackpearl.escalation.policy-file=classpath:boot-policy.yaml",
                "blackpearl.escalation.cron=every minute"))
                .hasStackTraceContaining("Invalid blackpearl.escalation.cron: 'every minute' is not a Quartz cron expression");
    }

    @Test
    void aBadClusterUrlIsNamed() {
        assertThatThrownBy(() -> start("blackpearl.escalation.policy-file=classpath:boot-policy.yaml",
                "blackpearl.escalation.cluster.jdbc-url=jdbc:mysql://127.0.0.1/quartz"))
                .hasStackTraceContaining("Invalid setting blackpearl.escalation.cluster.jdbc-url: 'jdbc:mysql://127.0.0.1/quartz'");
    }
}
