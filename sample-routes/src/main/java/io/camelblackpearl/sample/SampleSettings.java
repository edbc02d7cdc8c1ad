package io.camelblackpearl.sample;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import org.apache.camel.spi.PropertiesComponent;
import org.quartz.CronExpression;

/**
 * The sample's own settings, read once and checked before any route exists, so a typo stops the
 * application with a message that names the setting, its environment variable and the bad value.
 *
 * @param policyFile  {@code classpath:…} or a file path of the escalation policy
 * @param cron        Quartz cron expression of the escalation runs
 * @param maxRuns     runs before the application stops by itself; 0 runs until stopped
 * @param dsl         {@code java} or {@code yaml}: which definition of the escalation route runs
 */
record SampleSettings(String policyFile, String cron, int maxRuns, String dsl) {

    static final String POLICY_FILE = "escalation.policy-file";
    static final String CRON = "escalation.cron";
    static final String MAX_RUNS = "escalation.max-runs";
    static final String DSL = "escalation.dsl";
    static final List<String> KEYS = List.of(POLICY_FILE, CRON, MAX_RUNS, DSL);

    static SampleSettings read(PropertiesComponent properties) {
        String policyFile = required(properties, POLICY_FILE);
        String cron = required(properties, CRON);
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw invalid(CRON, cron, "expected a Quartz cron expression such as '0 */5 * * * ?' (" + e.getMessage() + ")");
        }
        String runs = required(properties, MAX_RUNS);
        int maxRuns;
        try {
            maxRuns = Integer.parseInt(runs.trim());
        } catch (NumberFormatException e) {
            maxRuns = -1;
        }
        if (maxRuns < 0) {
            throw invalid(MAX_RUNS, runs, "expected a whole number: 0 runs until stopped, N stops after N runs");
        }
        String dsl = required(properties, DSL).trim().toLowerCase(Locale.ROOT);
        if (!dsl.equals("java") && !dsl.equals("yaml")) {
            throw invalid(DSL, dsl, "expected java or yaml");
        }
        return new SampleSettings(policyFile.trim(), cron.trim(), maxRuns, dsl);
    }

    private static String required(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("Missing setting " + key + " (environment variable "
                        + EnvironmentVariables.variableName(key) + ")"));
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("Invalid setting " + key + " (environment variable "
                + EnvironmentVariables.variableName(key) + "): '" + value + "': " + expected);
    }

    /** The run limit as an operator reads it. */
    String runLimit() {
        return maxRuns == 0 ? "none (runs until stopped)" : "stops after " + maxRuns + " runs";
    }
}
