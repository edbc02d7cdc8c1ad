package io.camelblackpearl.escalation.route;

import io.camelblackpearl.escalation.EscalationOutcome;
import java.time.Instant;
import org.apache.camel.CamelContext;

/**
 * The escalation's meters, recorded in the application's Micrometer registry, the one Camel's Micrometer
 * integration (camel-micrometer, or Spring Boot's actuator) keeps in the Camel registry. Without one,
 * nothing is recorded: no global registry on the side, where no one would read it.
 */
interface EscalationMeters {

    EscalationMeters NONE = new EscalationMeters() {
    };

    /** A run ended: {@code blackpearl.escalation.runs{result=success|failure}}. */
    default void run(boolean succeeded) {
    }

    /** {@code blackpearl.escalation.decisions{rule, outcome}}. */
    default void decision(String rule, EscalationOutcome outcome) {
    }

    /** The gauge {@code blackpearl.escalation.last.success} (epoch seconds). */
    default void lastSuccess(Instant when) {
    }

    /**
     * The gauges {@code blackpearl.escalation.deadline.jobs} (active jobs with a deadline) and
     * {@code blackpearl.escalation.jobs.at.risk} (of those, projected to miss it even after the run's raises) and
     * {@code blackpearl.escalation.deadline.least.slack} (seconds; negative when a job is projected late).
     */
    default void deadlines(int withDeadline, int atRisk, double leastSlackSeconds) {
    }

    /** The meters of the context's Micrometer registry, or {@link #NONE} when it has none (or no Micrometer at all). */
    static EscalationMeters of(CamelContext context) {
        if (!MICROMETER_PRESENT) {
            return NONE;
        }
        EscalationMeters found = MicrometerEscalationMeters.lookup(context);
        return found != null ? found : NONE;
    }

    boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, EscalationMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
