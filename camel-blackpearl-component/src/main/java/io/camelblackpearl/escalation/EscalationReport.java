package io.camelblackpearl.escalation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one escalation run saw and did.
 *
 * @param startedAt   when the run began
 * @param activeJobs  how many active jobs it listed
 * @param decisions   one per job whose priority should change, with its outcome
 */
public record EscalationReport(Instant startedAt, int activeJobs, boolean dryRun, List<EscalationDecision> decisions) {

    public EscalationReport {
        decisions = List.copyOf(decisions);
    }

    public long count(EscalationOutcome outcome) {
        return decisions.stream().filter(d -> d.outcome() == outcome).count();
    }

    public Map<EscalationOutcome, Long> counts() {
        Map<EscalationOutcome, Long> counts = new EnumMap<>(EscalationOutcome.class);
        for (EscalationOutcome outcome : EscalationOutcome.values()) {
            counts.put(outcome, count(outcome));
        }
        return counts;
    }

    /** Whether every decided modify went through (or was meant not to be sent). */
    public boolean succeeded() {
        return count(EscalationOutcome.FAILED) == 0;
    }

    /** A plain-text table of the decisions, for consoles and logs. */
    public String toTable() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Escalation run at %s%s: %d active jobs, %d applied, %d planned, %d skipped, %d failed%n",
                startedAt, dryRun ? " (dry run)" : "", activeJobs, count(EscalationOutcome.APPLIED),
                count(EscalationOutcome.PLANNED),
                count(EscalationOutcome.SKIPPED_NOT_FOUND) + count(EscalationOutcome.SKIPPED_RUN_LIMIT)
                        + count(EscalationOutcome.SKIPPED_URGENT_CAP),
                count(EscalationOutcome.FAILED)));
        if (decisions.isEmpty()) {
            return s.append("  nothing to change").append(System.lineSeparator()).toString();
        }
        String row = "  %-36s  %-18s  %-7s  %-7s  %-12s  %-8s  %s%n";
        s.append(String.format(row, "JOB", "NAME", "FROM", "TO", "RULE", "AGE", "OUTCOME"));
        for (EscalationDecision d : decisions) {
            s.append(String.format(row, d.jobId(), abbreviate(d.jobName(), 18), d.from(), d.to(), abbreviate(d.ruleId(), 12),
                    d.age() == null ? "" : EscalationPlanner.format(d.age()), d.outcome()));
        }
        return s.toString();
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
