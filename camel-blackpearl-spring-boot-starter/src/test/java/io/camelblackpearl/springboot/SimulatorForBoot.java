package io.camelblackpearl.springboot;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One simulator per test class, on loopback, and the three properties a user sets to reach it. */
final class SimulatorForBoot {

    static final String ACCESS_KEY = "Ym9vdA==";

    private SimulatorForBoot() {
    }

    static Ds3Simulator start() {
        return Ds3Simulator.builder().credentials(ACCESS_KEY, "boot-secret-from-a-properties-file").build().start();
    }

    static void properties(Ds3Simulator simulator, DynamicPropertyRegistry registry) {
        registry.add("camel.component.blackpearl.endpoint", simulator::endpoint);
        registry.add("camel.component.blackpearl.access-key", () -> ACCESS_KEY);
    }

    static SimulatedJob job(Ds3Simulator simulator, String priority, Duration age) {
        SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).name("archive-" + UUID.randomUUID()).priority(priority)
                .requestType("PUT").createdAt(Instant.now().minus(age)).build();
        simulator.appliance().put(job);
        return job;
    }
}
