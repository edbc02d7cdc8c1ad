package io.camelblackpearl.sample;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Duration;
import org.apache.camel.main.Main;

/**
 * Runs the sample routes with Camel Main. Connection settings come from application.properties or the
 * environment ({@code CAMEL_COMPONENT_BLACKPEARL_ENDPOINT}, {@code CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY},
 * {@code CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY}); when no endpoint is configured an embedded simulator
 * with a realistic mix of jobs stands in for the appliance.
 */
public final class SampleApplication {

    private SampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(SampleApplication.class);
        Ds3Simulator simulator = null;
        if (configuredEndpoint() == null) {
            simulator = Ds3Simulator.builder().build().start().seed(SeedPlan.jobs(200)
                    .ages(Duration.ofMinutes(5), Duration.ofDays(4))
                    .priorities("LOW", "LOW", "NORMAL", "HIGH"));
            System.out.println("No camel.component.blackpearl.endpoint configured: using the embedded BlackPearl simulator at "
                    + simulator.endpoint() + " with " + simulator.appliance().activeJobs().size() + " active jobs");
            main.addOverrideProperty("camel.component.blackpearl.endpoint", simulator.endpoint());
            main.addOverrideProperty("camel.component.blackpearl.access-key", simulator.accessKey());
            main.addOverrideProperty("camel.component.blackpearl.secret-key", simulator.secretKey());
        }
        try {
            main.run(args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** The endpoint from the environment or system properties; application.properties leaves it unset. */
    private static String configuredEndpoint() {
        String value = System.getenv("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT");
        if (value == null || value.isBlank()) {
            value = System.getProperty("camel.component.blackpearl.endpoint");
        }
        return value == null || value.isBlank() ? null : value;
    }
}
