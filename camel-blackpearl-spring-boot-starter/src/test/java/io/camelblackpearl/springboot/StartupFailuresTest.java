package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.simulator.Ds3Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Bad escalation settings stop the application at start-up, with a message that names what to fix. */
class StartupFailuresTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .properties("camel.component.blackpearl.endpoint=" + SIMULATOR.endpoint(),
                        "camel.component.blackpearl.access-key=" + SimulatorForBoot.ACCESS_KEY,
                        "blackpearl.escalation.enabled=true")
                .properties(properties).run().close();
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
                .hasStackTraceContaining("Invalid blackpearl.escalation.cron 'every minute'");
    }

    @Test
    void aBadClusterUrlIsNamed() {
        assertThatThrownBy(() -> start("blackpearl.escalation.policy-file=classpath:boot-policy.yaml",
                "blackpearl.escalation.cluster.jdbc-url=jdbc:mysql://127.0.0.1/quartz"))
                .hasStackTraceContaining("Invalid setting blackpearl.escalation.cluster.jdbc-url: 'jdbc:mysql://127.0.0.1/quartz'");
    }
}
