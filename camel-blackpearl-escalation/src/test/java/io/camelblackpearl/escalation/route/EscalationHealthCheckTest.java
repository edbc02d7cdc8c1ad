package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlTestSupport;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The escalation's readiness, as Camel's health registry reports it. */
class EscalationHealthCheckTest {

    private static CamelContext context(String endpoint, String accessKey, String secretKey) {
        return BlackPearlTestSupport.contextFor(endpoint, accessKey, secretKey);
    }

    private static HealthCheck.Result check(CamelContext context, String id) {
        return BlackPearlTestSupport.readiness(context, id);
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theEscalationCheckIsDownAfterPeriodsWithoutASuccessfulRun() throws Exception {
        TestClock clock = new TestClock();
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("aGVhbHRo", "right").build().start().seed(SeedPlan.jobs(20));
             CamelContext context = context(simulator.endpoint(), "aGVhbHRo", "right")) {
            EscalationPolicy policy = PolicyFile.parse("rules: [{id: all, ladder: [{after: 1h, priority: HIGH}]}]", "test",
                    PolicyFile.NO_CONDITIONS);
            EscalationProcessor escalation = new EscalationProcessor(policy, "blackpearl:activeJob", clock);
            escalation.setSchedulePeriod(Duration.ofMinutes(5));
            escalation.setHealthPeriods(3);
            escalation.setCamelContext(context);
            context.start();
            escalation.start();

            assertThat(check(context, "blackpearl-escalation").getState()).isEqualTo(HealthCheck.State.UP);
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            HealthCheck.Result noRunYet = check(context, "blackpearl-escalation");
            assertThat(noRunYet.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(noRunYet.getMessage()).hasValueSatisfying(m -> assertThat(m)
                    .contains("No escalation run has succeeded for 16m", "3 schedule periods of 5m"));

            escalation.process(new DefaultExchange(context));
            assertThat(check(context, "blackpearl-escalation").getState()).isEqualTo(HealthCheck.State.UP);

            simulator.appliance().faults().failNext(Ds3Operation.LIST_ACTIVE_JOBS, 100, 503);
            clock.now = clock.now.plus(Duration.ofMinutes(10));
            try {
                escalation.process(new DefaultExchange(context));
            } catch (IllegalStateException expected) {
                // the listing failed: the run fails
            }
            assertThat(check(context, "blackpearl-escalation").getState()).as("one failed run is not an outage")
                    .isEqualTo(HealthCheck.State.UP);
            clock.now = clock.now.plus(Duration.ofMinutes(6));
            HealthCheck.Result down = check(context, "blackpearl-escalation");
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("last failure: listing failed"));
            escalation.stop();
        }
    }
}
