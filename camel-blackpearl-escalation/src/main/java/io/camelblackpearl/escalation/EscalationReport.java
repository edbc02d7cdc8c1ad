package io.camelblackpearl.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * @param deadlineJobs active jobs with a deadline
 * @param atRisk      of those, how many are projected to miss it even after this run's raises
 * @param applianceTime the appliance's time when it listed the jobs (its Date header), which ages and deadlines
 *                    are measured against; null when it sent none
 * @param projected   whether the deadlines were projected: false until the appliance's rate is measured (two runs)
 */
public record EscalationReport(Instant startedAt, int activeJobs, boolean dryRun, List<EscalationDecision> decisions,
                               String node, Instant fire, int deadlineJobs, int atRisk, Instant applianceTime,
                               boolean projected) {

    public EscalationReport {
        decisions = List.copyOf(decisions);
    }

    /** A report of a run without deadlines. */
    public EscalationReport(Instant startedAt, int activeJobs, boolean dryRun, List<EscalationDecision> decisions,
                            String node, Instant fire) {
        this(startedAt, activeJobs, dryRun, decisions, node, fire, 0, 0, null, false);
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
        if (applianceTime != null && Duration.between(startedAt, applianceTime).abs().compareTo(Duration.ofMinutes(1)) > 0) {
            // a host clock that is off, or a time-scaled simulator: say which time the ages and deadlines are on
            s.append("  on the appliance's clock: ").append(minute(applianceTime)).append(System.lineSeparator());
        }
        if (deadlineJobs > 0 && !projected) {
            s.append(String.format("  %d %s with a deadline, not projected yet: the appliance's rate is measured between two runs%n",
                    deadlineJobs, deadlineJobs == 1 ? "job" : "jobs"));
        } else if (deadlineJobs > 0) {
            s.append(String.format("  %d %s with a deadline, %d projected to miss (%d cannot make it even at their ceiling)%n",
                    deadlineJobs, deadlineJobs == 1 ? "job" : "jobs", atRisk, count(EscalationOutcome.SKIPPED_DEADLINE_UNREACHABLE)));
        }
        List<EscalationDecision> shown = decisions.stream()
                .filter(d -> d.outcome() != EscalationOutcome.SKIPPED_RUN_LIMIT).toList();
        if (shown.isEmpty()) {
            return s.append("  nothing changed").append(System.lineSeparator()).toString();
        }
        boolean deadlines = shown.stream().anyMatch(d -> d.deadline() != null);
        String row = deadlines ? "  %-36s  %-18s  %-7s  %-7s  %-12s  %-8s  %-17s  %-17s  %-8s  %s%n"
                : "  %-36s  %-18s  %-7s  %-7s  %-12s  %-8s  %s%n";
        s.append(deadlines ? String.format(row, "JOB", "NAME", "FROM", "TO", "RULE", "AGE", "DEADLINE", "PROJECTED", "SLACK", "OUTCOME")
                : String.format(row, "JOB", "NAME", "FROM", "TO", "RULE", "AGE", "OUTCOME"));
        for (EscalationDecision d : shown) {
            String age = d.age() == null ? "" : EscalationPlanner.format(d.age());
            if (deadlines) {
                s.append(String.format(row, d.jobId(), abbreviate(d.jobName(), 18), d.from(), d.to(), abbreviate(d.ruleId(), 12),
                        age, minute(d.deadline()), minute(d.projectedFinish()), d.slack() == null ? "" : EscalationPlanner.format(d.slack()),
                        d.outcome()));
            } else {
                s.append(String.format(row, d.jobId(), abbreviate(d.jobName(), 18), d.from(), d.to(), abbreviate(d.ruleId(), 12),
                        age, d.outcome()));
            }
        }
        return s.toString();
    }

    /**
     * The run's closing audit line: where and for which slot it ran and what it did, also when nothing was
     * due. It has no {@code job=}, so it is told apart from the decision lines.
     */
    public String summaryLine() {
        return String.format("escalation run node=%s fire=%s jobs=%d applied=%d planned=%d failed=%d vanished=%d "
                        + "urgentCap=%d left=%d deadlines=%d atRisk=%d unreachable=%d result=%s", node, fire, activeJobs,
                count(EscalationOutcome.APPLIED), count(EscalationOutcome.PLANNED), count(EscalationOutcome.FAILED),
                count(EscalationOutcome.SKIPPED_NOT_FOUND), count(EscalationOutcome.SKIPPED_URGENT_CAP),
                count(EscalationOutcome.SKIPPED_RUN_LIMIT), deadlineJobs, atRisk,
                count(EscalationOutcome.SKIPPED_DEADLINE_UNREACHABLE), succeeded() ? "success" : "failure");
    }

    /** {@code 2026-12-03T18:00Z}: deadlines and projections to the minute. */
    static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
