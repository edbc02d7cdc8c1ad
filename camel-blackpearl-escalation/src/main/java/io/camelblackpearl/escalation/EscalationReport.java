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
 * @param node        which node ran it (the Quartz scheduler instance id in a cluster)
 * @param fire        the schedule slot it ran for: the trigger's scheduled fire time, or the start of an unscheduled run
 */
public record EscalationReport(Instant startedAt, int activeJobs, boolean dryRun, List<EscalationDecision> decisions,
                               String node, Instant fire) {

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

    /**
     * A plain-text table of what the run changed (or would change, in a dry run) and what failed, for
     * consoles and logs; decisions left for the next run are summed up in one line.
     */
    public String toTable() {
        StringBuilder s = new StringBuilder();
        long waiting = count(EscalationOutcome.SKIPPED_RUN_LIMIT);
        s.append(String.format("Escalation run at %s on node %s for slot %s%s: %d active jobs, %d applied, %d planned, %d failed, "
                        + "%d vanished, %d held back by the URGENT cap, %d left for the next run%n",
                startedAt, node, fire, dryRun ? " (dry run)" : "", activeJobs, count(EscalationOutcome.APPLIED),
                count(EscalationOutcome.PLANNED), count(EscalationOutcome.FAILED), count(EscalationOutcome.SKIPPED_NOT_FOUND),
                count(EscalationOutcome.SKIPPED_URGENT_CAP), waiting));
        List<EscalationDecision> shown = decisions.stream()
                .filter(d -> d.outcome() != EscalationOutcome.SKIPPED_RUN_LIMIT).toList();
        if (shown.isEmpty()) {
            return s.append("  nothing changed").append(System.lineSeparator()).toString();
        }
        String row = "  %-36s  %-18s  %-7s  %-7s  %-12s  %-8s  %s%n";
        s.append(String.format(row, "JOB", "NAME", "FROM", "TO", "RULE", "AGE", "OUTCOME"));
        for (EscalationDecision d : shown) {
            s.append(String.format(row, d.jobId(), abbreviate(d.jobName(), 18), d.from(), d.to(), abbreviate(d.ruleId(), 12),
                    d.age() == null ? "" : EscalationPlanner.format(d.age()), d.outcome()));
        }
        return s.toString();
    }

    /**
     * The run's closing audit line: where and for which slot it ran and what it did, also when nothing was
     * due. It has no {@code job=}, so it is told apart from the decision lines.
     */
    public String summaryLine() {
        return String.format("escalation run node=%s fire=%s jobs=%d applied=%d planned=%d failed=%d vanished=%d "
                        + "urgentCap=%d left=%d result=%s", node, fire, activeJobs, count(EscalationOutcome.APPLIED),
                count(EscalationOutcome.PLANNED), count(EscalationOutcome.FAILED), count(EscalationOutcome.SKIPPED_NOT_FOUND),
                count(EscalationOutcome.SKIPPED_URGENT_CAP), count(EscalationOutcome.SKIPPED_RUN_LIMIT),
                succeeded() ? "success" : "failure");
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
