package io.camelblackpearl.sample;

import io.camelblackpearl.escalation.route.CronPeriod;
import io.camelblackpearl.support.Durations;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * @param healthPeriods  schedule periods without a successful run before the escalation's health is DOWN
 * @param events      the job-event route's settings
 */
record SampleSettings(String policyFile, String cron, int maxRuns, String dsl, int healthPeriods, Events events) {

    /**
     * The job-event route: whether it runs, how often it polls (and that as written), which events it reports (the component's
     * {@code events} option) and the file that keeps its state across restarts (none when null).
     */
    record Events(boolean enabled, Duration delay, String delayText, String types, String stateFile) {
    }

    static final String POLICY_FILE = "escalation.policy-file";
    static final String CRON = "escalation.cron";
    static final String MAX_RUNS = "escalation.max-runs";
    static final String DSL = "escalation.dsl";
    static final String HEALTH_PERIODS = "escalation.health-periods";
    static final String EVENTS_ENABLED = "escalation.events.enabled";
    static final String EVENTS_DELAY = "escalation.events.delay";
    static final String EVENTS_TYPES = "escalation.events.types";
    static final String EVENTS_STATE_FILE = "escalation.events.state-file";
    /** Where the deadline projections' progress history survives a restart (docs/escalation.md, "Deadlines"). */
    static final String PROGRESS_FILE = "escalation.progress-file";
    static final List<String> KEYS = List.of(POLICY_FILE, CRON, MAX_RUNS, DSL, HEALTH_PERIODS,
            EVENTS_ENABLED, EVENTS_DELAY, EVENTS_TYPES, EVENTS_STATE_FILE, PROGRESS_FILE);

    static SampleSettings read(PropertiesComponent properties) {
        String policyFile = required(properties, POLICY_FILE);
        String cron = required(properties, CRON);
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw invalid(CRON, cron, "expected a Quartz cron expression such as '0 */5 * * * ?' (" + e.getMessage() + ")");
        }
        int maxRuns = wholeNumber(properties, MAX_RUNS, 0, "expected a whole number: 0 runs until stopped, N stops after N runs");
        int healthPeriods = wholeNumber(properties, HEALTH_PERIODS, 1, "expected a whole number of schedule periods, 1 or more");
        String dsl = required(properties, DSL).trim().toLowerCase(Locale.ROOT);
        if (!dsl.equals("java") && !dsl.equals("yaml")) {
            throw invalid(DSL, dsl, "expected java or yaml");
        }
        return new SampleSettings(policyFile.trim(), cron.trim(), maxRuns, dsl, healthPeriods, events(properties));
    }

    private static Events events(PropertiesComponent properties) {
        String enabled = required(properties, EVENTS_ENABLED).trim().toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw invalid(EVENTS_ENABLED, enabled, "expected true or false");
        }
        String delayText = required(properties, EVENTS_DELAY);
        Duration delay;
        try {
            delay = Durations.parse(delayText);
        } catch (RuntimeException e) {
            throw invalid(EVENTS_DELAY, delayText, Durations.SYNTAX);
        }
        if (delay.isNegative() || delay.isZero()) {
            throw invalid(EVENTS_DELAY, delayText, "expected a positive duration");
        }
        String types = required(properties, EVENTS_TYPES).replace(" ", "").toUpperCase(Locale.ROOT);
        for (String type : types.split(",")) {
            if (!List.of("CREATED", "PRIORITY_CHANGED", "WAITING", "COMPLETED", "CANCELED").contains(type)) {
                throw invalid(EVENTS_TYPES, types, "expected a comma-separated list of CREATED, PRIORITY_CHANGED, WAITING, "
                        + "COMPLETED, CANCELED");
            }
        }
        String stateFile = properties.resolveProperty(EVENTS_STATE_FILE).filter(v -> !v.isBlank()).map(String::trim).orElse(null);
        return new Events(enabled.equals("true"), delay, delayText.trim(), types, stateFile);
    }

    private static int wholeNumber(PropertiesComponent properties, String key, int min, String expected) {
        String text = required(properties, key);
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, text, expected);
    }

    /**
     * The time between two firings of the schedule, for the escalation's health check; empty when the cron
     * fires only once more. A cron that never fires again is refused.
     */
    Optional<Duration> schedulePeriod() {
        return CronPeriod.of(
                "setting " + CRON + " (environment variable " + EnvironmentVariables.variableName(CRON) + ")", cron);
    }

    private static String required(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("Missing setting " + key + " (environment variable "
                        + EnvironmentVariables.variableName(key) + ")"));
    }

    static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("Invalid setting " + key + " (environment variable "
                + EnvironmentVariables.variableName(key) + "): '" + value + "': " + expected);
    }

    /** The run limit as an operator reads it. */
    String runLimit() {
        return maxRuns == 0 ? "none (runs until stopped)" : "stops after " + maxRuns + " runs";
    }
}
