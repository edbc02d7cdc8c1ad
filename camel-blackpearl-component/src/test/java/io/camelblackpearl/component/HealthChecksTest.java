package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The appliance's readiness, as Camel's producers health repository reports it. */
class HealthChecksTest {

    private static CamelContext context(String endpoint, String accessKey, String secretKey) {
        return BlackPearlTestSupport.contextFor(endpoint, accessKey, secretKey);
    }

    private static HealthCheck.Result check(CamelContext context, String id) {
        // camel.health.producers-enabled=true: Camel leaves producer checks off by default
        ((HealthCheckRepository) HealthCheckRegistry.get(context).resolveById("producers")).setEnabled(true);
        return BlackPearlTestSupport.readiness(context, id);
    }

    @Test
    void theApplianceCheckIsUpWhenItAnswersAndDownWithTheReasonWhenNot() throws Exception {
        Ds3Simulator simulator = Ds3Simulator.builder().credentials("aGVhbHRo", "right").build().start().seed(SeedPlan.jobs(3));
        try (CamelContext context = context(simulator.endpoint(), "aGVhbHRo", "right");
             CamelContext wrongKey = context(simulator.endpoint(), "aGVhbHRo", "wrong-secret")) {
            context.start();
            wrongKey.start();

            HealthCheck.Result up = check(context, "blackpearl");
            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(up.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("reachable", "(3 active jobs)")
                    .as("no '/' for Camel's management server to escape twice").doesNotContain("/"));
            assertThat(simulator.appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).isEqualTo(1);

            HealthCheck.Result refused = check(wrongKey, "blackpearl");
            assertThat(refused.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(refused.getDetails()).containsEntry("verdict", "CREDENTIALS_REFUSED");
            assertThat(refused.getMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain("wrong-secret"));

            simulator.close();
            HealthCheck.Result down = check(context, "blackpearl");
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getDetails()).containsEntry("verdict", "UNREACHABLE");
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("camel.component.blackpearl.endpoint"));
        } finally {
            simulator.close();
        }
    }

    private static Optional<HealthCheck.Result> find(CamelContext context, String id) {
        return HealthCheckHelper.invoke(context, c -> Map.of(), c -> !c.isReadiness(), "full").stream()
                .filter(r -> r.getCheck().getId().equals(id)).findFirst();
    }

    @Test
    void theCheckFollowsCamelsProducersSettingAndTheComponentsOwn() throws Exception {
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("aGVhbHRo", "right").build().start()) {
            try (CamelContext context = new DefaultCamelContext()) {
                BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
                component.getConfiguration().setEndpoint(simulator.endpoint());
                component.getConfiguration().setAccessKey("aGVhbHRo");
                component.getConfiguration().setSecretKey("right");
                context.start();
                assertThat(find(context, "blackpearl")).as("camel.health.producers-enabled is false by default").isEmpty();
                ((HealthCheckRepository) HealthCheckRegistry.get(context).resolveById("producers")).setEnabled(true);
                assertThat(find(context, "blackpearl")).hasValueSatisfying(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
            }
            try (CamelContext context = context(simulator.endpoint(), "aGVhbHRo", "right")) {
                context.getComponent("blackpearl", BlackPearlComponent.class).setHealthCheckProducerEnabled(false);
                context.start();
                assertThat(find(context, "blackpearl")).as("healthCheckProducerEnabled=false").isEmpty();
            }
        }
    }

    @Test
    void aProbeUsesTheClientTheEndpointsShareAndCreatesNoEndpoint() throws Exception {
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("aGVhbHRo", "right").build().start().seed(SeedPlan.jobs(2));
             CamelContext context = context(simulator.endpoint(), "aGVhbHRo", "right")) {
            context.start();
            BlackPearlEndpoint list = context.getEndpoint("blackpearl:activeJob?operation=list", BlackPearlEndpoint.class);
            BlackPearlEndpoint modify = context.getEndpoint("blackpearl:activeJob?includeObjects=false", BlackPearlEndpoint.class);
            list.start();
            modify.start();
            assertThat(modify.getClient()).as("same settings, one client and pool").isSameAs(list.getClient());
            int endpoints = context.getEndpoints().size();
            for (int i = 0; i < 3; i++) {
                assertThat(check(context, "blackpearl").getState()).isEqualTo(HealthCheck.State.UP);
            }
            assertThat(context.getEndpoints()).hasSize(endpoints);
            BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
            assertThat(component.clients().all()).hasSize(1);
            BlackPearlEndpoint otherTimeout = context.getEndpoint("blackpearl:activeJob?operation=list&responseTimeout=5s",
                    BlackPearlEndpoint.class);
            otherTimeout.start();
            assertThat(otherTimeout.getClient()).as("other settings, another client").isNotSameAs(list.getClient());
            otherTimeout.stop();
            assertThat(component.clients().all()).as("closed with its last endpoint").hasSize(1);
        }
    }

    /** The shared client's pools are Camel's, named, and the deadline pool takes an abort for every call in flight. */
    @Test
    void theClientsPoolsComeFromCamelAndTheDeadlinesHaveNoQueueLimit() throws Exception {
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("aGVhbHRo", "right").build().start();
             CamelContext context = context(simulator.endpoint(), "aGVhbHRo", "right")) {
            context.start();
            context.getEndpoint("blackpearl:activeJob?operation=list", BlackPearlEndpoint.class).start();
            ApplianceClients.Shared shared = context.getComponent("blackpearl", BlackPearlComponent.class).clients().all().iterator().next();
            assertThat(shared.deadlines).isInstanceOf(SizedScheduledExecutorService.class);
            List<ScheduledFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                // beyond Camel's default queue limit of 1,000: a call is never refused for too many calls in flight
                pending.add(shared.deadlines.schedule(() -> { }, 1, TimeUnit.HOURS));
            }
            pending.forEach(f -> f.cancel(false));
            assertThat(((SizedScheduledExecutorService) shared.deadlines).getScheduledThreadPoolExecutor()
                    .getQueue()).as("cancelled aborts leave the queue").isEmpty();
        }
    }
}
