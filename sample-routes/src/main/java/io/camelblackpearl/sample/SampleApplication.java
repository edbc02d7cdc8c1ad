package io.camelblackpearl.sample;

import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.time.Duration;
import org.apache.camel.main.Main;

/**
 * The escalation application: Camel Main running the Quartz-triggered escalation route against the
 * appliance configured in application.properties or the environment. When no endpoint is configured it
 * starts the embedded BlackPearl simulator with a realistic mix of jobs, runs a few escalations every
 * few seconds, prints what changed, and stops by itself.
 */
public final class SampleApplication {

    private SampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(SampleApplication.class);
        main.bind("sampleMain", main);
        Ds3Simulator simulator = null;
        if (setting("camel.component.blackpearl.endpoint") == null) {
            simulator = startSimulator();
            main.addOverrideProperty("camel.component.blackpearl.endpoint", simulator.endpoint());
            main.addOverrideProperty("camel.component.blackpearl.access-key", simulator.accessKey());
            main.addOverrideProperty("camel.component.blackpearl.secret-key", simulator.secretKey());
            main.addInitialProperty("escalation.cron", "0/3 * * * * ?");
            main.addInitialProperty("escalation.max-runs", "3");
        } else {
            main.addInitialProperty("escalation.cron", "0 */5 * * * ?");
            main.addInitialProperty("escalation.max-runs", "0");
        }
        if ("yaml".equalsIgnoreCase(setting("escalation.dsl"))) {
            main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/escalation.yaml");
        }
        try {
            main.run(args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** Ages from minutes to days, every request type, several buckets and users, mostly low priorities. */
    static Ds3Simulator startSimulator() {
        Ds3Simulator simulator = Ds3Simulator.builder().build().start().seed(SeedPlan.jobs(400)
                .ages(Duration.ofMinutes(2), Duration.ofDays(4))
                .priorities("LOW", "LOW", "LOW", "NORMAL", "NORMAL", "HIGH")
                .requestTypes("PUT", "PUT", "GET", "VERIFY")
                .buckets("media-masters", "finance-records", "science-raw", "backups")
                .users("ingest", "restore-desk", "scheduler"));
        System.out.println("No camel.component.blackpearl.endpoint configured: using the embedded BlackPearl simulator at "
                + simulator.endpoint() + " with " + simulator.appliance().activeJobs().size() + " active jobs");
        return simulator;
    }

    /** A setting from the environment (Camel's mapping) or a system property, before Camel Main reads them. */
    private static String setting(String key) {
        String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        String value = env != null ? env : System.getProperty(key);
        return value == null || value.isBlank() ? null : value;
    }
}
