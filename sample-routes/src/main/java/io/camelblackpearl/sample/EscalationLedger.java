package io.camelblackpearl.sample;

import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationReport;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Remembers which rule last raised each job (the escalation runs of this process), so that the job-event
 * route can say whether a completed job was escalated and by which rule. In a cluster only the runs of this
 * node are known; a job escalated elsewhere reads as not escalated here.
 */
public class EscalationLedger implements Processor {

    private final Map<UUID, String> ruleByJob = new ConcurrentHashMap<>();

    /** Takes the escalation run's report (the exchange's body) and records every applied decision. */
    @Override
    public void process(Exchange exchange) throws Exception {
        EscalationReport report = exchange.getMessage().getMandatoryBody(EscalationReport.class);
        for (EscalationDecision decision : report.decisions()) {
            if (decision.outcome() == EscalationOutcome.APPLIED) {
                ruleByJob.put(decision.jobId(), decision.ruleId());
            }
        }
    }

    /** The rule that last raised the job, or null when no run of this process raised it. */
    public String ruleThatRaised(UUID jobId) {
        return jobId == null ? null : ruleByJob.get(jobId);
    }

    /** Forgets a job that has ended. */
    public void forget(UUID jobId) {
        if (jobId != null) {
            ruleByJob.remove(jobId);
        }
    }
}
