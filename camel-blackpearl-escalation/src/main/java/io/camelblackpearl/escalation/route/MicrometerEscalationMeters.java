package io.camelblackpearl.escalation.route;

import io.camelblackpearl.escalation.EscalationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;

/** {@link EscalationMeters} in a Micrometer registry; only loaded when Micrometer is on the class path. */
final class MicrometerEscalationMeters implements EscalationMeters {

    private final MeterRegistry registry;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final AtomicLong deadlineJobs = new AtomicLong();
    private final AtomicLong atRisk = new AtomicLong();
    private volatile double leastSlack = Double.NaN;

    private MicrometerEscalationMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("blackpearl.escalation.last.success", lastSuccessEpochSeconds, AtomicLong::get)
                .description("Epoch seconds of the last escalation run whose every modify went through")
                .baseUnit("seconds").register(registry);
        Gauge.builder("blackpearl.escalation.deadline.jobs", deadlineJobs, AtomicLong::get)
                .description("Active jobs with a deadline at the last escalation run").register(registry);
        Gauge.builder("blackpearl.escalation.jobs.at.risk", atRisk, AtomicLong::get)
                .description("Jobs projected to miss their deadline even after the last run's raises").register(registry);
        Gauge.builder("blackpearl.escalation.deadline.least.slack", this, m -> m.leastSlack)
                .description("The smallest slack (deadline minus projected finish) of any job with a deadline at the last run; "
                        + "negative when one is projected late, NaN when none").baseUnit("seconds").register(registry);
    }

    @Override
    public void deadlines(int withDeadline, int risk, double leastSlackSeconds) {
        deadlineJobs.set(withDeadline);
        atRisk.set(risk);
        leastSlack = leastSlackSeconds;
    }

    static EscalationMeters lookup(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        return registry == null ? null : new MicrometerEscalationMeters(registry);
    }

    @Override
    public void run(boolean succeeded) {
        registry.counter("blackpearl.escalation.runs", "result", succeeded ? "success" : "failure").increment();
    }

    @Override
    public void decision(String rule, EscalationOutcome outcome) {
        decisions.computeIfAbsent(rule + "\u0000" + outcome.name(), key -> Counter.builder("blackpearl.escalation.decisions")
                .description("Escalation decisions by rule and outcome")
                .tag("rule", rule).tag("outcome", outcome.name())
                .register(registry)).increment();
    }

    @Override
    public void lastSuccess(Instant when) {
        lastSuccessEpochSeconds.set(when.getEpochSecond());
    }
}
