package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import java.util.List;
import java.util.Optional;

/**
 * A whole policy: ordered rules (the first that matches a job decides) and the guards of every run.
 *
 * @param enabled               kill switch: when false a run decides nothing and sends nothing
 * @param dryRun                decide and audit, but send no modify
 * @param maxEscalationsPerRun  at most this many modifies per run; the rest wait for the next run
 * @param maxUrgentJobs         at most this many active jobs at URGENT, counting those already there
 * @param parallelism           how many modifies of a run are in flight at once (1 to 64)
 * @param rules                 in order of precedence
 * @param deadlineMargin        the room a projection must leave before a deadline
 * @param raiseUnreachable      whether a job projected to miss its deadline even at its ceiling is raised anyway
 *                              (default false: it is reported and left, so as not to hold resources others can use)
 */
public record EscalationPolicy(boolean enabled, boolean dryRun, int maxEscalationsPerRun, int maxUrgentJobs,
                               int parallelism, List<EscalationRule> rules, DeadlineMargin deadlineMargin,
                               boolean raiseUnreachable) {

    public static final int DEFAULT_MAX_ESCALATIONS_PER_RUN = 100;
    public static final int DEFAULT_MAX_URGENT_JOBS = 10;
    public static final int DEFAULT_PARALLELISM = 4;
    public static final int MAX_PARALLELISM = 64;

    public EscalationPolicy {
        rules = List.copyOf(rules);
        deadlineMargin = deadlineMargin == null ? DeadlineMargin.DEFAULT : deadlineMargin;
        if (maxEscalationsPerRun < 1) {
            throw new IllegalArgumentException("maxEscalationsPerRun must be at least 1, was " + maxEscalationsPerRun);
        }
        if (maxUrgentJobs < 0) {
            throw new IllegalArgumentException("maxUrgentJobs must not be negative, was " + maxUrgentJobs);
        }
        requireParallelism(parallelism);
    }

    /** A policy with the default deadline margin. */
    public EscalationPolicy(boolean enabled, boolean dryRun, int maxEscalationsPerRun, int maxUrgentJobs, int parallelism,
                            List<EscalationRule> rules) {
        this(enabled, dryRun, maxEscalationsPerRun, maxUrgentJobs, parallelism, rules, DeadlineMargin.DEFAULT, false);
    }

    /** A policy that modifies {@link #DEFAULT_PARALLELISM} jobs at once. */
    public EscalationPolicy(boolean enabled, boolean dryRun, int maxEscalationsPerRun, int maxUrgentJobs,
                            List<EscalationRule> rules) {
        this(enabled, dryRun, maxEscalationsPerRun, maxUrgentJobs, DEFAULT_PARALLELISM, rules);
    }

    /** 1 (one modify at a time) to {@link #MAX_PARALLELISM}. */
    public static int requireParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be from 1 to " + MAX_PARALLELISM + ", was " + parallelism);
        }
        return parallelism;
    }

    /** The first rule that selects {@code job}. */
    public Optional<EscalationRule> ruleFor(ActiveJob job) {
        for (EscalationRule rule : rules) {
            if (rule.match().matches(job)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public EscalationPolicy withDryRun(boolean value) {
        return new EscalationPolicy(enabled, value, maxEscalationsPerRun, maxUrgentJobs, parallelism, rules, deadlineMargin,
                raiseUnreachable);
    }

    /** Whether any rule gives jobs deadlines (the run then measures the appliance's progress). */
    public boolean hasDeadlines() {
        return rules.stream().anyMatch(EscalationRule::hasDeadlines);
    }
}
