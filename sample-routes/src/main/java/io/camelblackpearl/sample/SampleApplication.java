package io.camelblackpearl.sample;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.LogManager;

/**
 * The escalation application: Camel Main running the Quartz-triggered escalation route against the
 * appliance configured by JVM system properties, environment variables or the user's properties file
 * ({@code -pl file:…}). When no appliance is configured it starts the embedded BlackPearl
 * simulator with a realistic mix of jobs, runs a few escalations every few seconds, prints what changed,
 * and stops by itself.
 */
public final class SampleApplication {

    /** The sample's defaults: the lowest precedence, below the user's properties file. */
    static final String DEFAULTS = "/sample-defaults.properties";

    private SampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(SampleApplication.class);
        main.bind("sampleMain", main);
        main.setInitialProperties(defaults());
        List<String> keys = new ArrayList<>(SampleSettings.KEYS);
        keys.addAll(SampleStartup.CLUSTER_KEYS);
        // Camel Main skips every variable ending in _PORT (Kubernetes service variables), these included.
        keys.addAll(List.of("camel.management.port", "camel.server.port"));
        // Order matters: the variables must be mapped before the startup decides simulator or appliance.
        main.addMainListener(new EnvironmentVariables(System.getenv(), keys));
        main.addMainListener(new SampleStartup());
        try {
            main.run(args);
        } finally {
            // log4j2's own shutdown hook is off (log4j2.properties): logging stops after Camel, never during its stop
            LogManager.shutdown();
        }
    }

    private static Properties defaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = SampleApplication.class.getResourceAsStream(DEFAULTS)) {
            defaults.load(in);
        }
        return defaults;
    }
}
