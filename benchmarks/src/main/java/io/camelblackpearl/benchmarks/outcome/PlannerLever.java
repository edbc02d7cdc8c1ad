package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.EscalationDecision;
import io.camelblackpearl.escalation.EscalationPlanner;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.ProgressHistory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The product's escalation: its planner and policy, with the progress history a run keeps, exactly as
 * {@code EscalationProcessor} uses them (without HTTP: the benchmark plays the appliance in-process). A fixed
 * rate replaces the measured one for the oracle's clairvoyant variant.
 */
final class PlannerLever implements Lever {

    private final String name;
    private final EscalationPolicy policy;
    private final EscalationPlanner planner = new EscalationPlanner();
    private final ProgressHistory history;
    private final double fixedRate;

    PlannerLever(String name, EscalationPolicy policy, double fixedRate) {
        this(name, policy, new ProgressHistory(), fixedRate);
    }

    private PlannerLever(String name, EscalationPolicy policy, ProgressHistory history, double fixedRate) {
        this.name = name;
        this.policy = policy;
        this.history = history;
        this.fixedRate = fixedRate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<UUID, Priority> decide(List<ActiveJob> jobs, Instant now) {
        double rate = Double.NaN;
        if (policy.hasDeadlines()) {
            if (fixedRate > 0) {
                rate = fixedRate;
            } else {
                history.observe(now, jobs);
                rate = history.rate().orElse(Double.NaN);
            }
        }
        Map<UUID, Priority> changes = new LinkedHashMap<>();
        for (EscalationDecision d : planner.plan(jobs, policy, now, rate).decisions()) {
            if (d.toSend()) {
                changes.put(d.jobId(), d.to());
            }
        }
        return changes;
    }

    @Override
    public Lever copy() {
        return new PlannerLever(name, policy, fixedRate > 0 ? history : history.copy(), fixedRate);
    }
}
