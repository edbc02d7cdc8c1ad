package io.camelblackpearl.sample;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.ds3.model.Ds3Job;
import io.camelblackpearl.ds3.model.FinishedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per job event, e.g. {@code restore-00207 completed after 2d23h at URGENT (escalated by
 * rule restores)}; and for every completed job the time from creation to completion in the timer
 * {@code blackpearl.job.duration}, tagged by request type, final priority and whether this process's
 * escalation raised it, so operators can compare escalated and untouched jobs.
 */
public class JobEventLine implements Processor {

    static final String TIMER = "blackpearl.job.duration";
    private static final Logger LOG = LoggerFactory.getLogger("io.camelblackpearl.sample.job-events");

    private final EscalationLedger ledger;
    private final MeterRegistry meters;

    public JobEventLine(EscalationLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.meters = meters == null ? Metrics.globalRegistry : meters;
    }

    @Override
    public void process(Exchange exchange) {
        String event = exchange.getMessage().getHeader(BlackPearlConstants.EVENT, String.class);
        Ds3Job job = exchange.getMessage().getBody(Ds3Job.class);
        if (event == null || job == null) {
            return;
        }
        String priority = job.priority() == null ? "an unknown priority" : job.priority().name();
        String rule = ledger.ruleThatRaised(job.id());
        String escalation = rule == null ? "not escalated" : "escalated by rule " + rule;
        String line = switch (event) {
            case "CREATED" -> job.name() + " created at " + priority + " (" + job.requestType() + ")";
            case "PRIORITY_CHANGED" -> job.name() + " moved from "
                    + exchange.getMessage().getHeader(BlackPearlConstants.PREVIOUS_PRIORITY, String.class) + " to " + priority
                    + (rule == null ? "" : " (" + escalation + ")");
            case "WAITING" -> job.name() + " has waited " + age(job.createdAt(), Instant.now()) + " at " + priority;
            case "COMPLETED" -> job.name() + " completed after " + age(job.createdAt(), finishedAt(job)) + " at " + priority
                    + " (" + escalation + ")";
            case "CANCELED" -> job.name() + " canceled after " + age(job.createdAt(), finishedAt(job)) + " at " + priority
                    + " (" + escalation + ")";
            default -> job.name() + " " + event;
        };
        LOG.info("{}", line);
        if (event.equals("COMPLETED") && job.createdAt() != null && finishedAt(job) != null) {
            Timer.builder(TIMER)
                    .description("Time from a job's creation to its completion, by request type, final priority and escalation")
                    .tag("request_type", String.valueOf(job.requestType()))
                    .tag("priority", String.valueOf(job.priority()))
                    .tag("escalated", rule == null ? "no" : "yes")
                    .register(meters)
                    .record(Duration.between(job.createdAt(), finishedAt(job)));
        }
        if (job instanceof FinishedJob) {
            ledger.forget(job.id());
        }
    }

    private static Instant finishedAt(Ds3Job job) {
        return job instanceof FinishedJob finished ? finished.finishedAt() : null;
    }

    /** {@code 2d23h}, {@code 4h05m}, {@code 12m30s}, {@code 45s}: two units, as an operator says it. */
    static String age(Instant from, Instant to) {
        if (from == null || to == null) {
            return "an unknown time";
        }
        Duration d = Duration.between(from, to);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() > 0) {
            return d.toDays() + "d" + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return d.toSeconds() + "s";
    }
}
