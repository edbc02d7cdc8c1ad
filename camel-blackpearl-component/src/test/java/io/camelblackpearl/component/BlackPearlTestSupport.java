package io.camelblackpearl.component;

import io.camelblackpearl.simulator.BlackPearlSimulatorExtension;
import io.camelblackpearl.simulator.SimulatedAppliance;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose blackpearl component points at a simulator on loopback. */
public abstract class BlackPearlTestSupport extends CamelTestSupport {

    @RegisterExtension
    public static final BlackPearlSimulatorExtension BLACKPEARL = BlackPearlSimulatorExtension.empty();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
        component.getConfiguration().setEndpoint(BLACKPEARL.endpoint());
        component.getConfiguration().setAccessKey(BLACKPEARL.accessKey());
        component.getConfiguration().setSecretKey(BLACKPEARL.secretKey());
        return context;
    }

    /** A context (not started) whose blackpearl component points at {@code endpoint} with these keys. */
    public static CamelContext contextFor(String endpoint, String accessKey, String secretKey) {
        CamelContext context = new DefaultCamelContext();
        BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
        component.getConfiguration().setEndpoint(endpoint);
        component.getConfiguration().setAccessKey(accessKey);
        component.getConfiguration().setSecretKey(secretKey);
        return context;
    }

    /** One readiness check's result, at exposure "full" (Camel's default shows only the first check when all are UP). */
    public static HealthCheck.Result readiness(CamelContext context, String id) {
        return HealthCheckHelper.invoke(context, c -> Map.of(), c -> !c.isReadiness(), "full")
                .stream().filter(r -> r.getCheck().getId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no readiness check " + id));
    }

    public static SimulatedAppliance appliance() {
        return BLACKPEARL.appliance();
    }

    /** Puts an active job of the given priority and age in the simulator. */
    public static SimulatedJob seedJob(String name, String priority, Duration age) {
        SimulatedJob job = SimulatedJob.builder(UUID.randomUUID())
                .name(name).priority(priority).requestType("PUT").createdAt(Instant.now().minus(age)).build();
        appliance().put(job);
        return job;
    }

    public static SimulatedJob current(SimulatedJob job) {
        return appliance().job(job.id()).orElseThrow();
    }
}
